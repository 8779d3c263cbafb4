import { assignmentRecords, categoryRecord, productRecord } from '../../../src/platforms/zaveit/mapping';
import { isZaveitCategory, ZaveitCategory } from '../../../src/platforms/zaveit/wire';

/** Shaped like seed 002's answer, trimmed to the keys the gateway reads plus a few it ignores. */
const laptops: ZaveitCategory = {
  _id: 'category-id-1',
  name: 'Example Category',
  parent: 'parent-id-1',
  products: [
    { _id: 'product-id-1', sku: 'EX-1001', name: 'Example Product A', stock: 25, currency: { code: 'NOK', _id: 'currency-id-1' } } as ZaveitCategory['products'][number],
    { _id: 'product-id-2', sku: 'EX-1002', name: 'Example Product B' },
  ],
};

describe('Zaveit wire shapes as gateway records', () => {
  test('a category: its _id, name, parent and product count; what Zaveit lacks is null, and it is enabled', () => {
    expect(categoryRecord(laptops)).toEqual({
      nativeId: 'category-id-1',
      name: 'Example Category',
      description: null,
      enabled: true,
      position: null,
      parentId: 'parent-id-1',
      productCount: 2,
      imageUrl: null,
      thumbnailUrl: null,
      url: null,
    });
  });

  test('a root has parent null, and an answer without parent (add/remove) takes the parent it is given', () => {
    expect(categoryRecord({ ...laptops, parent: null }).parentId).toBeNull();
    const { parent: _omitted, ...addAnswer } = laptops;
    expect(categoryRecord(addAnswer).parentId).toBeNull();
    expect(categoryRecord(addAnswer, 'known-parent').parentId).toBe('known-parent');
  });

  test('products keep Zaveit\'s order, positions zero-based', () => {
    expect(assignmentRecords(laptops)).toEqual([
      { productId: 'product-id-1', position: 0 },
      { productId: 'product-id-2', position: 1 },
    ]);
    expect(assignmentRecords({ ...laptops, products: [] })).toEqual([]);
  });

  test('a product: sku and name, null where missing or empty', () => {
    expect(productRecord(laptops.products[0])).toEqual({ nativeId: 'product-id-1', sku: 'EX-1001', name: 'Example Product A' });
    expect(productRecord({ _id: 'p' })).toEqual({ nativeId: 'p', sku: null, name: null });
    expect(productRecord({ _id: 'p', sku: '', name: null })).toEqual({ nativeId: 'p', sku: null, name: null });
  });

  test.each([
    ['the seed shape', laptops, true],
    ['a category without parent (add/remove answer)', { _id: 'c', name: 'C', products: [] }, true],
    ['no products array', { _id: 'c', name: 'C' }, false],
    ['a numeric _id', { _id: 7, name: 'C', products: [] }, false],
    ['a product without _id', { _id: 'c', name: 'C', products: [{ name: 'x' }] }, false],
    ['a parent that is not a string', { _id: 'c', name: 'C', parent: 3, products: [] }, false],
    ['an array', [], false],
    ['null', null, false],
  ])('isZaveitCategory: %s → %s', (_, body, expected) => {
    expect(isZaveitCategory(body)).toBe(expected);
  });
});
