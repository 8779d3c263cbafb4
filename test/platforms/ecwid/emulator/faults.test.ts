import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, ECWID_RATE_LIMIT, startEcwidEmulator } from '../../../../src/emulators/ecwid';
import { Ecwid, STORE_PATH, addProducts, productIdsOf, storeClient } from '../../../support/ecwidEmulatorClient';
import type { EmulatorCall } from '../../../support/emulatorClient';

const BAD_TOKEN = { errorMessage: 'Token is invalid or has no access to this store' };
// The vendor's wording for the two "nothing applied, retry later" answers (docs/platforms/ecwid.md#writes-and-concurrency).
const IMPORT_IN_PROGRESS = { errorMessage: 'Store catalog cannot be modified at the moment because import is in progress. Retry later.' };
const EDIT_CONFLICT = { errorMessage: "There was a conflict modifying the store (updating a category while it's being edited elsewhere). Retry later." };

describe('Ecwid emulator: access token (docs/platforms/ecwid.md)', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;
  let shoes: number;
  beforeEach(async () => {
    ecwid = await startEcwidEmulator({ catalog: 'empty' });
    call = storeClient(ecwid);
    shoes = ecwid.catalog.create({ name: 'Shoes' });
  });
  afterEach(() => ecwid.close());

  it.each([
    ['no token', null],
    ['a wrong token', 'secret_not_this_store'],
  ])('answers 403 with an errorMessage to %s, reads and writes alike, changing nothing', async (_, token) => {
    const [product] = addProducts(ecwid, 1);

    const answers = await Promise.all([
      call('GET', '/categories', { token }),
      call('GET', `/categories/${shoes}`, { token }),
      call('POST', '/categories', { token, body: { name: 'Boots' } }),
      call('POST', `/categories/${shoes}/assignProducts`, { token, body: { productIds: [product] } }),
      call('DELETE', `/categories/${shoes}`, { token }),
    ]);

    for (const answer of answers) expect(answer).toMatchObject({ status: 403, body: BAD_TOKEN });
    expect([...ecwid.catalog.categories.keys()]).toEqual([shoes]);
    expect(productIdsOf(ecwid, shoes)).toEqual([]);
  });

  it('takes the token as Authorization: Bearer, or as the older ?token= parameter', async () => {
    const bearer = await call('GET', '/categories');
    const query = await call('GET', `/categories?token=${ECWID_DEMO_TOKEN}`, { token: null });

    expect(bearer.status).toBe(200);
    expect(query.status).toBe(200);
    expect(query.body).toEqual(bearer.body);
  });

  it('takes its store id and token from the options; another store’s path is a 404', async () => {
    const other = await startEcwidEmulator({ catalog: 'empty', storeId: '1003', token: 'secret_1003' });
    try {
      const ok = await storeClient(other, '1003')('GET', '/categories', { token: 'secret_1003' });
      const demoToken = await storeClient(other, '1003')('GET', '/categories');
      const wrongStore = await storeClient(other, ECWID_DEMO_STORE_ID)('GET', '/categories', { token: 'secret_1003' });

      expect(ok).toMatchObject({ status: 200, body: { total: 0, count: 0, items: [] } });
      expect(demoToken).toMatchObject({ status: 403, body: BAD_TOKEN });
      expect(wrongStore).toMatchObject({ status: 404, body: { errorMessage: 'Not found' } });
    } finally {
      await other.close();
    }
  });
});

describe('Ecwid emulator: fault injection and the request log', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;
  let shoes: number;
  let products: number[];
  beforeEach(async () => {
    ecwid = await startEcwidEmulator({ catalog: 'empty' });
    call = storeClient(ecwid);
    shoes = ecwid.catalog.create({ name: 'Shoes' });
    products = addProducts(ecwid, 2);
  });
  afterEach(() => ecwid.close());

  const control = (method: string, command: string, body?: unknown) =>
    fetch(`${ecwid.server.origin}/__emulator/${command}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  it('answers an injected 449 "import is in progress" without applying the write, then serves normally', async () => {
    ecwid.server.injectFault({ method: 'POST', path: /\/assignProducts$/, status: 449, body: IMPORT_IN_PROGRESS, times: 1 });
    const assign = () => call('POST', `/categories/${shoes}/assignProducts`, { body: { productIds: products } });

    const locked = await assign();
    expect(locked).toMatchObject({ status: 449, body: IMPORT_IN_PROGRESS });
    expect(productIdsOf(ecwid, shoes)).toEqual([]);

    const retried = await assign();
    expect(retried).toMatchObject({ status: 200, body: { updateCount: 1 } });
    expect(productIdsOf(ecwid, shoes)).toEqual(products);
  });

  it('takes a 409 "retry later" fault over the control API, for the matching requests only, until cleared', async () => {
    const added = await control('POST', 'faults', { method: 'PUT', path: { regex: '/categories/\\d+$' }, status: 409, body: EDIT_CONFLICT });
    expect(added.status).toBe(204);

    const conflicts = await Promise.all([0, 1].map(() => call('PUT', `/categories/${shoes}`, { body: { name: 'Renamed' } })));
    const read = await call('GET', `/categories/${shoes}`);

    for (const conflict of conflicts) expect(conflict).toMatchObject({ status: 409, body: EDIT_CONFLICT });
    expect(read).toMatchObject({ status: 200, body: { name: 'Shoes' } });

    expect((await control('DELETE', 'faults')).status).toBe(204);
    expect((await call('PUT', `/categories/${shoes}`, { body: { name: 'Renamed' } })).status).toBe(200);
    expect(ecwid.catalog.category(shoes).name).toBe('Renamed');
  });

  it('logs each request with method, path, query, status and the write body, in-process and over the control API', async () => {
    ecwid.server.injectFault({ method: 'DELETE', status: 449, body: IMPORT_IN_PROGRESS, times: 1 });

    await call('GET', '/categories?parent=0&productIds=true');
    await call('POST', `/categories/${shoes}/assignProducts`, { body: { productIds: [products[0]] } });
    await call('DELETE', `/categories/${shoes}`);
    await call('GET', `/categories/${shoes}`, { token: 'wrong' });

    const expected = [
      { method: 'GET', path: `${STORE_PATH}/categories`, query: { parent: '0', productIds: 'true' }, status: 200, body: undefined },
      { method: 'POST', path: `${STORE_PATH}/categories/${shoes}/assignProducts`, query: {}, status: 200, body: { productIds: [products[0]] } },
      { method: 'DELETE', path: `${STORE_PATH}/categories/${shoes}`, query: {}, status: 449, body: undefined },
      { method: 'GET', path: `${STORE_PATH}/categories/${shoes}`, query: {}, status: 403, body: undefined },
    ];
    expect(ecwid.server.log.all().map(({ method, path, query, status, body }) => ({ method, path, query, status, body }))).toEqual(expected);
    expect(ecwid.server.log.count({ method: 'GET', path: /\/categories\/\d+$/ })).toBe(1);

    const overHttp = await (await control('GET', 'log')).json();
    // JSON drops the undefined bodies of reads.
    expect(overHttp).toEqual(expected.map(({ body, ...entry }) => ({ ...entry, ...(body !== undefined && { body }), at: expect.any(Number) })));
    expect((await control('DELETE', 'log')).status).toBe(204);
    expect(ecwid.server.log.all()).toEqual([]);
  });

  it('adds latency set over the control API to every answer', async () => {
    expect((await control('PUT', 'latency', { ms: 100 })).status).toBe(204);
    const started = Date.now();
    expect((await call('GET', '/categories')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    await control('PUT', 'latency', { ms: 0 });
  });
});

describe('Ecwid emulator: rate limit (docs/platforms/ecwid.md#rate-limits)', () => {
  it('allows 600 requests a minute a token by default, then answers 429 with Retry-After', async () => {
    expect(ECWID_RATE_LIMIT).toEqual({ limit: 600, windowMs: 60_000 });
    const ecwid = await startEcwidEmulator({ catalog: 'empty' });
    try {
      const call = storeClient(ecwid);
      // 600 cheap reads in batches, so the whole quota costs well under a second.
      for (let batch = 0; batch < 6; batch += 1) {
        const answers = await Promise.all(Array.from({ length: 100 }, () => call('GET', '/categories?limit=1')));
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
      }
      const over = await call('GET', '/categories?limit=1');

      expect(over.status).toBe(429);
      const retryAfter = Number(over.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await ecwid.close();
    }
  });

  it('answers 429 over a given quota, to writes too without applying them, and serves again in the next window', async () => {
    const ecwid = await startEcwidEmulator({ catalog: 'empty', rateLimit: { limit: 3, windowMs: 400 } });
    try {
      const call = storeClient(ecwid);
      const statuses = [];
      for (let n = 0; n < 3; n += 1) statuses.push((await call('GET', '/categories')).status);
      const write = await call('POST', '/categories', { body: { name: 'Shoes' } });

      expect(statuses).toEqual([200, 200, 200]);
      expect(write.status).toBe(429);
      // Whole seconds, at least 1, even when less of the window is left.
      expect(write.headers.get('retry-after')).toBe('1');
      expect(ecwid.catalog.categories.size).toBe(0);

      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await call('POST', '/categories', { body: { name: 'Shoes' } })).status).toBe(200);
    } finally {
      await ecwid.close();
    }
  });

  it('has no quota with rateLimit: false', async () => {
    const ecwid = await startEcwidEmulator({ catalog: 'empty', rateLimit: false });
    try {
      const call = storeClient(ecwid);
      const statuses: number[] = [];
      for (let batch = 0; batch < 7; batch += 1) {
        const answers = await Promise.all(Array.from({ length: 100 }, () => call('GET', '/categories?limit=1')));
        statuses.push(...answers.map((answer) => answer.status));
      }
      expect(statuses).toEqual(Array(700).fill(200));
    } finally {
      await ecwid.close();
    }
  });
});
