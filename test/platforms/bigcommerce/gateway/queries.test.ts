import { BIGCOMMERCE_STORE, BigCommerceHarness, startBigCommerceHarness } from '../../../support/bigcommerceGateway';
import { gid } from '../../../support/gateway';

let h: BigCommerceHarness;
beforeAll(async () => {
  h = await startBigCommerceHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

const categoryGid = (id: number) => gid('Category', BIGCOMMERCE_STORE, id);
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;
/** Tree 1's categories as the flat listing has them: by id. */
const treeCategories = () => [...h.emulator.catalog.categories.values()].filter((c) => c.treeId === 1).sort((a, b) => a.id - b.id);
/** The products of a category in the order BigCommerce lists them. */
const orderOf = (categoryId: number) => h.emulator.catalog.sortOrder(categoryId).map((entry) => entry.product_id);

describe('BigCommerce reads through the gateway', () => {
  test('stores and their capabilities', async () => {
    const { data, errors } = await h.gateway.query(`{
      stores { id platform capabilities { moveProduct createCategory updateCategory deleteCategory categoryImages } }
      store(id: "${BIGCOMMERCE_STORE}") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(data.stores).toEqual([
      {
        id: BIGCOMMERCE_STORE,
        platform: 'BIGCOMMERCE',
        capabilities: { moveProduct: true, createCategory: true, updateCategory: true, deleteCategory: true, categoryImages: true },
      },
    ]);
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test("all categories of the store's tree, in the listing's order; the other tree's are not the store's", async () => {
    const { data } = await h.gateway.query(`{ categories(storeId: "${BIGCOMMERCE_STORE}", first: 250) { totalCount nodes { id } pageInfo { hasNextPage } } }`);
    const visible = treeCategories().filter((c) => c.isVisible);
    expect(data.categories.totalCount).toBe(visible.length);
    expect(data.categories.nodes.map((n: { id: string }) => n.id)).toEqual(visible.map((c) => categoryGid(c.id)));
    expect(data.categories.pageInfo.hasNextPage).toBe(false);
    expect(data.categories.nodes).not.toContainEqual({ id: categoryGid(byName('Bulk Buys').id) });
    const [listing] = h.emulator.server.log.all();
    expect(h.emulator.server.log.all()).toHaveLength(1);
    expect(listing.query).toMatchObject({ 'tree_id:in': '1', is_visible: 'true', page: '1', limit: '250' });
  });

  test('cursor paging continues where the last page ended', async () => {
    const first = await h.gateway.query(`{ categories(storeId: "${BIGCOMMERCE_STORE}", first: 3) { nodes { name } pageInfo { endCursor hasNextPage hasPreviousPage } } }`);
    const next = await h.gateway.query(
      `query($after: String) { categories(storeId: "${BIGCOMMERCE_STORE}", first: 3, after: $after) { nodes { name } pageInfo { hasPreviousPage } } }`,
      {
        after: first.data.categories.pageInfo.endCursor,
      },
    );
    const names = treeCategories()
      .filter((c) => c.isVisible)
      .map((c) => c.name);
    expect(first.data.categories.nodes.map((n: { name: string }) => n.name)).toEqual(names.slice(0, 3));
    expect(first.data.categories.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(next.data.categories.nodes.map((n: { name: string }) => n.name)).toEqual(names.slice(3, 6));
    expect(next.data.categories.pageInfo.hasPreviousPage).toBe(true);
    // Each window is one page of its own size.
    expect(h.emulator.server.log.all().map((r) => [r.query.page, r.query.limit])).toEqual([
      ['1', '3'],
      ['2', '3'],
    ]);
  });

  test('roots and one parent’s children in sibling order (sort_order, then id); hidden ones on request', async () => {
    const kitchen = byName('Kitchen');
    const { data } = await h.gateway.query(`{
      roots: categories(storeId: "${BIGCOMMERCE_STORE}", rootsOnly: true) { nodes { name enabled } }
      withHidden: categories(storeId: "${BIGCOMMERCE_STORE}", rootsOnly: true, includeHidden: true) { nodes { name enabled } }
      groups: categories(storeId: "${BIGCOMMERCE_STORE}", parentId: "${categoryGid(kitchen.id)}", first: 3) { totalCount nodes { name position } }
    }`);
    expect(data.roots.nodes.map((n: { name: string }) => n.name)).toEqual(['Shop All', 'Kitchen', 'Garden', 'Bath', 'Publications', 'Utility', 'Outdoor Living']);
    expect(data.withHidden.nodes.at(-1)).toEqual({ name: 'Clearance', enabled: false });
    // The demo sorts Kitchen's groups in reverse of their ids.
    expect(data.groups).toEqual({
      totalCount: 5,
      nodes: [
        { name: 'Kitchen Textiles', position: 10 },
        { name: 'Appliances', position: 20 },
        { name: 'Storage', position: 30 },
      ],
    });
    expect(h.emulator.server.log.all().every((r) => r.path.endsWith('/catalog/trees/categories'))).toBe(true);
  });

  test('a category with every field, its parent, ancestors and children', async () => {
    const leaf = byName('Frying Pans');
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
    expect(data.category).toEqual({
      id: categoryGid(leaf.id),
      nativeId: String(leaf.id),
      name: 'Frying Pans',
      description: null,
      enabled: true,
      position: 0,
      productCount: null,
      url: '/kitchen/cookware/frying-pans/',
      imageUrl: null,
      thumbnailUrl: null,
      store: { id: BIGCOMMERCE_STORE, platform: 'BIGCOMMERCE' },
      parent: { name: 'Cookware' },
      ancestors: [{ name: 'Kitchen' }, { name: 'Cookware' }],
      children: { totalCount: 0, nodes: [] },
    });
    // The walk reads the whole tree once: one page of the flat listing.
    expect(h.emulator.server.log.all()).toHaveLength(1);
  });

  test('a category that does not exist, or is in another tree, is null with no error', async () => {
    const { data, errors } = await h.gateway.query(`{ a: category(id: "${categoryGid(424242)}") { name } b: category(id: "${categoryGid(byName('Bulk Buys').id)}") { name } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  test.each([
    ['numbered', 'Saucepans'],
    ['without sort_order (newest first)', 'Frying Pans'],
    ['part numbered, part not', 'Shop All'],
  ])('products in the category order (%s), with zero-based positions and names', async (_kind, name) => {
    const category = byName(name);
    const order = orderOf(category.id);
    const { data } = await h.gateway.query(`{
      category(id: "${categoryGid(category.id)}") {
        products(first: 50) { totalCount nodes { position product { id nativeId sku name } } pageInfo { hasNextPage } }
      }
    }`);
    const products = data.category.products;
    expect(products.totalCount).toBe(order.length);
    expect(products.nodes).toEqual(
      order.map((id, position) => {
        const product = h.emulator.catalog.products.get(id)!;
        return { position, product: { id: gid('Product', BIGCOMMERCE_STORE, id), nativeId: String(id), sku: product.sku, name: product.name } };
      }),
    );
    // The category by id, its order, the names in one batch.
    expect(h.emulator.server.log.all().map((r) => r.path.replace(/^\/stores\/\w+\/v3/, ''))).toEqual([
      '/catalog/trees/categories',
      `/catalog/categories/${category.id}/products/sort-order`,
      '/catalog/products',
    ]);
  });

  test('node and nodes resolve categories and products by global id', async () => {
    const pans = byName('Frying Pans');
    const productId = orderOf(pans.id)[0];
    const { data, errors } = await h.gateway.query(`{
      node(id: "${gid('Product', BIGCOMMERCE_STORE, productId)}") { id ... on Product { name } }
      nodes(ids: ["${categoryGid(pans.id)}", "${gid('Product', BIGCOMMERCE_STORE, 999999)}"]) { id ... on Category { name } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({ id: gid('Product', BIGCOMMERCE_STORE, productId), name: h.emulator.catalog.products.get(productId)!.name });
    expect(data.nodes).toEqual([{ id: categoryGid(pans.id), name: 'Frying Pans' }, null]);
  });

  test('malformed ids are refused before any upstream request', async () => {
    const { data, errors } = await h.gateway.query(`{
      a: category(id: "${gid('Category', BIGCOMMERCE_STORE, 'abc')}") { name }
      b: category(id: "${gid('Category', BIGCOMMERCE_STORE, 0)}") { name }
      c: category(id: "${gid('Category', BIGCOMMERCE_STORE, -4)}") { name }
      d: category(id: "${gid('Product', BIGCOMMERCE_STORE, 5)}") { name }
    }`);
    expect(data).toEqual({ a: null, b: null, c: null, d: null });
    expect(Object.fromEntries(errors!.map((e) => [e.path![0], e.extensions!.code]))).toEqual({
      a: 'BAD_USER_INPUT',
      b: 'BAD_USER_INPUT',
      c: 'BAD_USER_INPUT',
      d: 'BAD_USER_INPUT',
    });
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });
});
