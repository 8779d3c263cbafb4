import { ErrorCode } from '../../../../src/domain/errorCode';
import { categoryNotFound, idsNamedIn, zaveitFault } from '../../../../src/platforms/zaveit/faults';
import { upstreamAnswer as answer } from '../../../support/upstreamAnswer';

describe('Zaveit statuses in the gateway terms (docs/platforms/zaveit.md#faults)', () => {
  test.each([
    [400, ErrorCode.BAD_USER_INPUT, false],
    [404, ErrorCode.CATEGORY_NOT_FOUND, false],
    [401, ErrorCode.STORE_MISCONFIGURED, false],
    [403, ErrorCode.STORE_MISCONFIGURED, false],
    [429, ErrorCode.RATE_LIMITED, true],
    [500, ErrorCode.UPSTREAM_UNAVAILABLE, true],
    [502, ErrorCode.UPSTREAM_UNAVAILABLE, true],
    [409, ErrorCode.UPSTREAM_ERROR, false],
    [422, ErrorCode.UPSTREAM_ERROR, false],
  ])('HTTP %i is %s (retryable: %s)', (status, code, retryable) => {
    const fault = zaveitFault(answer(status, { message: 'x' }), categoryNotFound('c1'));
    expect(fault.code).toBe(code);
    expect(fault.retryable).toBe(retryable);
    expect(fault.upstreamStatus).toBe(status);
  });

  test('a 404 is about what the operation says, with its field', () => {
    const fault = zaveitFault(answer(404, { message: 'Category c1 not found' }), categoryNotFound('c1'));
    expect(fault.message).toBe('Category c1 does not exist');
    expect(fault.field).toEqual(['categoryId']);
  });

  test("a 400 carries Zaveit's message, shortened; a missing or non-JSON body still maps", () => {
    expect(zaveitFault(answer(400, { message: 'Body must be an array' }), categoryNotFound('c')).message).toBe('Zaveit rejected the request: Body must be an array');
    expect(zaveitFault(answer(400, { message: 'y'.repeat(1000) }), categoryNotFound('c')).message.length).toBeLessThan(350);
    expect(zaveitFault(answer(400, '<html>'), categoryNotFound('c')).message).toBe('Zaveit rejected the request: malformed request');
    expect(zaveitFault(answer(400), categoryNotFound('c')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('429 says how long to wait', () => {
    expect(zaveitFault(answer(429, undefined, { 'retry-after': '12' }), categoryNotFound('c')).retryAfterSeconds).toBe(12);
  });

  test('401 and 403 never echo the upstream message (it could name credentials)', () => {
    expect(zaveitFault(answer(401, { message: 'Invalid token abc' }), categoryNotFound('c')).message).toBe("Zaveit rejected the gateway's credentials for this store");
  });
});

describe('the products a 404 names', () => {
  const sent = ['97c2cc24-4311-4497-8ce0-07338a708ddd', 'ghost-1', 'ghost-10'];

  test('whole ids only, in the order sent', () => {
    expect(idsNamedIn('Products not found: ghost-10, ghost-1', sent)).toEqual(['ghost-1', 'ghost-10']);
    expect(idsNamedIn('Products not found: ghost-10', sent)).toEqual(['ghost-10']);
  });

  test('none when the message names none of them or there is no message', () => {
    expect(idsNamedIn('Not found', sent)).toEqual([]);
    expect(idsNamedIn(undefined, sent)).toEqual([]);
  });
});
