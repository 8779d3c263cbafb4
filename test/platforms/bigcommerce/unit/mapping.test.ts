import { appendedSortOrder, renumbered } from '../../../../src/platforms/bigcommerce/adapter';
import { siblingOrder } from '../../../../src/platforms/bigcommerce/categoryIndex';
import { assignmentRecords, categoryRecord, orderedProductIds, productRecord } from '../../../../src/platforms/bigcommerce/mapping';
import { moveToPosition } from '../../../../src/domain/reorder';

describe('BigCommerce records (docs/platforms/bigcommerce.md#endpoints)', () => {
  test('a category of the flat listing', () => {
    expect(
      categoryRecord({
        category_id: 39,
        parent_id: 19,
        tree_id: 1,
        name: 'Bath',
        description: '<p>Relax</p>',
        sort_order: 3,
        image_url: 'https://cdn.example/bath.png',
        is_visible: false,
        url: { path: '/garden/bath/', is_customized: false },
      }),
    ).toEqual({
      nativeId: '39',
      name: 'Bath',
      description: '<p>Relax</p>',
      enabled: false,
      position: 3,
      parentId: '19',
      productCount: null,
      imageUrl: 'https://cdn.example/bath.png',
      thumbnailUrl: null,
      url: '/garden/bath/',
    });
  });

  test('a root (parent 0) has no parent; empty strings are no value', () => {
    expect(categoryRecord({ category_id: 1, parent_id: 0, name: 'Shop All', description: '', image_url: '' })).toMatchObject({
      parentId: null,
      description: null,
      imageUrl: null,
      enabled: true,
      position: null,
      url: null,
    });
  });

  test('a product', () => {
    expect(productRecord({ id: 77, name: 'Mug', sku: 'MUG-1' })).toEqual({ nativeId: '77', name: 'Mug', sku: 'MUG-1' });
    expect(productRecord({ id: 78 })).toEqual({ nativeId: '78', name: null, sku: null });
  });
});

describe('positions (docs/platforms/bigcommerce.md#ordering-and-positions)', () => {
  test('ascending sort_order, products without one last; equals keep the order BigCommerce listed them in', () => {
    const ids = orderedProductIds([
      { product_id: 5, sort_order: null },
      { product_id: 9, sort_order: 2 },
      { product_id: 3, sort_order: 0 },
      { product_id: 8, sort_order: 2 },
      { product_id: 1 },
      { product_id: 7, sort_order: -4 },
    ]);
    expect(ids).toEqual([7, 3, 9, 8, 5, 1]);
  });

  test("the gateway's position is the zero-based rank", () => {
    expect(assignmentRecords([7, 3, 9])).toEqual([
      { productId: '7', position: 0 },
      { productId: '3', position: 1 },
      { productId: '9', position: 2 },
    ]);
  });

  test('appending after the largest sort_order, in the order given', () => {
    const current = {
      entries: [
        { product_id: 1, sort_order: 0 },
        { product_id: 2, sort_order: 10 },
      ],
      ids: [1, 2],
    };
    expect(appendedSortOrder(current, [9, 4])).toEqual([
      { product_id: 9, sort_order: 11 },
      { product_id: 4, sort_order: 12 },
    ]);
    expect(appendedSortOrder({ entries: [], ids: [] }, [3])).toEqual([{ product_id: 3, sort_order: 0 }]);
  });

  test('appending where some products have no sort_order renumbers them all, newcomers last', () => {
    const current = {
      entries: [
        { product_id: 1, sort_order: 0 },
        { product_id: 2, sort_order: null },
        { product_id: 9, sort_order: null },
      ],
      ids: [1, 2, 9],
    };
    // 9 was just assigned (BigCommerce lists it without a sort_order): it goes after 2, not before.
    expect(appendedSortOrder(current, [9])).toEqual([
      { product_id: 2, sort_order: 1 },
      { product_id: 9, sort_order: 2 },
    ]);
  });

  test('a move writes the renumbered order, only where a number changes', () => {
    const current = { entries: [0, 1, 2, 3].map((n) => ({ product_id: 10 + n, sort_order: n })), ids: [10, 11, 12, 13] };
    const order = moveToPosition(current.ids, 10, 2);
    expect(order).toEqual([11, 12, 10, 13]);
    expect(renumbered(current, order)).toEqual([
      { product_id: 11, sort_order: 0 },
      { product_id: 12, sort_order: 1 },
      { product_id: 10, sort_order: 2 },
    ]);
  });

  test('siblings: ascending sort_order, then id (the listing comes by id)', () => {
    const listed = [
      { category_id: 1, name: 'c', sort_order: 5 },
      { category_id: 2, name: 'a', sort_order: 0 },
      { category_id: 3, name: 'b', sort_order: 5 },
      { category_id: 4, name: 'd' },
    ];
    expect(siblingOrder(listed).map((c) => c.category_id)).toEqual([2, 4, 1, 3]);
  });
});
