import { ZAVEIT_DEMO_TENANT } from '../../../../src/emulators/zaveit';
import { BASE, RESOLD_PRODUCT_KEYS, Zaveit, call, categoryNamed, productIdsOf, startDemo } from '../../../support/zaveitEmulator';

describe('Zaveit GET and DELETE /v2/product/category (assumed endpoints)', () => {
  let zaveit: Zaveit;
  beforeEach(async () => {
    zaveit = await startDemo();
  });
  afterEach(() => zaveit.close());

  it('GET /:id answers with the category, its parent and its products in order', async () => {
    const id = categoryNamed(zaveit, 'Bærbare PC-er');

    const reply = await call(zaveit, 'GET', `${BASE}/${id}`);

    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['_id', 'name', 'parent', 'products']);
    expect(reply.body).toMatchObject({ _id: id, name: 'Bærbare PC-er', parent: categoryNamed(zaveit, 'PC-er') });
    expect(reply.body.products.map((p: { _id: string }) => p._id)).toEqual(productIdsOf(zaveit, id));
    expect(Object.keys(reply.body.products[0])).toEqual(RESOLD_PRODUCT_KEYS);
  });

  it('GET / lists every category of the tenant, parents before children, roots with parent null', async () => {
    const reply = await call(zaveit, 'GET', `${BASE}/`);

    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body)).toBe(true);
    expect(reply.body).toHaveLength(zaveit.catalog.listCategories(ZAVEIT_DEMO_TENANT).length);
    const seen = new Set<string>();
    for (const category of reply.body) {
      expect(Object.keys(category)).toEqual(['_id', 'name', 'parent', 'products']);
      if (category.parent !== null) expect(seen).toContain(category.parent);
      seen.add(category._id);
    }
    const roots = reply.body.filter((c: { parent: string | null }) => c.parent === null).map((c: { name: string }) => c.name);
    expect(roots).toEqual(expect.arrayContaining(['Lisenser', 'Sikkerhet', 'Maskinvare', 'Kampanjer']));
    expect(reply.body.find((c: { name: string }) => c.name === 'Kampanjer').products).toHaveLength(12);
  });

  it('GET without the trailing slash lists the same', async () => {
    const [withSlash, without] = await Promise.all([call(zaveit, 'GET', `${BASE}/`), call(zaveit, 'GET', BASE)]);
    expect(without.body).toEqual(withSlash.body);
  });

  it('DELETE /:id answers 200, forgets the category, keeps its products and lifts its children to its parent', async () => {
    const id = categoryNamed(zaveit, 'PC-er');
    const root = categoryNamed(zaveit, 'Maskinvare');
    const laptops = categoryNamed(zaveit, 'Bærbare PC-er');
    const kampanjer = categoryNamed(zaveit, 'Kampanjer');
    const product = productIdsOf(zaveit, kampanjer)[0];

    const reply = await call(zaveit, 'DELETE', `${BASE}/${id}`);
    const deleteLeaf = await call(zaveit, 'DELETE', `${BASE}/${kampanjer}`);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ acknowledged: true, deletedCount: 1 });
    expect(deleteLeaf.status).toBe(200);
    expect((await call(zaveit, 'GET', `${BASE}/${id}`)).status).toBe(404);
    const list = (await call(zaveit, 'GET', BASE)).body as Array<{ _id: string; parent: string | null }>;
    expect(list.map((c) => c._id)).not.toContain(id);
    expect(list.find((c) => c._id === laptops)?.parent).toBe(root);
    expect(zaveit.catalog.product(product)?.categories).not.toContain(kampanjer);
    expect(zaveit.catalog.product(product)).toBeDefined();
  });
});
