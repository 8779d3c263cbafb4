import type { FaultRule } from '../../src/emulators/kit';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid } from '../support/gateway';

/** One category read per platform, with the path its adapter reads it by. */
const CATEGORIES = {
  ecwid: { id: '9691001', path: '/categories/9691001' },
  sfcc: { id: 'womens-clothing-dresses', path: '/categories/womens-clothing-dresses' },
  zaveit: { id: '76a489e5-939a-4239-b166-4fbac4caf9fa', path: '/category/76a489e5-939a-4239-b166-4fbac4caf9fa' },
  bigcommerce: { id: '20', path: '/catalog/trees/categories' },
} as const;
type StoreId = keyof typeof CATEGORIES;
const STORES = Object.keys(CATEGORIES) as StoreId[];
const DEADLINE_MS = 2000;

let all: AllPlatforms;
beforeAll(async () => {
  all = await startAllPlatforms({
    server: { requestTimeoutMs: DEADLINE_MS },
    // A high breaker threshold keeps these cases independent; the breaker has its own test.
    upstream: { attemptTimeoutMs: 400, maxRetries: 1, breakerFailureThreshold: 1000 },
  });
});
afterAll(() => all.close());
beforeEach(() => {
  for (const emulator of all.emulators()) {
    emulator.server.faults.clear();
    emulator.server.log.clear();
  }
});

const combined = `{ ${STORES.map((store) => `${store}: category(id: "${gid('Category', store, CATEGORIES[store].id)}") { name }`).join(' ')} }`;

describe.each(STORES)('when %s misbehaves, the other stores still answer', (broken) => {
  test.each<[string, FaultRule, number | undefined]>([
    ['hangs', { hang: true }, undefined],
    ['resets the connection', { reset: true }, undefined],
    ['answers 200 with garbage', { status: 200, body: '<html>oops</html>' }, 200],
    ['fails with 503', { status: 503, body: '{}' }, 503],
  ])('%s: a bounded answer with a typed error for that store, and the next request is fine', async (_name, fault, upstreamStatus) => {
    all[broken].server.injectFault({ method: 'GET', path: CATEGORIES[broken].path, ...fault });
    const started = Date.now();
    const { data, errors } = await all.gateway.query(combined);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 500);

    expect(data[broken]).toBeNull();
    for (const healthy of STORES.filter((store) => store !== broken)) expect(data[healthy]).toEqual({ name: expect.any(String) });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: [broken], extensions: { code: 'UPSTREAM_UNAVAILABLE', storeId: broken, retryable: true } });
    expect(errors![0].extensions!.upstreamStatus).toBe(upstreamStatus);

    all[broken].server.faults.clear();
    const after = await all.gateway.query(combined);
    expect(after.errors).toBeUndefined();
    for (const store of STORES) expect(after.data[store]).toEqual({ name: expect.any(String) });
  });
});

describe('a write the platform fails leaves its catalog as it was', () => {
  test.each<[StoreId, string, string]>([
    ['ecwid', '37208400', '/assignProducts'],
    ['sfcc', 'P-10490', '/products/P-10490'],
    ['zaveit', '97c2cc24-4311-4497-8ce0-07338a708ddd', '/products/add'],
    ['bigcommerce', '81', '/catalog/products/category-assignments'],
  ])('%s: a 503 on assign is UPSTREAM_UNAVAILABLE and nothing is assigned', async (store, productId, writePath) => {
    const method = store === 'ecwid' ? 'POST' : 'PUT';
    all[store].server.injectFault({ method, path: writePath, status: 503, body: '{}' });
    const { data, errors } = await all.gateway.query(`mutation($input: AssignProductsInput!) { assignProducts(input: $input) { assignments { position } userErrors { code } } }`, {
      input: { categoryId: gid('Category', store, CATEGORIES[store].id), productIds: [gid('Product', store, productId)] },
    });
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', storeId: store });
    all[store].server.faults.clear();
    const read = await all.gateway.query(`{ category(id: "${gid('Category', store, CATEGORIES[store].id)}") { products(first: 500) { nodes { product { nativeId } } } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.category.products.nodes.map((n: { product: { nativeId: string } }) => n.product.nativeId)).not.toContain(productId);
  });
});
