import { ErrorCode } from '../../src/domain/errorCode';
import { GatewayFault } from '../../src/domain/gatewayFault';
import { parseGlobalId, toGlobalId } from '../../src/ids/globalId';

describe('global ids', () => {
  test('are gid://categraph/<Type>/<storeId>/<nativeId percent-encoded>', () => {
    expect(toGlobalId('Category', 'ecwid-demo', '9691094')).toBe('gid://categraph/Category/ecwid-demo/9691094');
    expect(toGlobalId('Product', 'sfcc-demo', 'a/b c')).toBe('gid://categraph/Product/sfcc-demo/a%2Fb%20c');
  });

  test('round-trip native ids with any characters', () => {
    for (const nativeId of ['9691094', 'womens-clothing', 'a/b c', 'ø-æ-å', '100%']) {
      expect(parseGlobalId(toGlobalId('Category', 'shop-eu', nativeId), 'Category', ['id'])).toEqual({
        type: 'Category',
        storeId: 'shop-eu',
        nativeId,
      });
    }
  });

  test.each([
    ['', 'expected gid://categraph/'],
    ['9691094', 'expected gid://categraph/'],
    ['gid://shopify/Category/ecwid-demo/1', 'expected gid://categraph/'],
    ['gid://categraph/Category/ecwid-demo', 'expected gid://categraph/'],
    ['gid://categraph/Category/ecwid-demo/1/2', 'expected gid://categraph/'],
    ['gid://categraph/Order/ecwid-demo/1', 'unknown type'],
    ['gid://categraph/Product/ecwid-demo/1', 'expected a Category id'],
    ['gid://categraph/Category/Ecwid_Demo/1', 'malformed store id'],
    ['gid://categraph/Category/ecwid-demo/%E0%A4%A', 'malformed percent-encoding'],
    ['gid://categraph/Category/ecwid-demo/', 'empty native id'],
    [`gid://categraph/Category/ecwid-demo/${'1'.repeat(600)}`, 'longer than 512'],
  ])('%j is refused as BAD_USER_INPUT (%s)', (raw, why) => {
    let fault: unknown;
    try {
      parseGlobalId(raw, 'Category', ['input', 'categoryId']);
    } catch (error) {
      fault = error;
    }
    expect(fault).toBeInstanceOf(GatewayFault);
    expect((fault as GatewayFault).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((fault as GatewayFault).message).toContain(why);
    expect((fault as GatewayFault).field).toEqual(['input', 'categoryId']);
  });
});
