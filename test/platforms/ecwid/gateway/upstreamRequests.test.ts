import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../../../support/ecwidGateway';
import { gid } from '../../../support/gateway';

let h: EcwidHarness;
beforeAll(async () => {
  h = await startEcwidHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

describe('upstream requests per operation (no N+1)', () => {
  test('20 categories with their parents and product names cost a bounded number of requests', async () => {
    const { data, errors } = await h.gateway.query(`{
      categories(storeId: "${ECWID_STORE}", first: 20) {
        nodes { name parent { name } products(first: 10) { nodes { position product { name } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const nodes = data.categories.nodes;
    expect(nodes).toHaveLength(20);
    expect(nodes.flatMap((n: any) => n.products.nodes).every((a: any) => typeof a.product.name === 'string')).toBe(true);

    const listed = new Set(nodes.map((n: any) => n.name));
    const parentsOutsideListing = new Set(nodes.filter((n: any) => n.parent && !listed.has(n.parent.name)).map((n: any) => n.parent.name)).size;
    const log = h.emulator.server.log;
    // One listing (it carries each category's product order and primes the parents it contains), one
    // read per other distinct parent (Ecwid has no batch read by id), one batched read for all names.
    expect(log.count({ path: /\/categories$/ })).toBe(1);
    expect(log.count({ path: /\/categories\/\d+$/ })).toBe(parentsOutsideListing);
    expect(log.count({ path: '/products' })).toBe(1);
    expect(log.all().length).toBeLessThanOrEqual(3);
  });

  test('the same category asked for twice in one operation is read once', async () => {
    const fruit = [...h.emulator.catalog.categories.values()].find((c) => c.name === 'Fruit')!;
    const id = gid('Category', ECWID_STORE, fruit.id);
    await h.gateway.query(`{ a: category(id: "${id}") { name } b: category(id: "${id}") { name products { totalCount } } c: node(id: "${id}") { id } }`);
    expect(h.emulator.server.log.all()).toHaveLength(1);
  });

  test('identical listings in one operation are read once', async () => {
    await h.gateway.query(
      `{ a: categories(storeId: "${ECWID_STORE}", rootsOnly: true) { totalCount } b: categories(storeId: "${ECWID_STORE}", rootsOnly: true) { nodes { name } } }`,
    );
    expect(h.emulator.server.log.all()).toHaveLength(1);
  });
});
