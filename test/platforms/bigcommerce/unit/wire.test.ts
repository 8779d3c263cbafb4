import {
  bigCommerceCategoryPageSchema,
  bigCommerceCreatedSchema,
  bigCommerceErrorBodySchema,
  bigCommerceProductPageSchema,
  bigCommerceSortOrderPageSchema,
} from '../../../../src/platforms/bigcommerce/wire';

const pagination = { total: 2, count: 2, per_page: 50, current_page: 1, total_pages: 1, links: { current: '?page=1&limit=50' } };

describe('BigCommerce wire schemas read what the adapter reads and keep the rest (docs/platforms/bigcommerce.md#endpoints)', () => {
  test('the flat listing, as the spec shows it', () => {
    const page = bigCommerceCategoryPageSchema.parse({
      data: [
        {
          category_id: 19,
          category_uuid: '5fbd7b0e-1d7c-4d53-a0a1-5f1b2c1a8a01',
          parent_id: 0,
          tree_id: 1,
          name: 'Garden',
          description: '<p>This is the garden description</p>',
          views: 0,
          sort_order: 2,
          page_title: 'page title',
          meta_keywords: ['meta keyword'],
          image_url: '',
          is_visible: true,
          default_product_sort: 'use_store_settings',
          url: { path: '/garden/', is_customized: false },
        },
      ],
      meta: { pagination },
    });
    expect(page.data[0]).toMatchObject({ category_id: 19, name: 'Garden', views: 0, url: { path: '/garden/' } });
    expect(page.meta.pagination.total_pages).toBe(1);
  });

  test('the flat listing without pagination is not what the adapter reads', () => {
    expect(bigCommerceCategoryPageSchema.safeParse({ data: [] }).success).toBe(false);
    expect(bigCommerceCategoryPageSchema.safeParse({ data: [{ name: 'no id' }], meta: { pagination } }).success).toBe(false);
  });

  test('the sort order: a page of pairs (null where none was set), or a bare array as an older spec shows', () => {
    const paged = bigCommerceSortOrderPageSchema.parse({
      data: [
        { product_id: 5, sort_order: 0 },
        { product_id: 6, sort_order: null },
      ],
      meta: { pagination },
    });
    expect(paged.data).toEqual([
      { product_id: 5, sort_order: 0 },
      { product_id: 6, sort_order: null },
    ]);
    expect(paged.meta?.pagination?.total_pages).toBe(1);
    const bare = bigCommerceSortOrderPageSchema.parse([{ product_id: 7, sort_order: 3 }]);
    expect(bare).toEqual({ data: [{ product_id: 7, sort_order: 3 }], meta: undefined });
  });

  test('products with the fields asked for', () => {
    expect(bigCommerceProductPageSchema.parse({ data: [{ id: 1, name: 'Mug', sku: 'M' }], meta: { pagination } }).data).toEqual([{ id: 1, name: 'Mug', sku: 'M' }]);
  });

  test('a create answers the categories it made', () => {
    const created = bigCommerceCreatedSchema.parse({ data: [{ category_id: 99, parent_id: 19, name: 'New', tree_id: 1 }], meta: { total: 1, success: 1, failed: 0 } });
    expect(created.data[0].category_id).toBe(99);
  });

  test('error bodies: field → message on a 422, an array on others', () => {
    expect(bigCommerceErrorBodySchema.parse({ status: 422, title: 'Invalid', type: 't', errors: { name: 'missing' } }).errors).toEqual({ name: 'missing' });
    expect(bigCommerceErrorBodySchema.parse({ errors: [{ status: 500, title: 'Internal' }] }).errors).toHaveLength(1);
  });
});
