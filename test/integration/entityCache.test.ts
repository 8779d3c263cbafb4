import { STOREFRONT_CATEGORY_ID } from '../../src/emulators/sfcc';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid } from '../support/gateway';

// The entity cache on (as it ships): warm reads cost no upstream request, and every mutation through
// the gateway is seen by the very next read.

let all: AllPlatforms;
beforeAll(async () => {
  all = await startAllPlatforms({ cache: { ttlSeconds: 300 } });
});
afterAll(() => all.close());

type StoreId = 'ecwid' | 'sfcc' | 'zaveit';
const requests = (storeId: StoreId) => all[storeId].server.log.all().length;

const TREE = `query($id: ID!) { category(id: $id) { name children(first: 20) { nodes { id name children(first: 10) { nodes { name } } } } } }`;
const PAGE = `query($id: ID!) { category(id: $id) { name products(first: 50) { nodes { position product { id name } } } } }`;

const PAGES: Record<StoreId, string> = { ecwid: '9691001', sfcc: 'womens-clothing-dresses', zaveit: '76a489e5-939a-4239-b166-4fbac4caf9fa' };
const TREES: Partial<Record<StoreId, () => string>> = {
  ecwid: () => String([...all.ecwid.catalog.categories.values()].find((category) => category.name === 'Grocery')!.id),
  sfcc: () => STOREFRONT_CATEGORY_ID,
};

async function read(query: string, storeId: StoreId, nativeId: string) {
  const { data, errors } = await all.gateway.query(query, { id: gid('Category', storeId, nativeId) });
  expect(errors).toBeUndefined();
  return data.category;
}

async function mutate(field: string, inputType: string, input: Record<string, unknown>) {
  const { data, errors } = await all.gateway.query(`mutation($input: ${inputType}!) { ${field}(input: $input) { userErrors { code message } } }`, { input });
  expect(errors).toBeUndefined();
  expect(data[field].userErrors).toEqual([]);
}

const productIdsOn = (page: any): string[] => page.products.nodes.map((node: any) => node.product.id);

describe.each(Object.keys(TREES) as StoreId[])('%s storefront tree', (storeId) => {
  test('a warm tree costs no upstream request and answers the same; a rename is seen at once', async () => {
    const rootId = TREES[storeId]!();
    const cold = await read(TREE, storeId, rootId);
    all[storeId].server.log.clear();
    expect(await read(TREE, storeId, rootId)).toEqual(cold);
    expect(requests(storeId)).toBe(0);

    const department = cold.children.nodes[3];
    await mutate('updateCategory', 'UpdateCategoryInput', { categoryId: department.id, name: `${department.name} (renamed)` });
    const after = await read(TREE, storeId, rootId);
    expect(after.children.nodes[3].name).toBe(`${department.name} (renamed)`);
  });
});

describe.each(['ecwid', 'sfcc', 'zaveit'] as StoreId[])('%s category page', (storeId) => {
  test('a warm page costs no upstream request; unassign, assign and move are each seen by the next read', async () => {
    const categoryId = gid('Category', storeId, PAGES[storeId]);
    const cold = await read(PAGE, storeId, PAGES[storeId]);
    all[storeId].server.log.clear();
    expect(await read(PAGE, storeId, PAGES[storeId])).toEqual(cold);
    expect(requests(storeId)).toBe(0);

    const [first] = productIdsOn(cold);
    await mutate('unassignProducts', 'UnassignProductsInput', { categoryId, productIds: [first] });
    expect(productIdsOn(await read(PAGE, storeId, PAGES[storeId]))).not.toContain(first);

    await mutate('assignProducts', 'AssignProductsInput', { categoryId, productIds: [first] });
    expect(productIdsOn(await read(PAGE, storeId, PAGES[storeId])).at(-1)).toBe(first);

    if (storeId === 'zaveit') return; // Zaveit has no ordering API.
    await mutate('moveProduct', 'MoveProductInput', { categoryId, productId: first, position: 0 });
    expect(productIdsOn(await read(PAGE, storeId, PAGES[storeId]))[0]).toBe(first);
  });
});

test('a category created or deleted through the gateway is seen by the next read', async () => {
  const fruit = '9691001';
  const childrenOf = async () => (await read(`query($id: ID!) { category(id: $id) { children(first: 50) { nodes { id name } } } }`, 'ecwid', fruit)).children.nodes;
  const before = await childrenOf();
  const { data } = await all.gateway.query(`mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id } userErrors { code } } }`, {
    input: { storeId: 'ecwid', name: 'Cached Berries', parentId: gid('Category', 'ecwid', fruit) },
  });
  const created = data.createCategory.category.id;
  expect((await childrenOf()).map((child: any) => child.id)).toEqual([...before.map((child: any) => child.id), created]);

  await mutate('deleteCategory', 'DeleteCategoryInput', { categoryId: created });
  expect((await all.gateway.query(`query($id: ID!) { category(id: $id) { id } }`, { id: created })).data.category).toBeNull();
  expect(await childrenOf()).toEqual(before);
});

test('a change made outside the gateway is served once its entries expire (ttlSeconds)', async () => {
  const { startTestGateway } = await import('../support/gateway');
  const { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN } = await import('../../src/emulators/ecwid');
  const gateway = await startTestGateway({
    cache: { ttlSeconds: 1 },
    upstream: { rateLimit: false },
    stores: [{ id: 'ecwid', platform: 'ecwid', baseUrl: all.ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
  });
  try {
    const query = `{ category(id: "${gid('Category', 'ecwid', '9691001')}") { name } }`;
    const original = (await gateway.query(query)).data.category.name;
    all.ecwid.catalog.categories.get(9691001)!.name = 'Fruit (edited in the Ecwid admin)';
    expect((await gateway.query(query)).data.category.name).toBe(original);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await gateway.query(query)).data.category.name).toBe('Fruit (edited in the Ecwid admin)');
  } finally {
    all.ecwid.catalog.categories.get(9691001)!.name = 'Fruit';
    await gateway.close();
  }
});

describe.each(['ecwid', 'sfcc'] as StoreId[])('%s invalidation by entity', (storeId) => {
  test('a rename purges what read the category; answers and entities that never read it stay cached', async () => {
    const pageId = PAGES[storeId];
    const page = await read(PAGE, storeId, pageId);
    const { data } = await all.gateway.query(`query($id: ID!) { category(id: $id) { children(first: 50) { nodes { id name } } } }`, {
      id: gid('Category', storeId, pageId),
    });
    // Another category than the page: renaming it must not cost the page its cache.
    const other = (await all.gateway.query(`query($storeId: ID!) { store(id: $storeId) { categories(first: 50) { nodes { id name } } } }`, { storeId })).data;
    const renamed = other.store.categories.nodes.find(
      (node: any) => !node.id.endsWith(`/${encodeURIComponent(pageId)}`) && !data.category.children.nodes.some((child: any) => child.id === node.id),
    );
    await mutate('updateCategory', 'UpdateCategoryInput', { categoryId: renamed.id, name: `${renamed.name} (renamed)` });

    all[storeId].server.log.clear();
    expect(await read(PAGE, storeId, pageId)).toEqual(page);
    expect(requests(storeId)).toBe(0);
    const named = await all.gateway.query(`query($id: ID!) { category(id: $id) { name } }`, { id: renamed.id });
    expect(named.data.category.name).toBe(`${renamed.name} (renamed)`);
    await mutate('updateCategory', 'UpdateCategoryInput', { categoryId: renamed.id, name: renamed.name });
  });
});
