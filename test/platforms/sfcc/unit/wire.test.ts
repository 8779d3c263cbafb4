import { faultDocumentOf } from '../../../../src/platforms/sfcc/faults';
import { SfccAssignmentSchema, SfccAssignmentSearchResultSchema, SfccCategoryListSchema, SfccCategorySchema, SfccProductSchema } from '../../../../src/platforms/sfcc/wire';

describe('SFCC wire schemas: what the adapter reads, nothing more', () => {
  test('a category needs its id; other keys are kept; a field of another type reads as absent', () => {
    expect(SfccCategorySchema.safeParse({ name: { default: 'x' } }).success).toBe(false);
    expect(SfccCategorySchema.safeParse([{ id: 'a' }]).success).toBe(false);
    const parsed = SfccCategorySchema.parse({
      id: 'a',
      _type: 'category',
      name: 'not localized',
      online: null,
      parent_category_id: null,
      position: '3',
      paths: [{ id: 'a', _type: 'path_record' }],
    });
    expect(parsed).toEqual({ id: 'a', _type: 'category', paths: [{ id: 'a', _type: 'path_record' }] });
  });

  test('a levels answer: subcategories nested at any depth, each checked (a children list proves the children)', () => {
    const tree = {
      id: 'top',
      categories: [
        { id: 'a', categories: [{ id: 'a1' }] },
        { id: 'b', categories: null },
      ],
    };
    expect(SfccCategorySchema.parse(tree)).toEqual(tree);
    expect(SfccCategorySchema.safeParse({ id: 'top', categories: [{ id: 'a', categories: [{ name: {} }] }] }).success).toBe(false);
  });

  test('a listing page needs its total; documents that are not categories are skipped', () => {
    expect(SfccCategoryListSchema.parse({ count: 3, start: 0, total: 3, data: [{ id: 'a' }, { name: {} }, 'x', { id: 'b' }] }).data).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(SfccCategoryListSchema.parse({ total: 0 }).data).toBeUndefined();
    expect(SfccCategoryListSchema.safeParse({ data: [] }).success).toBe(false);
    expect(SfccCategoryListSchema.safeParse({ total: 1, data: null }).success).toBe(false);
  });

  test('a search page needs its total; hits that are not assignments are skipped', () => {
    const page = SfccAssignmentSearchResultSchema.parse({ total: 2, hits: [{ product_id: 'P1', position: 1 }, { position: 2 }] });
    expect(page.hits).toEqual([{ product_id: 'P1', position: 1 }]);
    expect(SfccAssignmentSearchResultSchema.safeParse({ hits: [] }).success).toBe(false);
    expect(SfccAssignmentSchema.parse({ product_id: 'P1', position: null, product_name: { default: 'Shoe' } })).toEqual({
      product_id: 'P1',
      product_name: { default: 'Shoe' },
    });
  });

  test('a product needs its id', () => {
    expect(SfccProductSchema.safeParse({ id: 'P1', name: { default: 'Shoe' } }).success).toBe(true);
    expect(SfccProductSchema.safeParse({ name: { default: 'Shoe' } }).success).toBe(false);
  });

  test('a fault document is one with a fault type', () => {
    const answer = (text: string) => ({ status: 404, headers: {}, text });
    expect(faultDocumentOf(answer('{"_v":"23.2","fault":{"type":"CategoryNotFoundException","message":"m","arguments":{"categoryId":"x"}}}'))).toEqual({
      type: 'CategoryNotFoundException',
      message: 'm',
      arguments: { categoryId: 'x' },
    });
    expect(faultDocumentOf(answer('{"fault":{"message":"m"}}'))).toBeUndefined();
    expect(faultDocumentOf(answer('null'))).toBeUndefined();
    expect(faultDocumentOf(answer('<html>'))).toBeUndefined();
    expect(faultDocumentOf(answer('{"fault":{"type":"X","arguments":null}}'))).toEqual({ type: 'X' });
  });
});
