import { NEW_ARRIVALS_CATEGORY_ID, STOREFRONT_CATEGORY_ID } from '../../../../src/emulators/sfcc';
import { gid } from '../../../support/gateway';
import { SFCC_STORE, SfccHarness, startSfccHarness } from '../../../support/sfccGateway';

let h: SfccHarness;
beforeAll(async () => {
  h = await startSfccHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

const categoryGid = (id: string) => gid('Category', SFCC_STORE, id);
const productGid = (id: string) => gid('Product', SFCC_STORE, id);
const names = (ids: string[]) => ids.map((id) => h.emulator.catalog.getCategory(id).name.default);
const childIds = (id: string) => h.emulator.catalog.childrenOf(id).map((c) => c.id);
const requests = () => h.emulator.server.log.all();

describe('SFCC reads through the gateway', () => {
  test('the store says what SFCC can do', async () => {
    const { data, errors } = await h.gateway.query(`{
      store(id: "${SFCC_STORE}") { platform capabilities { moveProduct createCategory updateCategory deleteCategory categoryImages } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.store).toEqual({
      platform: 'SFCC',
      capabilities: { moveProduct: true, createCategory: true, updateCategory: true, deleteCategory: true, categoryImages: false },
    });
    expect(requests()).toHaveLength(0);
  });

  test('category { children { children { name } } } is one levels read of the storefront tree', async () => {
    const { data, errors } = await h.gateway.query(`{
      category(id: "${categoryGid(STOREFRONT_CATEGORY_ID)}") {
        name
        children(first: 50) { totalCount nodes { nativeId name parent { nativeId } children(first: 50) { totalCount nodes { name } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const departments = childIds(STOREFRONT_CATEGORY_ID);
    expect(data.category.name).toBe('Storefront');
    expect(data.category.children.totalCount).toBe(20);
    expect(data.category.children.nodes.map((n: any) => n.nativeId)).toEqual(departments);
    data.category.children.nodes.forEach((department: any) => {
      expect(department.parent).toEqual({ nativeId: STOREFRONT_CATEGORY_ID });
      expect(department.children.totalCount).toBe(10);
      expect(department.children.nodes.map((n: any) => n.name)).toEqual(names(childIds(department.nativeId)));
    });
    expect(requests().length).toBeLessThanOrEqual(2);
    expect(requests()).toEqual([expect.objectContaining({ method: 'GET', path: expect.stringMatching(/\/categories\/storefront$/), query: { levels: '2' } })]);
  });

  test('a category with every field it has on SFCC', async () => {
    const { data, errors } = await h.gateway.query(`{
      category(id: "${categoryGid('womens-clothing')}") {
        id nativeId name description enabled position productCount url imageUrl thumbnailUrl store { id platform }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.category).toEqual({
      id: categoryGid('womens-clothing'),
      nativeId: 'womens-clothing',
      name: 'Womens Clothing',
      description: 'Shop womens clothing.',
      enabled: true,
      position: 1,
      productCount: null,
      url: null,
      imageUrl: `${h.emulator.server.origin}/on/demandware.static/-/Sites-main-catalog/default/categories/womens-clothing.jpg`,
      thumbnailUrl: `${h.emulator.server.origin}/on/demandware.static/-/Sites-main-catalog/default/categories/womens-clothing-thumb.jpg`,
      store: { id: SFCC_STORE, platform: 'SFCC' },
    });
  });

  test("the catalog's root stands for “no parent”: its children are the store's roots", async () => {
    const { data, errors } = await h.gateway.query(`{
      roots: categories(storeId: "${SFCC_STORE}", rootsOnly: true) { totalCount nodes { nativeId parent { nativeId } children(first: 1) { nodes { name } } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.roots.nodes.map((n: any) => [n.nativeId, n.parent])).toEqual(['storefront', 'new-arrivals', 'sale', 'gift-ideas'].map((id) => [id, null]));
    expect(data.roots.nodes[0].children.nodes).toEqual([{ name: 'Womens Clothing' }]);
    // The roots and their children come from one levels read of the root.
    expect(requests()).toEqual([expect.objectContaining({ path: expect.stringMatching(/\/categories\/root$/) })]);

    const hidden = await h.gateway.query(`{ categories(storeId: "${SFCC_STORE}", rootsOnly: true, includeHidden: true) { nodes { nativeId enabled } } }`);
    expect(hidden.data.categories.nodes).toContainEqual({ nativeId: 'holiday-shop', enabled: false });
  });

  test('every category of the store: the listing is paged by 200, hidden ones and the root left out', async () => {
    const { data, errors } = await h.gateway.query(`{
      categories(storeId: "${SFCC_STORE}", first: 500) { totalCount nodes { nativeId } pageInfo { hasNextPage } }
    }`);
    expect(errors).toBeUndefined();
    const expected = h.emulator.catalog.listCategories().filter((c) => c.online && c.id !== 'root');
    expect(data.categories.totalCount).toBe(expected.length);
    expect(data.categories.nodes.map((n: any) => n.nativeId)).toEqual(expected.map((c) => c.id));
    expect(requests().map((r) => [r.query.start, r.query.count])).toEqual([
      ['0', '200'],
      ['200', '200'],
    ]);
  });

  test('cursor paging through one parent’s children', async () => {
    const page = `query($after: String) { category(id: "${categoryGid(STOREFRONT_CATEGORY_ID)}") { children(first: 7, after: $after) { nodes { nativeId } pageInfo { endCursor hasNextPage } } } }`;
    const first = await h.gateway.query(page);
    const second = await h.gateway.query(page, { after: first.data.category.children.pageInfo.endCursor });
    const departments = childIds(STOREFRONT_CATEGORY_ID);
    expect(first.data.category.children.nodes.map((n: any) => n.nativeId)).toEqual(departments.slice(0, 7));
    expect(second.data.category.children.nodes.map((n: any) => n.nativeId)).toEqual(departments.slice(7, 14));
    expect(second.data.category.children.pageInfo.hasNextPage).toBe(true);
  });

  test('ancestors come from paths: one batch, and nothing for ancestors an answer already carried', async () => {
    const leaf = 'womens-clothing-dresses';
    const direct = await h.gateway.query(`{ category(id: "${categoryGid(leaf)}") { ancestors { nativeId name } } }`);
    expect(direct.errors).toBeUndefined();
    expect(direct.data.category.ancestors).toEqual([
      { nativeId: 'storefront', name: 'Storefront' },
      { nativeId: 'womens-clothing', name: 'Womens Clothing' },
    ]);
    // The leaf, then both ancestors at once (2 levels: 3 requests, not a walk of one round trip per level).
    expect(requests()).toHaveLength(3);
    const [, ...ancestorReads] = requests();
    expect(ancestorReads.map((r) => r.path.split('/').pop()).sort()).toEqual(['storefront', 'womens-clothing']);

    h.emulator.server.log.clear();
    const primed = await h.gateway.query(`{
      category(id: "${categoryGid(STOREFRONT_CATEGORY_ID)}") { children(first: 3) { nodes { children(first: 2) { nodes { ancestors { nativeId } } } } } }
    }`);
    expect(primed.errors).toBeUndefined();
    expect(primed.data.category.children.nodes[0].children.nodes[0].ancestors).toEqual([{ nativeId: 'storefront' }, { nativeId: 'womens-clothing' }]);
    expect(requests()).toHaveLength(1);
  });

  test('a category that does not exist is null with no error', async () => {
    const { data, errors } = await h.gateway.query(`{ category(id: "${categoryGid('no-such-category')}") { name } }`);
    expect(errors).toBeUndefined();
    expect(data.category).toBeNull();
  });

  test('products through the assignment search, 200 a page: zero-based positions, unpositioned last with null', async () => {
    const { data, errors } = await h.gateway.query(`{
      category(id: "${categoryGid(NEW_ARRIVALS_CATEGORY_ID)}") {
        products(first: 500) { totalCount nodes { position product { id nativeId sku name } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const expected = h.emulator.catalog.assignmentsOf(NEW_ARRIVALS_CATEGORY_ID);
    const positioned = expected.filter((a) => a.position !== null);
    expect(positioned.length).toBeGreaterThan(0);
    expect(positioned.length).toBeLessThan(expected.length);
    expect(data.category.products.totalCount).toBe(250);
    expect(data.category.products.nodes).toEqual(
      expected.map((a, index) => ({
        position: a.position === null ? null : index,
        product: { id: productGid(a.productId), nativeId: a.productId, sku: a.productId, name: h.emulator.catalog.getProduct(a.productId).name.default },
      })),
    );
    const searches = requests().filter((r) => r.path.endsWith('/category_product_assignment_search'));
    expect(searches.map((r) => (r.body as any).start)).toEqual([0, 200]);
    expect(searches.every((r) => (r.body as any).count === 200)).toBe(true);
    // Names come with the assignments: no product reads.
    expect(requests().filter((r) => r.path.includes('/products/'))).toHaveLength(0);
  });

  test('an empty category has no products', async () => {
    const { data, errors } = await h.gateway.query(`{ category(id: "${categoryGid('holiday-shop')}") { products { totalCount nodes { position } } } }`);
    expect(errors).toBeUndefined();
    expect(data.category.products).toEqual({ totalCount: 0, nodes: [] });
  });

  test('node and nodes resolve products by id (and an unknown product is null)', async () => {
    const { data, errors } = await h.gateway.query(`{
      node(id: "${productGid('P-10001')}") { id ... on Product { sku name } }
      nodes(ids: ["${productGid('P-99999')}", "${categoryGid('sale')}"]) { id ... on Category { name } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({ id: productGid('P-10001'), sku: 'P-10001', name: h.emulator.catalog.getProduct('P-10001').name.default });
    expect(data.nodes).toEqual([null, { id: categoryGid('sale'), name: 'Sale' }]);
  });

  test('ids SFCC cannot have are refused before any upstream request', async () => {
    const { data, errors } = await h.gateway.query(`{
      long: category(id: "${categoryGid('x'.repeat(257))}") { name }
      blank: category(id: "${categoryGid(' padded ')}") { name }
      control: category(id: "${categoryGid('a\u0001b')}") { name }
      dots: category(id: "${categoryGid('..')}") { name }
    }`);
    expect(data).toEqual({ long: null, blank: null, control: null, dots: null });
    expect(errors!.map((e) => [e.path![0], e.extensions!.code])).toEqual(
      expect.arrayContaining([
        ['long', 'BAD_USER_INPUT'],
        ['blank', 'BAD_USER_INPUT'],
        ['control', 'BAD_USER_INPUT'],
        ['dots', 'BAD_USER_INPUT'],
      ]),
    );
    expect(requests()).toHaveLength(0);
  });
});
