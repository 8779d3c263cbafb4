import { BASE, OWN_PRODUCT_KEYS, RESOLD_PRODUCT_KEYS, Zaveit, call, categoryNamed, productIdsOf, startDemo, unplacedProducts } from '../../../support/zaveitEmulator';

describe('Zaveit PUT /v2/product/category/:id/products/add and /remove', () => {
  let zaveit: Zaveit;
  let categoryId: string;
  beforeEach(async () => {
    zaveit = await startDemo();
    categoryId = categoryNamed(zaveit, 'Brukersupport');
  });
  afterEach(() => zaveit.close());

  it('answers with the category and its products in the exact shape Zaveit documents', async () => {
    const { resold, own } = unplacedProducts(zaveit);
    const reply = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [resold, own] });

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(reply.body)).toEqual(['_id', 'name', 'products']);
    expect(reply.body).toMatchObject({ _id: categoryId, name: 'Brukersupport' });
    for (const product of reply.body.products) {
      expect(Object.keys(product)).toEqual(product.distributor ? RESOLD_PRODUCT_KEYS : OWN_PRODUCT_KEYS);
      expect(Object.keys(product.status)).toEqual(['active', 'deleted']);
      expect(Object.keys(product.country)).toEqual(['code', '_id']);
      expect(Object.keys(product.currency)).toEqual(['code', '_id']);
      expect(product).toMatchObject({ country: { code: 'NO' }, currency: { code: 'NOK' }, type: 3, reference: null, sales_channel: 'Shop' });
      expect(product.categories).toContain(categoryId);
      for (const price of product.products) {
        expect(Object.keys(price)).toEqual(['subscription_term', 'payment_period', 'amount', 'price', '_id']);
        expect(Object.keys(price.amount)).toEqual(['default', 'min']);
        expect(typeof price.price).toBe('number');
      }
    }
    const added = reply.body.products.slice(-2);
    expect(Object.keys(added[0])).toEqual(RESOLD_PRODUCT_KEYS);
    expect(Object.keys(added[0].distributor)).toEqual(['_id', 'name', 'tenant', 'active', 'created', 'updated']);
    expect(Object.keys(added[0].consumption)).toEqual(['metadata']);
    expect(Object.keys(added[0].managementLink)).toEqual(['title', 'url']);
    expect(Object.keys(added[1])).toEqual(OWN_PRODUCT_KEYS);
  });

  it('appends new products in body order and leaves those already there where they are', async () => {
    const before = productIdsOf(zaveit, categoryId);
    const [first, second] = unplacedProducts(zaveit).all;

    const reply = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [second, before[1], first, second] });

    const expected = [...before, second, first];
    expect(reply.body.products.map((p: { _id: string }) => p._id)).toEqual(expected);
    expect(productIdsOf(zaveit, categoryId)).toEqual(expected);
    expect(zaveit.catalog.product(first)?.categories).toEqual([categoryId]);
    expect(zaveit.catalog.product(before[1])?.categories.filter((id) => id === categoryId)).toHaveLength(1);
  });

  it('keeps a product in every category it is added to', async () => {
    const { resold } = unplacedProducts(zaveit);
    const other = categoryNamed(zaveit, 'Kampanjer');
    await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [resold] });
    await call(zaveit, 'PUT', `${BASE}/${other}/products/add`, { body: [resold] });

    expect(zaveit.catalog.product(resold)?.categories).toEqual([categoryId, other]);
  });

  it('removes products, keeps the order of the rest and ignores products that were not in the category', async () => {
    const before = productIdsOf(zaveit, categoryId);
    const { resold } = unplacedProducts(zaveit);

    const reply = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/remove`, { body: [before[1], resold, before[1]] });

    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['_id', 'name', 'products']);
    const remaining = before.filter((id) => id !== before[1]);
    expect(reply.body.products.map((p: { _id: string }) => p._id)).toEqual(remaining);
    expect(productIdsOf(zaveit, categoryId)).toEqual(remaining);
    expect(zaveit.catalog.product(before[1])?.categories).not.toContain(categoryId);
    expect(zaveit.catalog.product(before[1])).toBeDefined();
  });

  it('answers with an empty product list once the last product is removed', async () => {
    const before = productIdsOf(zaveit, categoryId);

    const reply = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/remove`, { body: before });

    expect(reply.body).toEqual({ _id: categoryId, name: 'Brukersupport', products: [] });
  });
});
