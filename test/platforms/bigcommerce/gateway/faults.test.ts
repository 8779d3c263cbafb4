import { BIGCOMMERCE_DEMO_STORE_HASH, startBigCommerceEmulator } from '../../../../src/emulators/bigcommerce';
import { BIGCOMMERCE_STORE, BigCommerceHarness, startBigCommerceHarness } from '../../../support/bigcommerceGateway';
import { gid, startTestGateway } from '../../../support/gateway';

let h: BigCommerceHarness;
beforeAll(async () => {
  h = await startBigCommerceHarness({}, { server: { requestTimeoutMs: 3000 }, upstream: { attemptTimeoutMs: 500, maxRetries: 1, breakerFailureThreshold: 100 } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.server.faults.clear();
  h.emulator.server.log.clear();
});

const cat = (id: number) => gid('Category', BIGCOMMERCE_STORE, id);
const prod = (id: number) => gid('Product', BIGCOMMERCE_STORE, id);
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;
const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { name } userErrors { code field message retryable } } }`;
const READ = (id: number) => `{ category(id: "${cat(id)}") { name } }`;
const LISTING = '/catalog/trees/categories';
const TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';
/** The X-Rate-Limit-* headers of a 429 whose window resets in `resetMs`. */
const overQuota = (resetMs: number) => ({
  status: 429,
  body: { status: 429, title: 'Too many requests', type: TYPE },
  headers: {
    'x-rate-limit-requests-left': '0',
    'x-rate-limit-requests-quota': '150',
    'x-rate-limit-time-reset-ms': String(resetMs),
    'x-rate-limit-time-window-ms': '30000',
  },
});

describe('BigCommerce faults become the contract’s error codes', () => {
  test('a category that is not there: null, no error', async () => {
    const { data, errors } = await h.gateway.query(READ(31337));
    expect(errors).toBeUndefined();
    expect(data.category).toBeNull();
  });

  test('a 429 is tried again when the quota window resets (X-Rate-Limit-Time-Reset-Ms), not before', async () => {
    h.emulator.server.injectFault({ method: 'GET', path: LISTING, ...overQuota(700), times: 1 });
    const started = Date.now();
    const { data, errors } = await h.gateway.query(READ(byName('Saucepans').id));
    expect(errors).toBeUndefined();
    expect(data.category.name).toBe('Saucepans');
    const [refused, retried] = h.emulator.server.log.all();
    expect(h.emulator.server.log.all()).toHaveLength(2);
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(690);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  test('a 429 on a write is tried again too: BigCommerce applied nothing', async () => {
    h.emulator.server.injectFault({ method: 'POST', path: LISTING, ...overQuota(100), times: 1 });
    const { data } = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'After the window' } });
    expect(data.createCategory).toMatchObject({ category: { name: 'After the window' }, userErrors: [] });
    expect([...h.emulator.catalog.categories.values()].filter((c) => c.name === 'After the window')).toHaveLength(1);
  });

  test('a 429 whose window outlasts the deadline is RATE_LIMITED with retryAfterSeconds from the reset time', async () => {
    h.emulator.server.injectFault({ method: 'GET', ...overQuota(25_200) });
    const { data, errors } = await h.gateway.query(READ(byName('Saucepans').id));
    expect(data).toEqual({ category: null });
    expect(errors![0]).toMatchObject({
      path: ['category'],
      extensions: { code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 26, upstreamStatus: 429, storeId: BIGCOMMERCE_STORE, platform: 'BIGCOMMERCE' },
    });
    // No retry was made that could not have finished in time.
    expect(h.emulator.server.log.all()).toHaveLength(1);
  });

  test("the emulator's own quota: a page that needs more requests than the window allows waits for the next window", async () => {
    const limited = await startBigCommerceHarness({ rateLimit: { limit: 2, windowMs: 600 } }, { server: { requestTimeoutMs: 5000 }, upstream: { maxRetries: 2 } });
    try {
      const shopAll = [...limited.emulator.catalog.categories.values()].find((c) => c.name === 'Shop All')!;
      // Three requests in a row: the category, its order, the names.
      const { data, errors } = await limited.gateway.query(`{ category(id: "${cat(shopAll.id)}") { name products(first: 50) { totalCount nodes { product { name } } } } }`);
      expect(errors).toBeUndefined();
      expect(data.category.products.totalCount).toBe(40);
      const statuses = limited.emulator.server.log.all().map((r) => r.status);
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });

  test('a 422 of the tree endpoints (nested error object) is BAD_USER_INPUT on its field', async () => {
    const { data } = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'x'.repeat(51) } });
    expect(data.createCategory.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'name'], message: 'BigCommerce refused the input: name is required: 1 to 50 characters', retryable: false },
    ]);
  });

  test('409 on a write is CONFLICT; 400 (a request the gateway should not have made) is UPSTREAM_ERROR; neither is sent again', async () => {
    h.emulator.server.injectFault({
      method: 'POST',
      path: LISTING,
      status: 409,
      body: { status: 409, title: 'The category was in conflict with another category', type: TYPE },
      times: 1,
    });
    const conflict = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'New' } });
    expect(conflict.data.createCategory.userErrors).toMatchObject([{ code: 'CONFLICT', retryable: false }]);
    h.emulator.server.injectFault({ method: 'POST', path: LISTING, status: 400, body: 'Bad Request', times: 1 });
    const bad = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'New' } });
    // Not the client's input: a top-level error, not a userError.
    expect(bad.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 400 });
    expect(h.emulator.server.log.count({ method: 'POST' })).toBe(2);
    expect([...h.emulator.catalog.categories.values()].some((c) => c.name === 'New')).toBe(false);
  });

  test('a product order that vanished between read and write (422 on the sort-order write) is read again and moved', async () => {
    const leaf = byName('Saucepans');
    const [a, , c] = h.emulator.catalog.sortOrder(leaf.id).map((e) => e.product_id);
    h.emulator.server.injectFault({
      method: 'PUT',
      path: '/sort-order',
      status: 422,
      body: { status: 422, title: `Product ${a} is not assigned to category ${leaf.id}`, type: TYPE },
      times: 1,
    });
    const { data } = await h.gateway.query(`mutation($input: MoveProductInput!) { moveProduct(input: $input) { assignment { position } userErrors { code } } }`, {
      input: { categoryId: cat(leaf.id), productId: prod(c), position: 0 },
    });
    expect(data.moveProduct).toEqual({ assignment: { position: 0 }, userErrors: [] });
    expect(h.emulator.server.log.count({ method: 'PUT' })).toBe(2);
  });

  test.each([
    ['500', { status: 500, body: { status: 500, title: 'Internal Server Error', type: TYPE } }, 500],
    ['a garbage 200 body', { status: 200, body: '<html>maintenance</html>' }, 200],
    ['a reset connection', { reset: true }, undefined],
    ['a hanging upstream', { hang: true }, undefined],
  ])('%s is UPSTREAM_UNAVAILABLE on that field; the rest of the response still answers', async (_name, fault, upstreamStatus) => {
    h.emulator.server.injectFault({ method: 'GET', path: LISTING, ...fault });
    const started = Date.now();
    const { data, errors } = await h.gateway.query(`{ broken: category(id: "${cat(byName('Saucepans').id)}") { name } store(id: "${BIGCOMMERCE_STORE}") { id } }`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(data).toEqual({ broken: null, store: { id: BIGCOMMERCE_STORE } });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, storeId: BIGCOMMERCE_STORE });
    expect(errors![0].extensions!.upstreamStatus).toBe(upstreamStatus);
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|token|stack/i);
  });

  test('a rejected token (401) is STORE_MISCONFIGURED and the token never appears in the answer', async () => {
    const emulator = await startBigCommerceEmulator({ token: 'secret_right_token', rateLimit: false });
    const gateway = await startTestGateway({
      stores: [{ id: BIGCOMMERCE_STORE, platform: 'bigcommerce', baseUrl: emulator.baseUrl, storeHash: BIGCOMMERCE_DEMO_STORE_HASH, token: 'secret_wrong_token' }],
    });
    try {
      const { errors } = await gateway.query(READ(20));
      expect(errors![0].extensions).toMatchObject({ code: 'STORE_MISCONFIGURED', upstreamStatus: 401 });
      expect(JSON.stringify(errors)).not.toContain('secret_');
      expect(emulator.server.log.all()).toHaveLength(1);
    } finally {
      await gateway.close();
      await emulator.close();
    }
  });

  test('a store hash BigCommerce does not know is STORE_MISCONFIGURED', async () => {
    const gateway = await startTestGateway({
      stores: [{ id: BIGCOMMERCE_STORE, platform: 'bigcommerce', baseUrl: h.emulator.baseUrl, storeHash: 'nosuchstore', token: 'bigcommerce-demo-token' }],
    });
    try {
      const { errors } = await gateway.query(READ(20));
      expect(errors![0].extensions).toMatchObject({ code: 'STORE_MISCONFIGURED', upstreamStatus: 404 });
    } finally {
      await gateway.close();
    }
  });

  test('a config without a storeHash, or a malformed one, is refused at startup', async () => {
    await expect(startTestGateway({ stores: [{ id: 'b', platform: 'bigcommerce', baseUrl: 'https://api.bigcommerce.com', token: 't' }] })).rejects.toThrow(/storeHash/);
    await expect(startTestGateway({ stores: [{ id: 'b', platform: 'bigcommerce', baseUrl: 'https://api.bigcommerce.com', token: 't', storeHash: 'Not A Hash' }] })).rejects.toThrow(
      /storeHash/,
    );
    await expect(
      startTestGateway({ stores: [{ id: 'b', platform: 'bigcommerce', baseUrl: 'https://api.bigcommerce.com', token: 't', storeHash: 'abc', treeId: 0 }] }),
    ).rejects.toThrow(/treeId/);
  });

  test('a refused connection is UPSTREAM_UNAVAILABLE', async () => {
    const gateway = await startTestGateway({ stores: [{ id: BIGCOMMERCE_STORE, platform: 'bigcommerce', baseUrl: 'http://127.0.0.1:9', storeHash: 'abc', token: 't' }] });
    const { errors } = await gateway.query(READ(5));
    await gateway.close();
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(errors![0].message).toBe('BigCommerce could not be reached (ECONNREFUSED)');
  });
});
