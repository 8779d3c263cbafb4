import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../../../support/ecwidGateway';
import { ECWID_DEMO_STORE_ID, startEcwidEmulator } from '../../../../src/emulators/ecwid';
import { gid, startTestGateway } from '../../../support/gateway';

let h: EcwidHarness;
beforeAll(async () => {
  h = await startEcwidHarness({}, { server: { requestTimeoutMs: 3000 }, upstream: { attemptTimeoutMs: 500, maxRetries: 1, breakerFailureThreshold: 100 } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.server.faults.clear();
  h.emulator.server.log.clear();
});

const cat = (id: number) => gid('Category', ECWID_STORE, id);
const prod = (id: number) => gid('Product', ECWID_STORE, id);
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;
const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { name } userErrors { code field message retryable } } }`;
const READ = (id: number) => `{ category(id: "${cat(id)}") { name } }`;

describe('Ecwid faults become the contract’s error codes', () => {
  test('404 on a category read: null, no error', async () => {
    const { data, errors } = await h.gateway.query(READ(31337));
    expect(errors).toBeUndefined();
    expect(data.category).toBeNull();
  });

  test('404 on assign where the category exists: PRODUCT_NOT_FOUND for the product, not the category', async () => {
    const leaf = byName('Organic Fruit');
    const product = [...h.emulator.catalog.products.keys()].find((id) => !leaf.productIds.includes(id))!;
    // The product vanishes between the gateway's existence check and its write.
    h.emulator.server.injectFault({ method: 'POST', path: '/assignProducts', status: 404, body: { errorMessage: 'Product is not found' } });
    const { data } = await h.gateway.query(`mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code message } } }`, {
      input: { categoryId: cat(leaf.id), productIds: [prod(product)] },
    });
    expect(data.assignProducts.userErrors).toMatchObject([{ code: 'PRODUCT_NOT_FOUND' }]);
  });

  test.each([
    [449, 'CATALOG_LOCKED', true, { errorMessage: 'Store catalog cannot be modified at the moment because import is in progress. Retry later.' }, 2],
    [402, 'PLAN_LIMIT_REACHED', false, { errorMessage: 'The merchant plan category limit is reached' }, 1],
    [409, 'CONFLICT', true, { errorMessage: 'There was a conflict modifying the store. Retry later.' }, 2],
    [409, 'CONFLICT', false, { errorMessage: 'Data validation error' }, 1],
    [400, 'BAD_USER_INPUT', false, { errorMessage: 'Malformed request parameters' }, 1],
  ])('HTTP %i on a write is the userError %s (retryable: %s) ', async (status, code, retryable, body, attempts) => {
    h.emulator.server.injectFault({ method: 'POST', path: '/categories', status, body });
    const { data, errors } = await h.gateway.query(CREATE, { input: { storeId: ECWID_STORE, name: 'New' } });
    expect(errors).toBeUndefined();
    expect(data.createCategory.category).toBeNull();
    expect(data.createCategory.userErrors).toMatchObject([{ code, retryable }]);
    expect([...h.emulator.catalog.categories.values()].some((c) => c.name === 'New')).toBe(false);
    // A write Ecwid says it did not apply (449, 409 "retry later") is sent again; others never are.
    expect(h.emulator.server.log.count({ method: 'POST', path: /\/categories$/ })).toBe(attempts);
  });

  test('a write refused once with 449 goes through on the retry', async () => {
    h.emulator.server.injectFault({ method: 'POST', path: '/categories', status: 449, times: 1 });
    const { data } = await h.gateway.query(CREATE, { input: { storeId: ECWID_STORE, name: 'After the import' } });
    expect(data.createCategory).toMatchObject({ category: { name: 'After the import' }, userErrors: [] });
    expect([...h.emulator.catalog.categories.values()].filter((c) => c.name === 'After the import')).toHaveLength(1);
  });

  test('402 from the emulator’s own plan limit', async () => {
    const limited = await startEcwidHarness({ maxCategories: 248 });
    try {
      const { data } = await limited.gateway.query(CREATE, { input: { storeId: ECWID_STORE, name: 'One too many' } });
      expect(data.createCategory.userErrors).toMatchObject([{ code: 'PLAN_LIMIT_REACHED' }]);
    } finally {
      await limited.close();
    }
  });

  test('429 with Retry-After is retried within the deadline and the answer is whole', async () => {
    const fruit = byName('Fruit');
    h.emulator.server.injectFault({ method: 'GET', path: `/categories/${fruit.id}`, status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const { data, errors } = await h.gateway.query(READ(fruit.id));
    expect(errors).toBeUndefined();
    expect(data.category.name).toBe('Fruit');
    expect(h.emulator.server.log.count({ path: `/categories/${fruit.id}` })).toBe(2);
  });

  test('429 that outlasts the deadline is RATE_LIMITED with retryAfterSeconds', async () => {
    const fruit = byName('Fruit');
    h.emulator.server.injectFault({ method: 'GET', status: 429, headers: { 'retry-after': '30' } });
    const { data, errors } = await h.gateway.query(READ(fruit.id));
    expect(data).toEqual({ category: null });
    expect(errors![0]).toMatchObject({
      path: ['category'],
      extensions: { code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 30, upstreamStatus: 429, storeId: ECWID_STORE, platform: 'ECWID' },
    });
    // No retry was made that could not have finished in time.
    expect(h.emulator.server.log.all()).toHaveLength(1);
  });

  test.each([
    ['500', { status: 500, body: { errorMessage: 'Server error' } }, 500],
    ['a garbage 200 body', { status: 200, body: '<html>maintenance</html>' }, 200],
    ['a reset connection', { reset: true }, undefined],
    ['a hanging upstream', { hang: true }, undefined],
  ])('%s is UPSTREAM_UNAVAILABLE on that field; the rest of the response still answers', async (_name, fault, upstreamStatus) => {
    const fruit = byName('Fruit');
    h.emulator.server.injectFault({ method: 'GET', path: `/categories/${fruit.id}`, ...fault });
    const started = Date.now();
    const { data, errors } = await h.gateway.query(`{ broken: category(id: "${cat(fruit.id)}") { name } store(id: "${ECWID_STORE}") { id } }`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(data).toEqual({ broken: null, store: { id: ECWID_STORE } });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, storeId: ECWID_STORE });
    expect(errors![0].extensions!.upstreamStatus).toBe(upstreamStatus);
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|secret_|stack/i);
  });

  test('a rejected token is STORE_MISCONFIGURED and the token never appears in the answer', async () => {
    const emulator = await startEcwidEmulator({ token: 'secret_right_token', rateLimit: false });
    const gateway = await startTestGateway({
      stores: [{ id: ECWID_STORE, platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: 'secret_wrong_token' }],
    });
    try {
      const { errors } = await gateway.query(READ(byName('Fruit').id));
      expect(errors![0].extensions).toMatchObject({ code: 'STORE_MISCONFIGURED', upstreamStatus: 403 });
      expect(JSON.stringify(errors)).not.toContain('secret_');
    } finally {
      await gateway.close();
      await emulator.close();
    }
  });

  test('a refused connection is UPSTREAM_UNAVAILABLE', async () => {
    const gateway = await startTestGateway({
      stores: [{ id: ECWID_STORE, platform: 'ecwid', baseUrl: 'http://127.0.0.1:9/api/v3', storeId: '1', token: 't' }],
    });
    const { errors } = await gateway.query(READ(5));
    await gateway.close();
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(errors![0].message).toBe('Ecwid could not be reached (ECONNREFUSED)');
  });
});
