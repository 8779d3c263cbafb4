import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';
import { gid } from '../support/gateway';

// A tree walk's children come from the listing the walk already read (answered in hand, past
// type-graphql's wrapper): the tree, its paging and its argument errors stay those of any other read.
let h: EcwidHarness;
beforeAll(async () => {
  h = await startEcwidHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

const categories = () => [...h.emulator.catalog.categories.values()];
const childNames = (parentId: number | undefined, includeHidden = false) => h.emulator.catalog.list({ parent: parentId ?? 0, includeHidden }).map((c) => c.name);
const names = (connection: { nodes: Array<{ name: string }> }) => connection.nodes.map((node) => node.name);

describe('children of a storefront tree', () => {
  test('three levels in sibling order, the same as the platform lists them, from one listing of the store', async () => {
    const { data, errors } = await h.gateway.query(
      `query($storeId: ID!) { categories(storeId: $storeId, rootsOnly: true, first: 20) { nodes { name nativeId children(first: 20) { nodes { name nativeId children(first: 20) { nodes { name } } } } } } }`,
      { storeId: ECWID_STORE },
    );
    expect(errors).toBeUndefined();
    const roots = data.categories.nodes;
    expect(names(data.categories)).toEqual(childNames(undefined));
    for (const root of roots) {
      expect(names(root.children)).toEqual(childNames(Number(root.nativeId)));
      for (const child of root.children.nodes) expect(names(child.children)).toEqual(childNames(Number(child.nativeId)).slice(0, 20));
    }
    expect(roots.flatMap((root: { children: { nodes: unknown[] } }) => root.children.nodes).length).toBeGreaterThan(20);
    // The store's listing (248 categories, three pages) answers every level: no request per parent.
    expect(h.emulator.server.log.all().every((r) => r.path.endsWith('/categories'))).toBe(true);
    expect(h.emulator.server.log.all().length).toBeLessThanOrEqual(3);
  });

  test('nested paging, cursors, totals and hidden children', async () => {
    const grocery = categories().find((c) => c.name === 'Grocery')!;
    const { data, errors } = await h.gateway.query(`{
      category(id: "${gid('Category', ECWID_STORE, grocery.id)}") {
        children(first: 2) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { name children(first: 1) { totalCount nodes { name } } } }
        }
        none: children(first: 0) { totalCount nodes { name } }
      }
      hidden: categories(storeId: "${ECWID_STORE}", rootsOnly: true, includeHidden: true) { nodes { name children(includeHidden: true) { nodes { name } } } }
    }`);
    expect(errors).toBeUndefined();
    const visible = childNames(grocery.id);
    const page = data.category.children;
    expect(page.totalCount).toBe(visible.length);
    expect(page.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(visible.slice(0, 2));
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });
    const firstChild = categories().find((c) => c.name === visible[0])!;
    expect(page.edges[0].node.children).toEqual({ totalCount: childNames(firstChild.id).length, nodes: [{ name: childNames(firstChild.id)[0] }] });
    expect(data.category.none).toEqual({ totalCount: null, nodes: [] });
    expect(names(data.hidden)).toEqual(childNames(undefined, true));
    expect(names(data.hidden)).toContain('Clearance');
  });

  test.each([
    ['first: -1', 'first must be between 0 and 500'],
    ['first: 501', 'first must be between 0 and 500'],
    ['after: "garbage"', 'not a cursor'],
  ])('children(%s) deep in the tree is an error at its path, the rest of the answer kept', async (args, message) => {
    const grocery = categories().find((c) => c.name === 'Grocery')!;
    const { data, errors } = await h.gateway.query(`{
      store(id: "${ECWID_STORE}") { id }
      category(id: "${gid('Category', ECWID_STORE, grocery.id)}") { name children(first: 1) { nodes { name children(${args}) { totalCount } } } }
    }`);
    // Connections are non-null, so the error nulls the nearest nullable field: the category.
    expect(data).toEqual({ store: { id: ECWID_STORE }, category: null });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['category', 'children', 'nodes', 0, 'children'],
        message: expect.stringContaining(message),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});
