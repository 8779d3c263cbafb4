import { buildProduct, ZAVEIT_DEMO_TENANT } from '../../../../src/emulators/zaveit';
import { BASE, Zaveit, call, categoryNamed, productIdsOf, startDemo, unplacedProducts } from '../../../support/zaveitEmulator';

const BAD_BODY = { message: 'Body must be a non-empty JSON array of product ids (strings)' };

describe('Zaveit errors: 400, 404, 401 and tenants', () => {
  let zaveit: Zaveit;
  let categoryId: string;
  beforeEach(async () => {
    zaveit = await startDemo();
    categoryId = categoryNamed(zaveit, 'Skjermer');
  });
  afterEach(() => zaveit.close());

  describe.each(['add', 'remove'])('PUT .../products/%s', (operation) => {
    const path = () => `${BASE}/${categoryId}/products/${operation}`;

    it.each([
      ['malformed JSON', '["a", '],
      ['no body', undefined],
      ['an object', { productIds: ['a'] }],
      ['a JSON string', '"abc"'],
      ['an empty array', []],
      ['a number among the ids', ['a', 7]],
      ['an empty id', ['']],
    ])('answers 400 with a message for %s, changing nothing', async (_, body) => {
      const before = productIdsOf(zaveit, categoryId);

      const reply = await call(zaveit, 'PUT', path(), { body });

      expect(reply.status).toBe(400);
      expect(reply.body).toEqual(BAD_BODY);
      expect(productIdsOf(zaveit, categoryId)).toEqual(before);
    });

    it('answers 404 for an unknown category', async () => {
      const reply = await call(zaveit, 'PUT', `${BASE}/no-such-category/products/${operation}`, { body: [productIdsOf(zaveit, categoryId)[0]] });

      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ message: 'Category no-such-category not found' });
    });

    it('answers 404 naming the unknown products and applies none of the others', async () => {
      const before = productIdsOf(zaveit, categoryId);
      const { resold } = unplacedProducts(zaveit);

      const reply = await call(zaveit, 'PUT', path(), { body: [resold, 'ghost-1', before[0], 'ghost-2'] });

      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ message: 'Products not found: ghost-1, ghost-2' });
      expect(productIdsOf(zaveit, categoryId)).toEqual(before);
      expect(zaveit.catalog.product(resold)?.categories).toEqual([]);
    });
  });

  it('answers 404 to GET and DELETE of an unknown category', async () => {
    for (const method of ['GET', 'DELETE']) {
      const reply = await call(zaveit, method, `${BASE}/no-such-category`);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ message: 'Category no-such-category not found' });
    }
  });

  it('answers 404 with a message for a path it does not know', async () => {
    const reply = await call(zaveit, 'GET', '/v2/product/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: 'Not found' });
  });

  it.each([
    ['no token', null, 'Missing bearer token'],
    ['an unknown token', 'not-a-zaveit-token', 'Invalid token'],
  ])('answers 401 with %s, changing nothing', async (_, token, message) => {
    const before = productIdsOf(zaveit, categoryId);
    const { resold } = unplacedProducts(zaveit);

    const replies = await Promise.all([call(zaveit, 'GET', BASE, { token }), call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { token, body: [resold] })]);

    for (const reply of replies) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message });
    }
    expect(productIdsOf(zaveit, categoryId)).toEqual(before);
  });

  describe('with a second tenant', () => {
    const OTHER_TENANT = 'other-tenant';
    const OTHER_TOKEN = 'other-token';
    let otherCategory: string;
    let otherProduct: string;
    beforeEach(() => {
      zaveit.catalog.addToken(OTHER_TOKEN, OTHER_TENANT);
      otherCategory = zaveit.catalog.addCategory({ tenant: OTHER_TENANT, name: 'Andre kunders varer' });
      otherProduct = zaveit.catalog.addProduct(buildProduct({ tenant: OTHER_TENANT, name: 'Fremmed vare', sku: 'X-1', price: 100 }));
    });

    it('lists only the caller’s own categories', async () => {
      const mine = await call(zaveit, 'GET', BASE);
      const theirs = await call(zaveit, 'GET', BASE, { token: OTHER_TOKEN });

      expect(theirs.body).toEqual([{ _id: otherCategory, name: 'Andre kunders varer', parent: null, products: [] }]);
      expect(mine.body.map((c: { _id: string }) => c._id)).not.toContain(otherCategory);
    });

    it('treats another tenant’s category as unknown', async () => {
      const replies = await Promise.all([
        call(zaveit, 'GET', `${BASE}/${categoryId}`, { token: OTHER_TOKEN }),
        call(zaveit, 'DELETE', `${BASE}/${categoryId}`, { token: OTHER_TOKEN }),
        call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { token: OTHER_TOKEN, body: [otherProduct] }),
        call(zaveit, 'PUT', `${BASE}/${otherCategory}/products/add`, { body: [otherProduct] }),
      ]);

      expect(replies.map((reply) => reply.status)).toEqual([404, 404, 404, 404]);
      expect(zaveit.catalog.category(categoryId)).toBeDefined();
    });

    it('treats another tenant’s product as unknown', async () => {
      const reply = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [otherProduct] });

      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ message: `Products not found: ${otherProduct}` });
    });

    it('lets each tenant work on its own catalog', async () => {
      const reply = await call(zaveit, 'PUT', `${BASE}/${otherCategory}/products/add`, { token: OTHER_TOKEN, body: [otherProduct] });

      expect(reply.status).toBe(200);
      expect(reply.body.products.map((p: { _id: string; tenant: string }) => [p._id, p.tenant])).toEqual([[otherProduct, OTHER_TENANT]]);
      expect(zaveit.catalog.productsOf(ZAVEIT_DEMO_TENANT).map((p) => p._id)).not.toContain(otherProduct);
    });
  });
});

describe('Zaveit emulator options', () => {
  it('takes its own token and tenant, and can start empty', async () => {
    const zaveit = await startDemo({ token: 'my-token', tenant: 'my-tenant', catalog: 'empty' });
    try {
      expect((await call(zaveit, 'GET', BASE)).status).toBe(401);
      expect((await call(zaveit, 'GET', BASE, { token: 'my-token' })).body).toEqual([]);
    } finally {
      await zaveit.close();
    }
  });

  it('seeds the demo catalog for the tenant it is given', async () => {
    const zaveit = await startDemo({ tenant: 'msp-no' });
    try {
      const products = (await call(zaveit, 'GET', BASE)).body.flatMap((c: { products: unknown[] }) => c.products);
      expect(products.length).toBeGreaterThan(100);
      expect(products.every((p: { tenant: string }) => p.tenant === 'msp-no')).toBe(true);
    } finally {
      await zaveit.close();
    }
  });
});
