import { ROOT_CATEGORY_ID, STOREFRONT_CATEGORY_ID } from '../../../../src/emulators/sfcc';
import { gid, postGraphQL } from '../../../support/gateway';
import { SFCC_STORE, SfccHarness, startSfccHarness } from '../../../support/sfccGateway';

// Reads by id cost what the cheapest Data API read costs: the catalog's listing (200 categories a request) for
// a batch of more ids than it has pages, one assignment search for many categories' products.

let h: SfccHarness;
beforeAll(async () => {
  h = await startSfccHarness({}, {}, { server: { federation: true } });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

const categoryGid = (id: string) => gid('Category', SFCC_STORE, id);
const log = () => h.emulator.server.log;
const readsById = () => log().count({ method: 'GET', path: /\/categories\/[^/]+$/ });
const listings = () => log().count({ method: 'GET', path: /\/categories$/ });
const searches = () =>
  log()
    .all()
    .filter((entry) => entry.path.endsWith('/category_product_assignment_search'));

/** The first leaf of each of the 20 departments: 20 categories with 20 different parents. */
function leaves(): Array<{ id: string; name: string; parentName: string }> {
  const catalog = h.emulator.catalog;
  return catalog.childrenOf(STOREFRONT_CATEGORY_ID).map((department) => {
    const leaf = catalog.childrenOf(department.id)[0];
    return { id: leaf.id, name: leaf.name.default, parentName: department.name.default };
  });
}

/** A category's product ids in its order, as SFCC holds it: positioned by position, then the unpositioned. */
const productIdsOf = (categoryId: string) => h.emulator.catalog.productIdsOf(categoryId);

const PRODUCTS = 'products(first: 5) { totalCount nodes { position product { nativeId name } } }';
const entities = (fields: string) => `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Category { ${fields} } } }`;
const representations = (ids: string[]) => ids.map((id) => ({ __typename: 'Category', id: categoryGid(id) }));

interface ProductsNode {
  products: { totalCount: number; nodes: Array<{ position: number | null; product: { nativeId: string; name: string } }> };
}

function expectProducts(node: ProductsNode, categoryId: string) {
  const expected = productIdsOf(categoryId);
  expect(node.products.totalCount).toBe(expected.length);
  expect(node.products.nodes.map((n) => n.product.nativeId)).toEqual(expected.slice(0, 5));
  for (const { product } of node.products.nodes) expect(product.name).toBe(h.emulator.catalog.getProduct(product.nativeId).name.default);
}

describe('SFCC reads by id in batches', () => {
  test('20 _entities representations with their parents: the listing, never one read per id (≤ 3 requests)', async () => {
    const wanted = leaves();
    const { data, errors } = await postGraphQL(h.gateway.url, entities('nativeId name parent { name }'), { representations: representations(wanted.map((leaf) => leaf.id)) });
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual(wanted.map((leaf) => ({ nativeId: leaf.id, name: leaf.name, parent: { name: leaf.parentName } })));
    expect(readsById()).toBe(0);
    expect(listings()).toBeGreaterThan(0);
    expect(log().all().length).toBeLessThanOrEqual(3);
  });

  test('20 _entities representations with products(first: 5): one assignment search for all of them (≤ 5 requests)', async () => {
    const wanted = leaves();
    const { data, errors } = await postGraphQL(h.gateway.url, entities(`nativeId name parent { name } ${PRODUCTS}`), {
      representations: representations(wanted.map((leaf) => leaf.id)),
    });
    expect(errors).toBeUndefined();
    wanted.forEach((leaf, index) => expectProducts(data._entities[index], leaf.id));
    expect(readsById()).toBe(0);
    expect(searches()).toHaveLength(1);
    expect(searches()[0].body).toMatchObject({ query: { term_query: { fields: ['category_id'], operator: 'one_of', values: wanted.map((leaf) => leaf.id) } } });
    expect(log().all().length).toBeLessThanOrEqual(5);
  });

  test('nodes(ids:) with 20 ids, parents and products: ≤ 5 requests; unknown ids are null, the rest answered', async () => {
    const wanted = leaves();
    const ids = wanted.map((leaf) => categoryGid(leaf.id));
    ids.splice(3, 0, categoryGid('no-such-category'));
    const { data, errors } = await h.gateway.query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Category { nativeId parent { name } ${PRODUCTS} } } }`, { ids });
    expect(errors).toBeUndefined();
    expect(data.nodes[3]).toBeNull();
    const found: Array<ProductsNode & { nativeId: string; parent: { name: string } }> = data.nodes.filter((node: unknown) => node !== null);
    expect(found.map((node) => [node.nativeId, node.parent.name])).toEqual(wanted.map((leaf) => [leaf.id, leaf.parentName]));
    wanted.forEach((leaf, index) => expectProducts(found[index], leaf.id));
    expect(readsById()).toBe(0);
    expect(log().all().length).toBeLessThanOrEqual(5);
  });

  test('categories without products in a batch are told from unknown ones by the listing, not by a read each', async () => {
    const departments = h.emulator.catalog.childrenOf(STOREFRONT_CATEGORY_ID).map((department) => department.id);
    const { data, errors } = await h.gateway.query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Category { nativeId products(first: 5) { totalCount } } } }`, {
      ids: [...departments, 'no-such-category'].map(categoryGid),
    });
    expect(errors).toBeUndefined();
    expect(data.nodes).toEqual([...departments.map((nativeId) => ({ nativeId, products: { totalCount: 0 } })), null]);
    expect(readsById()).toBe(0);
    expect(log().all().length).toBeLessThanOrEqual(3);
  });

  test('a single category(id) still costs one read, though the catalog is known to list in fewer requests', async () => {
    const [leaf] = leaves();
    const { data, errors } = await h.gateway.query(`{ category(id: "${categoryGid(leaf.id)}") { name } }`);
    expect(errors).toBeUndefined();
    expect(data.category).toEqual({ name: leaf.name });
    expect(log().all()).toEqual([expect.objectContaining({ method: 'GET', path: expect.stringMatching(new RegExp(`/categories/${leaf.id}$`)), query: { levels: '2' } })]);
  });

  test('a batch answers what SFCC holds after a write through the gateway (read your writes)', async () => {
    const [first, ...others] = leaves();
    const rename = await h.gateway.query(`mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { category { name } userErrors { code } } }`, {
      input: { categoryId: categoryGid(first.id), name: 'Renamed in a batch test' },
    });
    expect(rename.data.updateCategory).toEqual({ category: { name: 'Renamed in a batch test' }, userErrors: [] });
    // The demo's last products sit in no category.
    const product = 'P-10500';
    expect(productIdsOf(first.id)).not.toContain(product);
    const assign = await h.gateway.query(`mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code } } }`, {
      input: { categoryId: categoryGid(first.id), productIds: [gid('Product', SFCC_STORE, product)] },
    });
    expect(assign.data.assignProducts.userErrors).toEqual([]);

    const ids = [first, ...others].map((leaf) => leaf.id);
    const { data, errors } = await postGraphQL(h.gateway.url, entities(`name ${PRODUCTS}`), { representations: representations(ids) });
    expect(errors).toBeUndefined();
    expect(data._entities[0].name).toBe('Renamed in a batch test');
    expect(data._entities[0].products.totalCount).toBe(productIdsOf(first.id).length);
    expect(productIdsOf(first.id)).toContain(product);
    ids.forEach((id, index) => expectProducts(data._entities[index], id));
  });
});

describe('SFCC reads by id in a catalog larger than the batch', () => {
  let big: SfccHarness;
  beforeAll(async () => {
    big = await startSfccHarness({ catalog: 'empty' });
    // 450 categories and the root: a listing of 3 pages.
    for (let i = 0; i < 450; i++) big.emulator.catalog.createCategory(`c-${i}`, { name: { default: `Category ${i}` }, parentId: ROOT_CATEGORY_ID, online: true });
  });
  afterAll(() => big.close());
  beforeEach(() => big.emulator.server.log.clear());

  const nodes = (ids: string[]) => big.gateway.query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Category { name } } }`, { ids: ids.map(categoryGid) });
  const bigLog = () => big.emulator.server.log;

  test('once its size is known, fewer ids than pages are read one by one and more by the listing', async () => {
    // Learning the size: the first page, then reads by id (3 ids, 3 pages: the listing would not be cheaper).
    const probe = await nodes(['c-1', 'c-2', 'c-3']);
    expect(probe.data.nodes).toEqual([{ name: 'Category 1' }, { name: 'Category 2' }, { name: 'Category 3' }]);
    expect(bigLog().count({ path: /\/categories$/ })).toBe(1);

    bigLog().clear();
    const few = await nodes(['c-10', 'c-20', 'c-30']);
    expect(few.data.nodes).toEqual([{ name: 'Category 10' }, { name: 'Category 20' }, { name: 'Category 30' }]);
    expect(bigLog().count({ path: /\/categories$/ })).toBe(0);
    expect(bigLog().all()).toHaveLength(3);

    bigLog().clear();
    const many = ['c-0', 'c-199', 'c-200', 'c-449'];
    const { data } = await nodes(many);
    expect(data.nodes).toEqual([0, 199, 200, 449].map((i) => ({ name: `Category ${i}` })));
    expect(
      bigLog()
        .all()
        .map((entry) => entry.query.start),
    ).toEqual(['0', '200', '400']);
  });
});
