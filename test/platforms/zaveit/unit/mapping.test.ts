import { assignmentRecords, categoryRecord, productRecord } from '../../../../src/platforms/zaveit/mapping';
import { ZaveitCategory, ZaveitCategorySchema, ZaveitListingSchema } from '../../../../src/platforms/zaveit/wire';

/** Shaped like the add answer of docs/platforms/zaveit.md#endpoints (plus `parent`), trimmed to the keys the gateway reads plus a few it ignores. */
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

  test("products keep Zaveit's order, positions zero-based", () => {
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
    ['the documented shape', laptops, true],
    ['a category without parent (add/remove answer)', { _id: 'c', name: 'C', products: [] }, true],
    ['no products array', { _id: 'c', name: 'C' }, false],
    ['a numeric _id', { _id: 7, name: 'C', products: [] }, false],
    ['a product without _id', { _id: 'c', name: 'C', products: [{ name: 'x' }] }, false],
    ['a product with an empty _id', { _id: 'c', name: 'C', products: [{ _id: '' }] }, false],
    ['a product whose sku and name are not strings (read as null)', { _id: 'c', name: 'C', products: [{ _id: 'p', sku: 7, name: {} }] }, true],
    ['a root (parent null)', { _id: 'c', name: 'C', parent: null, products: [] }, true],
    ['a parent that is not a string', { _id: 'c', name: 'C', parent: 3, products: [] }, false],
    ['an array', [], false],
    ['null', null, false],
  ])('ZaveitCategorySchema: %s → %s', (_, body, expected) => {
    expect(ZaveitCategorySchema.safeParse(body).success).toBe(expected);
  });

  test('the listing is an array of categories; one bad category fails it, and unknown keys are kept', () => {
    expect(ZaveitListingSchema.safeParse([laptops, { _id: 'c', name: 'C', parent: null, products: [] }]).success).toBe(true);
    expect(ZaveitListingSchema.safeParse([]).success).toBe(true);
    expect(ZaveitListingSchema.safeParse([laptops, { _id: 'c', name: 'C' }]).success).toBe(false);
    expect(ZaveitListingSchema.safeParse(laptops).success).toBe(false);
    const parsed = ZaveitCategorySchema.parse(laptops);
    expect(parsed.products[0]).toMatchObject({ stock: 25, currency: { code: 'NOK' } });
  });
});
