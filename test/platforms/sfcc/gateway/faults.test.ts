import { gid } from '../../../support/gateway';
import { SFCC_STORE, SfccHarness, startSfccHarness } from '../../../support/sfccGateway';

const categoryGid = (id: string) => gid('Category', SFCC_STORE, id);
const productGid = (id: string) => gid('Product', SFCC_STORE, id);
const fault = (type: string, message: string, args: Record<string, string> = {}) => ({ _v: '23.2', fault: { type, message, arguments: args } });

const READ = `{ category(id: "${categoryGid('sale')}") { name } }`;
const UPDATE = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { category { name } userErrors { code field message } } }`;
const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { name } userErrors { code field message } } }`;

describe('SFCC faults through the gateway (README, "Errors"; docs/platforms/sfcc.md#faults)', () => {
  let h: SfccHarness;
  beforeAll(async () => {
    h = await startSfccHarness({}, {}, { upstream: { maxRetries: 0 } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.server.faults.clear();
    h.emulator.server.log.clear();
  });

  test("CategoryInvalidException's field argument becomes the userError's field", async () => {
    h.emulator.server.injectFault({
      method: 'PATCH',
      path: '/categories/sale',
      status: 400,
      body: fault('CategoryInvalidException', "The field 'name' for the category with catalog ID 'main-catalog' and category ID 'sale' is invalid.", {
        catalogId: 'main-catalog',
        categoryId: 'sale',
        field: 'name',
      }),
      times: 1,
    });
    const { data } = await h.gateway.query(UPDATE, { input: { categoryId: categoryGid('sale'), name: 'x' } });
    expect(data.updateCategory.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'name'], message: "SFCC rejected the category: 'name' is invalid" }]);
  });

  test('IdConflictException is CONFLICT', async () => {
    h.emulator.server.injectFault({
      method: 'PUT',
      path: '/categories/fresh',
      status: 400,
      body: fault('IdConflictException', "The ID in the request body ('a') does not match the ID in the URL ('fresh')."),
      times: 1,
    });
    const { data } = await h.gateway.query(CREATE, { input: { storeId: SFCC_STORE, nativeId: 'fresh', name: 'Fresh' } });
    expect(data.createCategory.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  test('ResourceStateConflictException that persists after re-reads is CONFLICT', async () => {
    h.emulator.server.injectFault({
      method: 'DELETE',
      path: '/categories/sale',
      status: 409,
      body: fault('ResourceStateConflictException', "The resource state 'x' does not match the current state of the resource."),
    });
    const { data } = await h.gateway.query(`mutation { deleteCategory(input: { categoryId: "${categoryGid('sale')}" }) { userErrors { code retryable } } }`);
    expect(data.deleteCategory.userErrors).toEqual([{ code: 'CONFLICT', retryable: true }]);
    expect(h.emulator.catalog.findCategory('sale')).toBeDefined();
    // The first try and two more, each after a fresh read.
    expect(h.emulator.server.log.count({ method: 'DELETE', path: '/categories/sale' })).toBe(3);
  });

  test('ProductNotFoundException on a move is PRODUCT_NOT_FOUND; CategoryProductAssignmentNotFoundException is ASSIGNMENT_NOT_FOUND', async () => {
    const move = (productId: string) =>
      h.gateway.query(
        `mutation { moveProduct(input: { categoryId: "${categoryGid('sale')}", productId: "${productGid(productId)}", position: 0 }) { userErrors { code field } } }`,
      );
    expect((await move('NO-SUCH')).data.moveProduct.userErrors).toEqual([{ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productId'] }]);
    expect((await move('P-10500')).data.moveProduct.userErrors).toEqual([{ code: 'ASSIGNMENT_NOT_FOUND', field: ['input', 'productId'] }]);
  });

  test.each([
    ['a 5xx', { status: 503, body: 'Service Unavailable' }, 'UPSTREAM_UNAVAILABLE', 503],
    ['a body that is not JSON', { status: 200, body: '<html>maintenance</html>' }, 'UPSTREAM_UNAVAILABLE', 200],
    ['an unexpected 4xx fault', { status: 400, body: fault('MalformedParameterException', "The value 'x' of parameter 'levels' is malformed.") }, 'UPSTREAM_ERROR', 400],
    ['NotFoundException (a baseUrl OCAPI does not know)', { status: 404, body: fault('NotFoundException', 'Unknown resource.') }, 'STORE_MISCONFIGURED', 404],
    ['CatalogNotFoundException', { status: 404, body: fault('CatalogNotFoundException', "No catalog with ID 'main-catalog' was found.") }, 'STORE_MISCONFIGURED', 404],
    ['a 403', { status: 403, body: fault('ClientAccessForbiddenException', 'Forbidden') }, 'STORE_MISCONFIGURED', 403],
  ])('%s on a read is a top-level %s error, the rest of the response still answered', async (_, reply, code, upstreamStatus) => {
    h.emulator.server.injectFault({ method: 'GET', path: '/categories/sale', ...reply, times: 1 });
    const { data, errors } = await h.gateway.query(`{ category(id: "${categoryGid('sale')}") { name } store(id: "${SFCC_STORE}") { platform } }`);
    expect(data).toEqual({ category: null, store: { platform: 'SFCC' } });
    expect(errors).toEqual([expect.objectContaining({ path: ['category'], extensions: expect.objectContaining({ code, upstreamStatus, storeId: SFCC_STORE, platform: 'SFCC' }) })]);
  });

  test('a 429 past the retries is RATE_LIMITED with retryAfterSeconds', async () => {
    h.emulator.server.injectFault({ method: 'GET', path: '/categories/sale', status: 429, headers: { 'retry-after': '30' }, times: 1 });
    const { errors } = await h.gateway.query(READ);
    expect(errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 30 });
  });

  test('a reset connection is UPSTREAM_UNAVAILABLE, and a system failure in a mutation is a top-level error', async () => {
    h.emulator.server.injectFault({ method: 'PATCH', path: '/categories/sale', reset: true, times: 1 });
    const { data, errors } = await h.gateway.query(UPDATE, { input: { categoryId: categoryGid('sale'), name: 'x' } });
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(h.emulator.catalog.getCategory('sale').name.default).toBe('Sale');
  });
});

describe('a misconfigured SFCC store', () => {
  test.each([
    ['a catalog that does not exist (CatalogNotFoundException)', { catalogId: 'other-catalog' }],
    ['a token SFCC rejects (InvalidAccessTokenException)', { token: 'wrong-token' }],
  ])('%s is STORE_MISCONFIGURED, and no token reaches the client', async (_, store) => {
    const h = await startSfccHarness({}, store);
    try {
      const { data, errors } = await h.gateway.query(READ);
      expect(data).toEqual({ category: null });
      expect(errors![0].extensions).toMatchObject({ code: 'STORE_MISCONFIGURED', storeId: SFCC_STORE });
      expect(JSON.stringify(errors)).not.toContain('token');
      const mutation = await h.gateway.query(
        `mutation { unassignProducts(input: { categoryId: "${categoryGid('sale')}", productIds: ["${productGid('P-10001')}"] }) { userErrors { code } } }`,
      );
      expect(mutation.errors![0].extensions!.code).toBe('STORE_MISCONFIGURED');
    } finally {
      await h.close();
    }
  });
});
