import { ZAVEIT_DEMO_TENANT } from '../../../../src/emulators/zaveit';
import { startZaveitHarness, ZAVEIT_STORE, ZaveitHarness } from '../../../support/zaveitGateway';
import { categoryGid, EXCHANGE_PLAN_1, GHOST, LISENSER, M365_BUSINESS, MICROSOFT_365, productGid, TEAMS_ESSENTIALS, upstreamRequests } from '../../../support/zaveitDemoIds';

describe('Zaveit reads through the gateway', () => {
  let zaveit: ZaveitHarness;
  beforeAll(async () => {
    zaveit = await startZaveitHarness();
  });
  afterAll(() => zaveit.close());
  beforeEach(() => zaveit.emulator.server.log.clear());

  const query = (text: string, variables?: Record<string, unknown>) => zaveit.gateway.query(text, variables);

  it('tells the store platform and capabilities without asking Zaveit', async () => {
    const response = await query('{ stores { id platform capabilities { moveProduct createCategory updateCategory deleteCategory categoryImages createRequiresNativeId } } }');

    expect(response.errors).toBeUndefined();
    expect(response.data.stores).toEqual([
      {
        id: ZAVEIT_STORE,
        platform: 'ZAVEIT',
        capabilities: { moveProduct: false, createCategory: false, updateCategory: false, deleteCategory: true, categoryImages: false, createRequiresNativeId: false },
      },
    ]);
    expect(upstreamRequests(zaveit)).toEqual([]);
  });

  it('reads a category with its products in order, zero-based, names and skus from the same one request', async () => {
    const response = await query(
      `query ($id: ID!) { category(id: $id) {
        id nativeId name description enabled position productCount imageUrl url store { id platform }
        products(first: 3) { totalCount pageInfo { hasNextPage } nodes { position product { id nativeId sku name } } }
      } }`,
      { id: categoryGid(M365_BUSINESS) },
    );

    expect(response.errors).toBeUndefined();
    expect(response.data.category).toMatchObject({
      id: categoryGid(M365_BUSINESS),
      nativeId: M365_BUSINESS,
      name: 'Microsoft 365 for bedrift',
      description: null,
      enabled: true,
      position: null,
      productCount: 10,
      imageUrl: null,
      url: null,
      store: { id: ZAVEIT_STORE, platform: 'ZAVEIT' },
    });
    expect(response.data.category.products.totalCount).toBe(10);
    expect(response.data.category.products.pageInfo.hasNextPage).toBe(true);
    expect(response.data.category.products.nodes).toEqual([
      { position: 0, product: { id: productGid(TEAMS_ESSENTIALS), nativeId: TEAMS_ESSENTIALS, sku: 'M365B-1001', name: 'Microsoft Teams Essentials' } },
      { position: 1, product: expect.objectContaining({ sku: 'M365B-1003', name: 'OneDrive for Business (Plan 1)' }) },
      { position: 2, product: expect.objectContaining({ sku: 'M365B-1004', name: 'SharePoint Online (Plan 1)' }) },
    ]);
    expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`]);
  });

  it("pages a category's products with cursors", async () => {
    const first = await query(`query ($id: ID!) { category(id: $id) { products(first: 4) { pageInfo { endCursor } } } }`, { id: categoryGid(M365_BUSINESS) });
    const next = await query(
      `query ($id: ID!, $after: String) { category(id: $id) { products(first: 4, after: $after) { pageInfo { hasNextPage hasPreviousPage } nodes { position product { sku } } } } }`,
      {
        id: categoryGid(M365_BUSINESS),
        after: first.data.category.products.pageInfo.endCursor,
      },
    );

    expect(next.errors).toBeUndefined();
    expect(next.data.category.products.nodes.map((node: { position: number }) => node.position)).toEqual([4, 5, 6, 7]);
    expect(next.data.category.products.nodes[0].product.sku).toBe('M365B-1006');
    expect(next.data.category.products.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });

  it('answers null without an error for a category Zaveit does not have', async () => {
    const response = await query('query ($id: ID!) { category(id: $id) { name } }', { id: categoryGid(GHOST) });

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ category: null });
    expect(upstreamRequests(zaveit)).toEqual([`GET ~/${GHOST}`]);
  });

  it("answers null for another tenant's category", async () => {
    const otherTenant = zaveit.emulator.catalog.addCategory({ tenant: 'someone-else', name: 'Theirs' });

    const response = await query('query ($id: ID!) { category(id: $id) { name } }', { id: categoryGid(otherTenant) });

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ category: null });
  });

  it('walks parent and ancestors, root first, one read a level', async () => {
    const response = await query(`query ($id: ID!) { category(id: $id) { name parent { nativeId name } ancestors { nativeId name } } }`, { id: categoryGid(M365_BUSINESS) });

    expect(response.errors).toBeUndefined();
    expect(response.data.category).toEqual({
      name: 'Microsoft 365 for bedrift',
      parent: { nativeId: MICROSOFT_365, name: 'Microsoft 365' },
      ancestors: [
        { nativeId: LISENSER, name: 'Lisenser' },
        { nativeId: MICROSOFT_365, name: 'Microsoft 365' },
      ],
    });
    expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `GET ~/${MICROSOFT_365}`, `GET ~/${LISENSER}`]);
  });

  it("lists a category's children in Zaveit's order from one listing", async () => {
    const response = await query(`query ($id: ID!) { category(id: $id) { children { totalCount nodes { name parent { name } children { nodes { name } } } } } }`, {
      id: categoryGid(LISENSER),
    });

    expect(response.errors).toBeUndefined();
    const children = response.data.category.children;
    expect(children.totalCount).toBe(4);
    expect(children.nodes.map((node: { name: string }) => node.name)).toEqual(['Microsoft 365', 'Microsoft Azure og server', 'Adobe', 'Andre programvarelisenser']);
    expect(children.nodes[0].parent).toEqual({ name: 'Lisenser' });
    expect(children.nodes[0].children.nodes.map((node: { name: string }) => node.name)).toEqual(['Microsoft 365 for bedrift', 'Microsoft 365 Enterprise', 'Microsoft 365 tillegg']);
    expect(children.nodes[1].children.nodes).toEqual([]);
    // The category itself, then one listing that answers every level below it.
    expect(upstreamRequests(zaveit)).toEqual([`GET ~/${LISENSER}`, 'GET ~/']);
  });

  it('lists roots, pages them by slicing the one listing, and serves a whole storefront tree from it', async () => {
    const storefront = `query ($store: ID!, $after: String) {
      categories(storeId: $store, rootsOnly: true, first: 3, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
        nodes { name ancestors { name } children { nodes { name productCount products(first: 2) { nodes { position product { sku name } } } } } }
      } }`;

    const first = await query(storefront, { store: ZAVEIT_STORE });
    expect(first.errors).toBeUndefined();
    expect(first.data.categories.totalCount).toBe(7);
    expect(first.data.categories.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.data.categories.nodes.map((node: { name: string }) => node.name)).toEqual(['Lisenser', 'Sikkerhet', 'Backup og gjenoppretting']);
    expect(first.data.categories.nodes[0].ancestors).toEqual([]);
    const azure = first.data.categories.nodes[0].children.nodes[1];
    expect(azure).toMatchObject({ name: 'Microsoft Azure og server', productCount: expect.any(Number) });
    expect(azure.products.nodes[0]).toEqual({ position: 0, product: { sku: expect.stringMatching(/^AZ-/), name: expect.any(String) } });
    expect(upstreamRequests(zaveit)).toEqual(['GET ~/']);

    zaveit.emulator.server.log.clear();
    const last = await query(storefront, { store: ZAVEIT_STORE, after: first.data.categories.pageInfo.endCursor });
    expect(last.data.categories.nodes.map((node: { name: string }) => node.name)).toEqual(['Drift og support', 'Maskinvare', 'Telefoni og møterom']);
    expect(last.data.categories.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(upstreamRequests(zaveit)).toEqual(['GET ~/']);
  });

  it("lists every category, or one parent's children, through Query.categories and Store.categories", async () => {
    const response = await query(
      `query ($store: ID!, $parent: ID!) {
      all: categories(storeId: $store, first: 100) { totalCount nodes { nativeId } }
      some: categories(storeId: $store, parentId: $parent) { totalCount nodes { name } }
      store(id: $store) { categories(rootsOnly: true, first: 1) { totalCount nodes { name } } }
    }`,
      { store: ZAVEIT_STORE, parent: categoryGid(MICROSOFT_365) },
    );

    expect(response.errors).toBeUndefined();
    const tenantCategories = zaveit.emulator.catalog.listCategories(ZAVEIT_DEMO_TENANT).map((category) => category._id);
    expect(response.data.all.totalCount).toBe(46);
    expect(response.data.all.nodes.map((node: { nativeId: string }) => node.nativeId)).toEqual(tenantCategories);
    expect(response.data.some).toEqual({
      totalCount: 3,
      nodes: [{ name: 'Microsoft 365 for bedrift' }, { name: 'Microsoft 365 Enterprise' }, { name: 'Microsoft 365 tillegg' }],
    });
    expect(response.data.store.categories).toEqual({ totalCount: 7, nodes: [{ name: 'Lisenser' }] });
    expect(upstreamRequests(zaveit)).toEqual(['GET ~/']);
  });

  it('answers an empty list for the children of a category Zaveit does not have', async () => {
    const response = await query('query ($store: ID!, $parent: ID!) { categories(storeId: $store, parentId: $parent) { totalCount nodes { name } } }', {
      store: ZAVEIT_STORE,
      parent: categoryGid(GHOST),
    });

    expect(response.errors).toBeUndefined();
    expect(response.data.categories).toEqual({ totalCount: 0, nodes: [] });
  });

  it('resolves nodes of both types; several categories cost one listing; a product in no category is null', async () => {
    const response = await query('query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Category { name } ... on Product { sku productName: name } } }', {
      ids: [categoryGid(LISENSER), categoryGid(M365_BUSINESS), categoryGid(GHOST), productGid(TEAMS_ESSENTIALS), productGid(EXCHANGE_PLAN_1)],
    });

    expect(response.errors).toBeUndefined();
    expect(response.data.nodes).toEqual([
      { id: categoryGid(LISENSER), name: 'Lisenser' },
      { id: categoryGid(M365_BUSINESS), name: 'Microsoft 365 for bedrift' },
      null,
      { id: productGid(TEAMS_ESSENTIALS), sku: 'M365B-1001', productName: 'Microsoft Teams Essentials' },
      null,
    ]);
    // The categories' batch and the products' batch share the request's one listing.
    expect(upstreamRequests(zaveit)).toEqual(['GET ~/']);
  });

  it('reads a product through node()', async () => {
    const response = await query('query ($id: ID!) { node(id: $id) { ... on Product { nativeId sku name } } }', { id: productGid(TEAMS_ESSENTIALS) });

    expect(response.errors).toBeUndefined();
    expect(response.data.node).toEqual({ nativeId: TEAMS_ESSENTIALS, sku: 'M365B-1001', name: 'Microsoft Teams Essentials' });
    expect(upstreamRequests(zaveit)).toEqual(['GET ~/']);
  });

  it.each([
    ['a path separator', 'a/b'],
    ['a dot segment', '..'],
    ['spaces', 'not an id'],
    ['a query string', 'abc?x=1'],
    ['more than 128 characters', 'a'.repeat(129)],
  ])('refuses a native id with %s as BAD_USER_INPUT before any request', async (_, nativeId) => {
    const response = await query('query ($id: ID!) { category(id: $id) { name } }', { id: categoryGid(nativeId) });

    expect(response.data).toEqual({ category: null });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['id'] });
    expect(upstreamRequests(zaveit)).toEqual([]);
  });
});
