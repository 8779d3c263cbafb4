import Redis from 'ioredis';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { gid } from '../support/gateway';
import { GatewayProcess, startGatewayProcess } from '../support/gatewayProcess';
import { describeWithRedis, RedisServer } from '../support/redisServer';
import { waitFor } from '../support/waitFor';

jest.setTimeout(60_000);

const STORE = 'shop';
const LOCK_TTL_MS = 1_000;
const READ = `query($id: ID!) { category(id: $id) { name products(first: 100) { nodes { product { id } } } } }`;
const ASSIGN = `mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code message } } }`;
const UNASSIGN = `mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) { userErrors { code message } } }`;
const MOVE = `mutation($input: MoveProductInput!) { moveProduct(input: $input) { assignment { position } userErrors { code message } } }`;
const RENAME = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { userErrors { code message } } }`;

/**
 * Two gateway processes (`node dist/main.js`) in front of one Ecwid emulator, sharing one redis-server:
 * the entity cache, the category locks and the token's quota all live in Redis.
 */
describeWithRedis('two replicas behind one Redis', () => {
  let redis: RedisServer;
  let raw: Redis;
  let ecwid: RunningEmulator<EcwidCatalog>;
  let a: GatewayProcess;
  let b: GatewayProcess;
  /** Categories with products, each test takes its own. */
  let categories: number[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    raw = new Redis(redis.url, { retryStrategy: () => 20 });
    ecwid = await startEcwidEmulator({ rateLimit: false });
    // A little latency, so concurrent mutations truly overlap.
    ecwid.server.latencyMs = 2;
    categories = [...ecwid.catalog.categories.values()].filter((category) => category.productIds.length >= 2).map((category) => category.id);
    const config = {
      upstream: { rateLimit: false },
      cache: { ttlSeconds: 60 },
      redis: { url: redis.url, lockTtlMs: LOCK_TTL_MS },
      stores: [{ id: STORE, platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
    };
    [a, b] = await Promise.all([startGatewayProcess(config), startGatewayProcess(config)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    raw?.disconnect();
    await Promise.all([ecwid?.close(), redis?.kill()]);
  });

  const productIdsAt = (categoryId: number) => ecwid.catalog.category(categoryId).productIds.map(String);
  const idsIn = (answer: any): string[] => answer.data.category.products.nodes.map((node: any) => decodeURIComponent(node.product.id.split('/').pop()));

  test('read your writes across replicas: a write through A is what B reads next, though B had it cached', async () => {
    const categoryId = categories[0];
    const id = gid('Category', STORE, categoryId);
    const before = productIdsAt(categoryId);
    // B reads the category twice: the second read comes from the shared cache, not from Ecwid.
    expect(idsIn(await b.query(READ, { id }))).toEqual(before);
    ecwid.server.log.clear();
    expect(idsIn(await b.query(READ, { id }))).toEqual(before);
    expect(ecwid.server.log.count({ method: 'GET' })).toBe(0);

    const last = before[before.length - 1];
    const moved = await a.query(MOVE, { input: { categoryId: id, productId: gid('Product', STORE, last), position: 0 } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.moveProduct).toMatchObject({ assignment: { position: 0 }, userErrors: [] });
    const renamed = await a.query(RENAME, { input: { categoryId: id, name: 'Renamed through A' } });
    expect(renamed.data.updateCategory.userErrors).toEqual([]);

    const after = await b.query(READ, { id });
    expect(after.data.category.name).toBe('Renamed through A');
    expect(idsIn(after)).toEqual([last, ...before.slice(0, -1)]);
  });

  test('a rename through A purges, on B, what read that category only: B keeps serving the others from the cache', async () => {
    const [pageId, renamedId] = [categories[1], categories[2]];
    const page = gid('Category', STORE, pageId);
    const renamed = gid('Category', STORE, renamedId);
    const NAME = `query($id: ID!) { category(id: $id) { name } }`;
    const before = await b.query(READ, { id: page });
    await b.query(NAME, { id: renamed });
    const rename = await a.query(RENAME, { input: { categoryId: renamed, name: 'Renamed through A only' } });
    expect(rename.data.updateCategory.userErrors).toEqual([]);

    ecwid.server.log.clear();
    expect((await b.query(READ, { id: page })).data).toEqual(before.data);
    expect(ecwid.server.log.count({ method: 'GET' })).toBe(0);
    expect((await b.query(NAME, { id: renamed })).data.category.name).toBe('Renamed through A only');
  });

  test('40 concurrent assigns, unassigns and moves on one category, split across both replicas, lose nothing', async () => {
    const categoryId = categories[1];
    const id = gid('Category', STORE, categoryId);
    const outside = [...ecwid.catalog.products.keys()].map(String).filter((product) => !productIdsAt(categoryId).includes(product));
    const seeded = await a.query(ASSIGN, { input: { categoryId: id, productIds: outside.slice(0, 20 - productIdsAt(categoryId).length).map((p) => gid('Product', STORE, p)) } });
    expect(seeded.data.assignProducts.userErrors).toEqual([]);
    const base = productIdsAt(categoryId);
    expect(base).toHaveLength(20);

    const toAssign = outside.slice(20, 40);
    const toUnassign = base.slice(0, 10);
    const toMove = base.slice(10, 20);
    const operations: Array<[string, Record<string, unknown>]> = [
      ...toAssign.map((p): [string, Record<string, unknown>] => [ASSIGN, { categoryId: id, productIds: [gid('Product', STORE, p)] }]),
      ...toUnassign.map((p): [string, Record<string, unknown>] => [UNASSIGN, { categoryId: id, productIds: [gid('Product', STORE, p)] }]),
      ...toMove.map((p, n): [string, Record<string, unknown>] => [MOVE, { categoryId: id, productId: gid('Product', STORE, p), position: (n * 7) % 20 }]),
    ];
    expect(operations).toHaveLength(40);
    // Interleaved, so both replicas work on the category at the same moments.
    const answers = await Promise.all(operations.map(([query, input], n) => (n % 2 === 0 ? a : b).query(query, { input })));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data)[0]).toMatchObject({ userErrors: [] });
    }

    // Every mutation answered success, so the final category holds exactly their sum.
    const final = productIdsAt(categoryId);
    expect(new Set(final)).toEqual(new Set([...base.filter((p) => !toUnassign.includes(p)), ...toAssign]));
    expect(final).toHaveLength(30);
    // And both replicas read that very order at once.
    const [throughA, throughB] = await Promise.all([a.query(READ, { id }), b.query(READ, { id })]);
    expect(idsIn(throughA)).toEqual(final);
    expect(idsIn(throughB)).toEqual(final);
  });

  test('a replica frozen while it holds a category lock cannot write once it has lost the lock', async () => {
    const categoryId = categories[2];
    const id = gid('Category', STORE, categoryId);
    const before = productIdsAt(categoryId);
    const lockKey = `categraph:lock:category:${STORE}/${categoryId}`;
    // A's read under the lock answers slowly, so A can be frozen while it holds the lock.
    ecwid.server.injectFault({ method: 'GET', path: `/categories/${categoryId}`, delayMs: 300, times: 1 });
    ecwid.server.log.clear();
    const frozenMove = a.query(MOVE, { input: { categoryId: id, productId: gid('Product', STORE, before[0]), position: 99 } });
    await waitFor(async () => (await raw.exists(lockKey)) === 1, 5_000, "A's lock");
    a.pause();
    try {
      // A stops renewing: its lock runs out and B gets the category.
      await waitFor(async () => (await raw.exists(lockKey)) === 0, 3 * LOCK_TTL_MS, "A's lock to expire");
      const byB = await b.query(MOVE, { input: { categoryId: id, productId: gid('Product', STORE, before[1]), position: 0 } });
      expect(byB.errors).toBeUndefined();
      expect(byB.data.moveProduct.userErrors).toEqual([]);
    } finally {
      a.resume();
    }
    // A wakes up with its stale read in hand; the fencing check stops its write.
    const answer = await frozenMove;
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringContaining('lock'), extensions: { code: 'UPSTREAM_UNAVAILABLE', retryable: true } });
    expect(ecwid.server.log.count({ method: 'PUT' })).toBe(1);
    expect(productIdsAt(categoryId)).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  test('Redis down: both replicas still answer reads, a move answers UPSTREAM_UNAVAILABLE without writing, and writes work again once Redis is back', async () => {
    const categoryId = categories[3];
    const id = gid('Category', STORE, categoryId);
    const before = productIdsAt(categoryId);
    await redis.kill();
    try {
      for (const replica of [a, b]) {
        const read = await replica.query(READ, { id });
        expect(read.errors).toBeUndefined();
        expect(idsIn(read)).toEqual(before);
      }
      ecwid.server.log.clear();
      const refused = await a.query(MOVE, { input: { categoryId: id, productId: gid('Product', STORE, before[1]), position: 0 } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      expect(ecwid.server.log.all().filter((entry) => entry.method !== 'GET')).toEqual([]);
      expect(productIdsAt(categoryId)).toEqual(before);
    } finally {
      await redis.restart();
    }
    // Each replica reconnects in the background (within a second or so).
    for (const replica of [a, b]) {
      await waitFor(
        async () => {
          const moved = await replica.query(MOVE, { input: { categoryId: id, productId: gid('Product', STORE, productIdsAt(categoryId)[1]), position: 0 } });
          return moved.errors === undefined && moved.data.moveProduct.userErrors.length === 0;
        },
        10_000,
        'a move to succeed again',
      );
    }
    expect(productIdsAt(categoryId)).toEqual(before);
  });
});
