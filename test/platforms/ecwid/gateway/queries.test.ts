import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../../../support/ecwidGateway';
import { gid } from '../../../support/gateway';

let h: EcwidHarness;
beforeAll(async () => {
  h = await startEcwidHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

const categoryGid = (id: number) => gid('Category', ECWID_STORE, id);
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;

describe('Ecwid reads through the gateway', () => {
  test('stores and their capabilities', async () => {
    const { data, errors } = await h.gateway.query(`{
      stores { id platform capabilities { moveProduct createCategory updateCategory deleteCategory categoryImages } }
      store(id: "${ECWID_STORE}") { id }
      missing: store(id: "nope") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(data.stores).toEqual([
      {
        id: ECWID_STORE,
        platform: 'ECWID',
        capabilities: { moveProduct: true, createCategory: true, updateCategory: true, deleteCategory: true, categoryImages: true },
      },
    ]);
    expect(data.store).toEqual({ id: ECWID_STORE });
    expect(data.missing).toBeNull();
  });

  test('all categories of the store, 100 a request: the gateway walks pages for a larger first', async () => {
    const { data } = await h.gateway.query(`{ categories(storeId: "${ECWID_STORE}", first: 250) { totalCount nodes { id } pageInfo { hasNextPage } } }`);
    const enabled = [...h.emulator.catalog.categories.values()].filter((c) => c.enabled);
    expect(data.categories.totalCount).toBe(enabled.length);
    expect(data.categories.nodes.map((n: { id: string }) => n.id)).toEqual(enabled.map((c) => categoryGid(c.id)));
    expect(data.categories.pageInfo.hasNextPage).toBe(false);
    const listings = h.emulator.server.log.all().filter((r) => r.path.endsWith('/categories'));
    expect(listings).toHaveLength(3);
    expect(listings.every((r) => Number(r.query.limit) <= 100)).toBe(true);
  });

  test('cursor paging continues where the last page ended', async () => {
    const first = await h.gateway.query(`{ categories(storeId: "${ECWID_STORE}", first: 3) { nodes { name } pageInfo { endCursor hasNextPage hasPreviousPage } } }`);
    const next = await h.gateway.query(`query($after: String) { categories(storeId: "${ECWID_STORE}", first: 3, after: $after) { nodes { name } pageInfo { hasPreviousPage } } }`, {
      after: first.data.categories.pageInfo.endCursor,
    });
    const names = [...h.emulator.catalog.categories.values()].filter((c) => c.enabled).map((c) => c.name);
    expect(first.data.categories.nodes.map((n: { name: string }) => n.name)).toEqual(names.slice(0, 3));
    expect(first.data.categories.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(next.data.categories.nodes.map((n: { name: string }) => n.name)).toEqual(names.slice(3, 6));
    expect(next.data.categories.pageInfo.hasPreviousPage).toBe(true);
  });

  test('roots only, hidden ones on request, and one parent’s children in sibling order', async () => {
    const grocery = byName('Grocery');
    const { data } = await h.gateway.query(`{
      roots: categories(storeId: "${ECWID_STORE}", rootsOnly: true) { nodes { name enabled } }
      withHidden: categories(storeId: "${ECWID_STORE}", rootsOnly: true, includeHidden: true) { nodes { name enabled } }
      departments: categories(storeId: "${ECWID_STORE}", parentId: "${categoryGid(grocery.id)}", first: 3) { totalCount nodes { name parent { name } } }
    }`);
    expect(data.roots.nodes.map((n: { name: string }) => n.name)).toEqual(['Grocery', 'Home & Kitchen', 'Gifts']);
    expect(data.withHidden.nodes).toContainEqual({ name: 'Clearance', enabled: false });
    expect(data.departments.totalCount).toBe(20);
    expect(data.departments.nodes).toEqual([
      { name: 'Fruit', parent: { name: 'Grocery' } },
      { name: 'Vegetables', parent: { name: 'Grocery' } },
      { name: 'Bakery', parent: { name: 'Grocery' } },
    ]);
  });

  test('a category with every field, its parent, ancestors and children', async () => {
    const leaf = byName('Organic Fruit');
    const { data, errors } = await h.gateway.query(`{
      category(id: "${categoryGid(leaf.id)}") {
        id nativeId name description enabled position productCount url imageUrl thumbnailUrl
        store { id platform }
        parent { name }
        ancestors { name }
        children { totalCount nodes { id } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.category).toMatchObject({
      id: categoryGid(leaf.id),
      nativeId: String(leaf.id),
      name: 'Organic Fruit',
      enabled: true,
      position: leaf.orderBy,
      productCount: 2,
      store: { id: ECWID_STORE, platform: 'ECWID' },
      parent: { name: 'Fruit' },
      ancestors: [{ name: 'Grocery' }, { name: 'Fruit' }],
      children: { totalCount: 0, nodes: [] },
    });
    expect(data.category.url).toContain(`/c/${leaf.id}`);
  });

  test('a category that does not exist is null with no error', async () => {
    const { data, errors } = await h.gateway.query(`{ category(id: "${categoryGid(1)}") { name } }`);
    expect(errors).toBeUndefined();
    expect(data.category).toBeNull();
  });

  test('products in the category order, with zero-based positions and names', async () => {
    const fruit = byName('Fruit');
    const { data } = await h.gateway.query(`{
      category(id: "${categoryGid(fruit.id)}") {
        products(first: 4) {
          totalCount
          nodes { position product { id nativeId sku name } category { name } }
          pageInfo { hasNextPage }
        }
      }
    }`);
    const products = data.category.products;
    expect(products.totalCount).toBe(fruit.productIds.length);
    expect(products.pageInfo.hasNextPage).toBe(true);
    products.nodes.forEach((node: any, index: number) => {
      const product = h.emulator.catalog.products.get(fruit.productIds[index])!;
      expect(node).toEqual({
        position: index,
        product: { id: gid('Product', ECWID_STORE, product.id), nativeId: String(product.id), sku: product.sku, name: product.name },
        category: { name: 'Fruit' },
      });
    });
    // One category read carries the order; the names come in one batched product read.
    expect(h.emulator.server.log.count({ path: '/products' })).toBe(1);
    expect(h.emulator.server.log.all()).toHaveLength(2);
  });

  test('node and nodes resolve categories and products by global id', async () => {
    const fruit = byName('Fruit');
    const productId = fruit.productIds[0];
    const { data, errors } = await h.gateway.query(`{
      node(id: "${gid('Product', ECWID_STORE, productId)}") { id ... on Product { name } }
      nodes(ids: ["${categoryGid(fruit.id)}", "${gid('Product', ECWID_STORE, 1)}"]) { id ... on Category { name } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({ id: gid('Product', ECWID_STORE, productId), name: h.emulator.catalog.products.get(productId)!.name });
    expect(data.nodes).toEqual([{ id: categoryGid(fruit.id), name: 'Fruit' }, null]);
  });

  test('malformed ids and unknown stores are refused before any upstream request', async () => {
    const { data, errors } = await h.gateway.query(`{
      a: category(id: "9691000") { name }
      b: category(id: "${gid('Product', ECWID_STORE, 5)}") { name }
      c: category(id: "${gid('Category', ECWID_STORE, 'abc')}") { name }
      d: category(id: "${gid('Category', 'other-store', 5)}") { name }
      e: categories(storeId: "other-store") { totalCount }
    }`);
    expect(data).toBeNull();
    const codes = Object.fromEntries(errors!.map((e) => [e.path![0], e.extensions!.code]));
    expect(codes).toEqual({ a: 'BAD_USER_INPUT', b: 'BAD_USER_INPUT', c: 'BAD_USER_INPUT', d: 'STORE_NOT_FOUND', e: 'STORE_NOT_FOUND' });
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test('a bad id in nodes fails only its own entry', async () => {
    const fruit = byName('Fruit');
    const { data, errors } = await h.gateway.query(`{ nodes(ids: ["${categoryGid(fruit.id)}", "nonsense"]) { id } }`);
    expect(data.nodes).toEqual([{ id: categoryGid(fruit.id) }, null]);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT' } });
  });

  test.each([
    ['first: 100000', 'first must be between 0 and 500'],
    ['first: -1', 'first must be between 0 and 500'],
    ['after: "garbage"', 'not a cursor'],
  ])('%s is refused before any upstream request', async (args, message) => {
    const { errors } = await h.gateway.query(`{ categories(storeId: "${ECWID_STORE}", ${args}) { totalCount } }`);
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toContain(message);
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test('GET /graphql serves queries (GraphQL over HTTP)', async () => {
    const response = await fetch(`${h.gateway.url}?query=${encodeURIComponent(`{ store(id: "${ECWID_STORE}") { platform } }`)}`);
    expect(response.status).toBe(200);
    // A store's platform comes from the config: the answer costs no upstream request.
    expect(await response.json()).toEqual({
      data: { store: { platform: 'ECWID' } },
      extensions: { cost: { requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: expect.any(Object) } },
    });
  });
});
