import { BIGCOMMERCE_ERROR_TYPE, startBigCommerceEmulator } from '../../../../src/emulators/bigcommerce';
import { addCategories, addProducts, assign, BigCommerce, categoryNamed, storeClient } from '../../../support/bigcommerceEmulatorClient';
import type { EmulatorCall } from '../../../support/emulatorClient';

describe('BigCommerce emulator: products in categories (docs/platforms/bigcommerce.md#endpoints)', () => {
  let bc: BigCommerce;
  let call: EmulatorCall;
  let shoes: number;
  let boots: number;
  let products: number[];
  beforeEach(async () => {
    bc = await startBigCommerceEmulator({ catalog: 'empty', rateLimit: false });
    call = storeClient(bc);
    [shoes, boots] = addCategories(bc, ['Shoes', 'Boots']);
    products = addProducts(bc, 6);
  });
  afterEach(() => bc.close());

  const sortOrder = async (categoryId: number, query = '') => (await call('GET', `/catalog/categories/${categoryId}/products/sort-order${query}`)).body;

  describe('category assignments', () => {
    it('PUT assigns pairs: 204 without a body; GET lists them paged, by product then category', async () => {
      const [p1, p2, p3] = products;
      const put = await call('PUT', '/catalog/products/category-assignments', {
        body: [
          { product_id: p2, category_id: boots },
          { product_id: p1, category_id: shoes },
          { product_id: p2, category_id: shoes },
          { product_id: p3, category_id: boots },
        ],
      });
      const all = await call('GET', '/catalog/products/category-assignments');
      const paged = await call('GET', '/catalog/products/category-assignments?limit=2&page=2');
      const filtered = await call('GET', `/catalog/products/category-assignments?category_id:in=${boots}&product_id:in=${p2},${p1}`);

      expect(put.status).toBe(204);
      expect(put.body).toBeUndefined();
      expect(all.body).toEqual({
        data: [
          { product_id: p1, category_id: shoes },
          { product_id: p2, category_id: shoes },
          { product_id: p2, category_id: boots },
          { product_id: p3, category_id: boots },
        ],
        meta: { pagination: { total: 4, count: 4, per_page: 50, current_page: 1, total_pages: 1, links: { current: '?limit=50&page=1' } } },
      });
      expect(paged.body.data).toEqual(all.body.data.slice(2));
      expect(paged.body.meta.pagination).toMatchObject({ count: 2, per_page: 2, current_page: 2, total_pages: 2 });
      expect(filtered.body.data).toEqual([{ product_id: p2, category_id: boots }]);
    });

    it('leaves a pair that exists as it is, sort_order included', async () => {
      const [p1] = products;
      assign(bc, shoes, [p1]);
      bc.catalog.setSortOrder(shoes, [{ product_id: p1, sort_order: 3 }]);

      const again = await call('PUT', '/catalog/products/category-assignments', { body: [{ product_id: p1, category_id: shoes }] });

      expect(again.status).toBe(204);
      expect((await sortOrder(shoes)).data).toEqual([{ product_id: p1, sort_order: 3 }]);
    });

    it('answers a batch with an unknown product or category with a flat 422 keyed per item, and applies none of it', async () => {
      const [p1] = products;
      const { status, body } = await call('PUT', '/catalog/products/category-assignments', {
        body: [
          { product_id: p1, category_id: shoes },
          { product_id: 999999, category_id: shoes },
          { product_id: p1, category_id: 888888 },
        ],
      });

      expect(status).toBe(422);
      expect(body).toEqual({
        status: 422,
        title: 'The category assignments were not valid',
        type: BIGCOMMERCE_ERROR_TYPE,
        errors: { '1.product_id': 'Product 999999 does not exist', '2.category_id': 'Category 888888 does not exist' },
      });
      expect(bc.catalog.listAssignments({})).toEqual([]);
    });

    it('DELETE removes the pairs matching both filters, 204 even when none match; no filter is a 422', async () => {
      const [p1, p2] = products;
      assign(bc, shoes, [p1, p2]);
      assign(bc, boots, [p1]);

      const removed = await call('DELETE', `/catalog/products/category-assignments?product_id:in=${p1}&category_id:in=${shoes}`);
      const nothing = await call('DELETE', `/catalog/products/category-assignments?product_id:in=${products[5]}`);
      const unfiltered = await call('DELETE', '/catalog/products/category-assignments');

      expect(removed.status).toBe(204);
      expect(nothing.status).toBe(204);
      expect(bc.catalog.listAssignments({})).toEqual([
        { product_id: p1, category_id: boots },
        { product_id: p2, category_id: shoes },
      ]);
      expect(unfiltered.status).toBe(422);
      expect(unfiltered.body).toEqual({
        status: 422,
        title: 'At least one filter must be provided in order to delete category assignments',
        type: BIGCOMMERCE_ERROR_TYPE,
        errors: {},
      });
    });
  });

  describe('product sort order (docs/platforms/bigcommerce.md#ordering-and-positions)', () => {
    it('lists numbered products by sort_order then product_id, then the null ones newest first', async () => {
      const [p1, p2, p3, p4, p5] = products;
      assign(bc, shoes, [p1, p2, p3, p4, p5]);
      bc.catalog.setSortOrder(shoes, [
        { product_id: p3, sort_order: 2 },
        { product_id: p1, sort_order: 5 },
        { product_id: p4, sort_order: 2 },
      ]);

      expect(await sortOrder(shoes)).toEqual({
        data: [
          { product_id: p3, sort_order: 2 },
          { product_id: p4, sort_order: 2 },
          { product_id: p1, sort_order: 5 },
          { product_id: p5, sort_order: null },
          { product_id: p2, sort_order: null },
        ],
        meta: { pagination: { total: 5, count: 5, per_page: 50, current_page: 1, total_pages: 1, links: { current: '?limit=50&page=1' } } },
      });
      const second = await sortOrder(shoes, '?limit=2&page=2');
      expect(second.data).toEqual([
        { product_id: p1, sort_order: 5 },
        { product_id: p5, sort_order: null },
      ]);
    });

    it('PUT sets the listed products’ sort_order and answers them as a bare array; the others keep theirs', async () => {
      const [p1, p2, p3] = products;
      assign(bc, shoes, [p1, p2, p3]);
      bc.catalog.setSortOrder(shoes, [{ product_id: p3, sort_order: 9 }]);

      const { status, body } = await call('PUT', `/catalog/categories/${shoes}/products/sort-order`, {
        body: [
          { product_id: p2, sort_order: 0 },
          { product_id: p1, sort_order: 1 },
        ],
      });

      expect(status).toBe(200);
      expect(body).toEqual([
        { product_id: p2, sort_order: 0 },
        { product_id: p1, sort_order: 1 },
      ]);
      expect((await sortOrder(shoes)).data.map((e: { product_id: number }) => e.product_id)).toEqual([p2, p1, p3]);
    });

    it('a new assignment has no sort_order, so it ranks after the numbered products', async () => {
      const [p1, p2, p3] = products;
      assign(bc, shoes, [p2, p3]);
      bc.catalog.setSortOrder(shoes, [
        { product_id: p3, sort_order: 0 },
        { product_id: p2, sort_order: 1 },
      ]);

      await call('PUT', '/catalog/products/category-assignments', { body: [{ product_id: p1, category_id: shoes }] });

      expect((await sortOrder(shoes)).data).toEqual([
        { product_id: p3, sort_order: 0 },
        { product_id: p2, sort_order: 1 },
        { product_id: p1, sort_order: null },
      ]);
    });

    it('answers a product not in the category, or a bad entry, with a flat 422 and changes nothing', async () => {
      const [p1, p2] = products;
      assign(bc, shoes, [p1]);

      const notAssigned = await call('PUT', `/catalog/categories/${shoes}/products/sort-order`, {
        body: [
          { product_id: p1, sort_order: 0 },
          { product_id: p2, sort_order: 1 },
        ],
      });
      const negative = await call('PUT', `/catalog/categories/${shoes}/products/sort-order`, { body: [{ product_id: p1, sort_order: -1 }] });
      const notArray = await call('PUT', `/catalog/categories/${shoes}/products/sort-order`, { body: { product_id: p1, sort_order: 1 } });

      expect(notAssigned).toMatchObject({ status: 422, body: { status: 422, title: `Product ${p2} is not assigned to category ${shoes}`, type: BIGCOMMERCE_ERROR_TYPE } });
      expect(negative).toMatchObject({ status: 422, body: { status: 422, type: BIGCOMMERCE_ERROR_TYPE } });
      expect(notArray.status).toBe(422);
      expect((await sortOrder(shoes)).data).toEqual([{ product_id: p1, sort_order: null }]);
    });

    it('answers an unknown category with 404 and error_Base, reads and writes alike', async () => {
      const read = await call('GET', '/catalog/categories/999999/products/sort-order');
      const write = await call('PUT', '/catalog/categories/999999/products/sort-order', { body: [] });

      for (const answer of [read, write]) expect(answer).toMatchObject({ status: 404, body: { status: 404, title: 'Category 999999 not found', type: BIGCOMMERCE_ERROR_TYPE } });
    });
  });

  describe('GET /catalog/products', () => {
    it('answers the products of id:in that exist, by id, only id and the include_fields', async () => {
      const [p1, p2] = products;
      const { status, body } = await call('GET', `/catalog/products?id:in=${p2},999999,${p1}&include_fields=name,sku&limit=250`);

      expect(status).toBe(200);
      expect(body).toEqual({
        data: [
          { id: p1, name: 'Test product 0', sku: 'T-0' },
          { id: p2, name: 'Test product 1', sku: 'T-1' },
        ],
        meta: { pagination: { total: 2, count: 2, per_page: 250, current_page: 1, total_pages: 1, links: { current: '?limit=250&page=1' } } },
      });
    });

    it('answers the full product with its categories without include_fields, and pages at most 250', async () => {
      const [p1] = products;
      assign(bc, boots, [p1]);
      assign(bc, shoes, [p1]);
      addProducts(bc, 300);

      const one = await call('GET', `/catalog/products?id=${p1}`);
      const big = await call('GET', '/catalog/products?limit=251&page=2');

      expect(one.body.data).toEqual([
        expect.objectContaining({ id: p1, name: 'Test product 0', sku: 'T-0', price: 1, type: 'physical', is_visible: true, categories: [shoes, boots] }),
      ]);
      expect(big.body.meta.pagination).toMatchObject({ total: 306, count: 56, per_page: 250, total_pages: 2 });
    });
  });
});

describe('BigCommerce emulator: demo catalog (docs/platforms/bigcommerce.md)', () => {
  it('is the same on every start: 94 categories in two trees, 254 products, a mixed product order in Shop All', async () => {
    const [a, b] = await Promise.all([startBigCommerceEmulator(), startBigCommerceEmulator()]);
    try {
      expect(a.catalog.categories.size).toBe(94);
      expect([...a.catalog.categories.values()].filter((c) => c.treeId === 1)).toHaveLength(91);
      expect(a.catalog.products.size).toBe(254);
      expect([...a.catalog.products.values()]).toEqual([...b.catalog.products.values()]);
      expect(a.catalog.listAssignments({})).toEqual(b.catalog.listAssignments({}));
      const shopAll = a.catalog.sortOrder(categoryNamed(a, 'Shop All'));
      expect(shopAll).toHaveLength(40);
      expect(shopAll.filter((entry) => entry.sort_order === null)).toHaveLength(20);
      expect(shopAll).toEqual(b.catalog.sortOrder(categoryNamed(b, 'Shop All')));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
