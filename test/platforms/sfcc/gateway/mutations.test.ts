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
const requests = () => h.emulator.server.log.all();
const order = (categoryId: string) => h.emulator.catalog.assignmentsOf(categoryId).map((a) => [a.productId, a.position]);
/** Products P-10481… exist and sit in no category. */
const unassigned = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `P-${10481 + from + i}`);

/** A fresh category under root with these products positioned 1..n, made through the emulator. */
function seedCategory(id: string, productIds: string[]): void {
  h.emulator.catalog.createCategory(id, { name: { default: id }, online: true });
  for (const productId of productIds) h.emulator.catalog.putAssignment(id, productId, Number.MAX_SAFE_INTEGER);
}

const ASSIGN = `mutation($input: AssignProductsInput!) {
  assignProducts(input: $input) {
    assignments { position product { nativeId name } }
    category { nativeId products { totalCount } }
    userErrors { code field message }
  }
}`;
const MOVE = `mutation($input: MoveProductInput!) {
  moveProduct(input: $input) { assignment { position product { nativeId } } category { products { nodes { position product { nativeId } } } } userErrors { code field } }
}`;
const UNASSIGN = `mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) { unassignedProductIds userErrors { code field } } }`;
const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id nativeId name description enabled position parent { nativeId } } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { category { nativeId name description enabled position parent { nativeId } } userErrors { code field message retryable } } }`;
const DELETE = `mutation($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedCategoryId userErrors { code field message } } }`;

describe('assignProducts', () => {
  test('appends after the positioned products, in input order; assigned ones stay; one userError per missing product', async () => {
    seedCategory('assign-basic', ['P-10001', 'P-10002']);
    h.emulator.catalog.putAssignment('assign-basic', 'P-10003', null);
    const [a, b, c] = unassigned(3);
    const { data, errors } = await h.gateway.query(ASSIGN, {
      input: {
        categoryId: categoryGid('assign-basic'),
        productIds: [a, productGid('P-10002'), b, productGid('NO-SUCH'), c, a].map((id) => (id.startsWith('gid') ? id : productGid(id))),
      },
    });
    expect(errors).toBeUndefined();
    const payload = data.assignProducts;
    expect(payload.userErrors).toEqual([{ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '3'], message: 'Product NO-SUCH does not exist' }]);
    expect(payload.assignments.map((x: any) => [x.product.nativeId, x.position])).toEqual([
      ['P-10002', 1],
      [a, 2],
      [b, 3],
      [c, 4],
    ]);
    expect(payload.assignments[1].product.name).toBe(h.emulator.catalog.getProduct(a).name.default);
    expect(payload.category).toEqual({ nativeId: 'assign-basic', products: { totalCount: 6 } });
    expect(order('assign-basic')).toEqual([
      ['P-10001', 1],
      ['P-10002', 2],
      [a, 3],
      [b, 4],
      [c, 5],
      ['P-10003', null],
    ]);
    // P-10002 was left alone: one PUT for each of the others, the duplicate counted once.
    const puts = requests().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path.split('/').pop()).sort()).toEqual([a, b, c, 'NO-SUCH'].sort());
  });

  test('many products at once keep the input order', async () => {
    seedCategory('assign-many', ['P-10010']);
    const ids = unassigned(20).reverse();
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: categoryGid('assign-many'), productIds: ids.map(productGid) } });
    expect(data.assignProducts.userErrors).toEqual([]);
    expect(h.emulator.catalog.productIdsOf('assign-many')).toEqual(['P-10010', ...ids]);
    expect(data.assignProducts.assignments.map((x: any) => x.position)).toEqual(ids.map((_, i) => i + 1));
  });

  test('input order survives PUTs that land out of order', async () => {
    seedCategory('assign-late', ['P-10020']);
    const [a, b, c] = unassigned(3, 5);
    // c lands first (at slot 2), then b after it: c, b. The answers' positions show it, and the gateway
    // reads the order and moves the products back into the input's.
    h.emulator.server.injectFault({ method: 'PUT', path: `/assign-late/products/${a}`, delayMs: 200, times: 1 });
    h.emulator.server.injectFault({ method: 'PUT', path: `/assign-late/products/${b}`, delayMs: 100, times: 1 });
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: categoryGid('assign-late'), productIds: [a, b, c].map(productGid) } });
    expect(data.assignProducts.userErrors).toEqual([]);
    expect(h.emulator.catalog.productIdsOf('assign-late')).toEqual(['P-10020', a, b, c]);
    expect(requests().filter((r) => r.method === 'PATCH').length).toBeGreaterThan(0);
    expect(data.assignProducts.assignments.map((x: any) => [x.product.nativeId, x.position])).toEqual([
      [a, 1],
      [b, 2],
      [c, 3],
    ]);
  });

  test('a category that does not exist is a userError', async () => {
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: categoryGid('nowhere'), productIds: [productGid('P-10001')] } });
    expect(data.assignProducts.userErrors).toEqual([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'], message: 'Category nowhere does not exist' }]);
    expect(requests().filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});

describe('unassignProducts', () => {
  test('removes the products; one that was not assigned is no error; the others keep their positions', async () => {
    seedCategory('unassign', ['P-10030', 'P-10031', 'P-10032']);
    const { data } = await h.gateway.query(UNASSIGN, {
      input: { categoryId: categoryGid('unassign'), productIds: [productGid('P-10031'), productGid('P-10499')] },
    });
    expect(data.unassignProducts).toEqual({ unassignedProductIds: [productGid('P-10031'), productGid('P-10499')], userErrors: [] });
    expect(order('unassign')).toEqual([
      ['P-10030', 1],
      ['P-10032', 3],
    ]);
    expect(requests().filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });

  test('a category that does not exist is a userError', async () => {
    const { data } = await h.gateway.query(UNASSIGN, { input: { categoryId: categoryGid('nowhere'), productIds: [productGid('P-10001')] } });
    expect(data.unassignProducts.userErrors).toEqual([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
  });
});

describe('moveProduct reproduces the Data API normalization with zero-based positions', () => {
  const place = async (categoryId: string, productId: string, position: number) =>
    (await h.gateway.query(MOVE, { input: { categoryId: categoryGid(categoryId), productId: productGid(productId), position } })).data.moveProduct;
  const [A, B, C, D] = ['P-10041', 'P-10042', 'P-10043', 'P-10044'];

  test('A,B,C,D with A moved to index 2 gives B,C,A,D; past the end moves last', async () => {
    seedCategory('move', [A, B, C, D]);
    const moved = await place('move', A, 2);
    expect(moved.userErrors).toEqual([]);
    expect(moved.assignment).toEqual({ position: 2, product: { nativeId: A } });
    expect(moved.category.products.nodes.map((n: any) => [n.product.nativeId, n.position])).toEqual([
      [B, 0],
      [C, 1],
      [A, 2],
      [D, 3],
    ]);
    expect(order('move')).toEqual([
      [B, 1],
      [C, 2],
      [A, 3],
      [D, 4],
    ]);
    const patch = requests().find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ position: 3 });

    const last = await place('move', B, 1000);
    expect(last.assignment.position).toBe(3);
    expect(h.emulator.catalog.productIdsOf('move')).toEqual([C, A, D, B]);
  });

  test('an unpositioned product moved into the order takes its slot; the unpositioned stay after', async () => {
    seedCategory('move-unpositioned', [A, B]);
    h.emulator.catalog.putAssignment('move-unpositioned', C, null);
    h.emulator.catalog.putAssignment('move-unpositioned', D, null);
    const moved = await place('move-unpositioned', D, 0);
    expect(moved.assignment.position).toBe(0);
    expect(order('move-unpositioned')).toEqual([
      [D, 1],
      [A, 2],
      [B, 3],
      [C, null],
    ]);
  });

  test('a product that is not assigned is ASSIGNMENT_NOT_FOUND; a negative position is refused before any request', async () => {
    seedCategory('move-missing', [A]);
    expect((await place('move-missing', B, 0)).userErrors).toEqual([{ code: 'ASSIGNMENT_NOT_FOUND', field: ['input', 'productId'] }]);
    expect((await place('move-missing', 'NO-SUCH', 0)).userErrors).toEqual([{ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productId'] }]);
    expect((await place('nowhere', A, 0)).userErrors).toEqual([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
    h.emulator.server.log.clear();
    expect((await place('move-missing', A, -1)).userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'position'] }]);
    expect(requests()).toHaveLength(0);
  });
});

describe('createCategory', () => {
  test('creates under the given parent with the caller’s nativeId', async () => {
    const { data } = await h.gateway.query(CREATE, {
      input: { storeId: SFCC_STORE, nativeId: 'linen-shop', name: 'Linen Shop', description: 'All linen', position: 3, parentId: categoryGid('storefront') },
    });
    expect(data.createCategory).toEqual({
      category: {
        id: categoryGid('linen-shop'),
        nativeId: 'linen-shop',
        name: 'Linen Shop',
        description: 'All linen',
        enabled: true,
        position: 3,
        parent: { nativeId: 'storefront' },
      },
      userErrors: [],
    });
    expect(h.emulator.catalog.getCategory('linen-shop')).toMatchObject({ parentId: 'storefront', name: { default: 'Linen Shop' }, online: true, position: 3 });
    const children = await h.gateway.query(`{ category(id: "${categoryGid('storefront')}") { children(first: 50) { nodes { nativeId } } } }`);
    expect(children.data.category.children.nodes.map((n: any) => n.nativeId)).toContain('linen-shop');
  });

  test('without a parent it is a root (a child of the catalog root)', async () => {
    const { data } = await h.gateway.query(CREATE, { input: { storeId: SFCC_STORE, nativeId: 'top-level', name: 'Top Level', enabled: false } });
    expect(data.createCategory.category).toMatchObject({ nativeId: 'top-level', enabled: false, parent: null });
    expect(h.emulator.catalog.getCategory('top-level').parentId).toBe('root');
  });

  test('nativeId is required; a duplicate is CONFLICT; a parent that does not exist is BAD_USER_INPUT on parentId', async () => {
    const missing = await h.gateway.query(CREATE, { input: { storeId: SFCC_STORE, name: 'No Id' } });
    expect(missing.data.createCategory.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'nativeId'], message: 'nativeId is required on SFCC stores' }]);
    expect(requests()).toHaveLength(0);

    const duplicate = await h.gateway.query(CREATE, { input: { storeId: SFCC_STORE, nativeId: 'sale', name: 'Sale again' } });
    expect(duplicate.data.createCategory.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'nativeId'] })]);
    expect(h.emulator.catalog.getCategory('sale').name.default).toBe('Sale');

    const orphan = await h.gateway.query(CREATE, { input: { storeId: SFCC_STORE, nativeId: 'orphan', name: 'Orphan', parentId: categoryGid('no-such-parent') } });
    expect(orphan.data.createCategory.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'parentId'] })]);
    expect(h.emulator.catalog.findCategory('orphan')).toBeUndefined();
  });
});

describe('updateCategory and deleteCategory send back the resource state', () => {
  test('updates the fields given, with the _resource_state the gateway read', async () => {
    seedCategory('update-me', []);
    await h.gateway.query(`{ category(id: "${categoryGid('update-me')}") { name } }`);
    const state = h.emulator.catalog.getCategory('update-me').resourceState;
    h.emulator.server.log.clear();
    const { data } = await h.gateway.query(UPDATE, {
      input: { categoryId: categoryGid('update-me'), name: 'Renamed', description: 'Now described', enabled: false, position: 7, parentId: categoryGid('sale') },
    });
    expect(data.updateCategory).toEqual({
      category: { nativeId: 'update-me', name: 'Renamed', description: 'Now described', enabled: false, position: 7, parent: { nativeId: 'sale' } },
      userErrors: [],
    });
    expect(requests()[0]).toMatchObject({ method: 'PATCH', body: expect.objectContaining({ _resource_state: state, parent_category_id: 'sale' }) });
    expect(h.emulator.catalog.getCategory('update-me')).toMatchObject({ name: { default: 'Renamed' }, online: false, position: 7, parentId: 'sale' });

    // The answer's new state is the one the next write sends: no CONFLICT with itself.
    const again = await h.gateway.query(UPDATE, { input: { categoryId: categoryGid('update-me'), description: null, parentId: null } });
    expect(again.data.updateCategory.userErrors).toEqual([]);
    expect(again.data.updateCategory.category).toMatchObject({ description: null, parent: null });
    expect(h.emulator.catalog.getCategory('update-me').parentId).toBe('root');
  });

  test('a change made elsewhere since the gateway read the category: re-read, then the write goes through on the fresh state', async () => {
    seedCategory('contested', []);
    await h.gateway.query(`{ category(id: "${categoryGid('contested')}") { name } }`);
    h.emulator.catalog.updateCategory('contested', { name: { default: 'Changed in Business Manager' }, position: 4 });
    h.emulator.server.log.clear();

    const { data } = await h.gateway.query(UPDATE, { input: { categoryId: categoryGid('contested'), name: 'Gateway name' } });
    expect(data.updateCategory.userErrors).toEqual([]);
    expect(data.updateCategory.category).toMatchObject({ name: 'Gateway name', position: 4 });
    expect(h.emulator.catalog.getCategory('contested')).toMatchObject({ name: { default: 'Gateway name' }, position: 4 });
    // The stale PATCH, the re-read, the PATCH with the fresh state.
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ['PATCH', 409],
      ['GET', 200],
      ['PATCH', 200],
    ]);
  });

  test('delete: removes the category and its subtree, after a re-read when its state is stale; unknown is CATEGORY_NOT_FOUND; root is refused', async () => {
    seedCategory('doomed', []);
    h.emulator.catalog.createCategory('doomed-child', { parentId: 'doomed', name: { default: 'Child' } });
    await h.gateway.query(`{ category(id: "${categoryGid('doomed')}") { name } }`);
    h.emulator.catalog.updateCategory('doomed', { position: 9 });

    const deleted = await h.gateway.query(DELETE, { input: { categoryId: categoryGid('doomed') } });
    expect(deleted.data.deleteCategory).toEqual({ deletedCategoryId: categoryGid('doomed'), userErrors: [] });
    expect(h.emulator.catalog.findCategory('doomed')).toBeUndefined();
    expect(h.emulator.catalog.findCategory('doomed-child')).toBeUndefined();
    const after = await h.gateway.query(`{ category(id: "${categoryGid('doomed')}") { name } }`);
    expect(after.data.category).toBeNull();

    const unknown = await h.gateway.query(DELETE, { input: { categoryId: categoryGid('doomed') } });
    expect(unknown.data.deleteCategory.userErrors).toEqual([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'], message: 'Category doomed does not exist' }]);

    h.emulator.server.log.clear();
    const root = await h.gateway.query(DELETE, { input: { categoryId: categoryGid('root') } });
    expect(root.data.deleteCategory.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'categoryId'] })]);
    expect(requests()).toHaveLength(0);
    expect(h.emulator.catalog.findCategory('root')).toBeDefined();
  });
});

describe('category images', () => {
  test('are UNSUPPORTED_OPERATION on SFCC, with no upstream request', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const { data } = await h.gateway.query(
      `mutation($set: SetCategoryImageInput!, $del: DeleteCategoryImageInput!) {
        set: setCategoryImage(input: $set) { userErrors { code } }
        del: deleteCategoryImage(input: $del) { userErrors { code } }
      }`,
      { set: { categoryId: categoryGid('sale'), imageBase64: png }, del: { categoryId: categoryGid('sale') } },
    );
    expect(data).toEqual({ set: { userErrors: [{ code: 'UNSUPPORTED_OPERATION' }] }, del: { userErrors: [{ code: 'UNSUPPORTED_OPERATION' }] } });
    expect(requests()).toHaveLength(0);
  });
});
