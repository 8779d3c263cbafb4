import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { gid } from '../support/gateway';
import { GatewayProcess, startGatewayProcess } from '../support/gatewayProcess';
import { describeWithRedis, RedisServer } from '../support/redisServer';

jest.setTimeout(60_000);

// A small quota: a burst of 10, then one request every 1.2 s (the other 50 of the minute, evenly).
const QUOTA = { requestsPerMinute: 60, burst: 10 };
const REFILL_PER_MS = (QUOTA.requestsPerMinute - QUOTA.burst) / 60_000;
const REQUEST_TIMEOUT_MS = 3_000;

describeWithRedis('two replicas share one token quota through Redis', () => {
  let redis: RedisServer;
  let ecwid: RunningEmulator<EcwidCatalog>;
  let replicas: GatewayProcess[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    // Ecwid's own fixed-window limit at the same 60 a minute: any excess would earn a 429.
    ecwid = await startEcwidEmulator({ rateLimit: { limit: QUOTA.requestsPerMinute, windowMs: 60_000 } });
    const config = {
      server: { requestTimeoutMs: REQUEST_TIMEOUT_MS },
      upstream: { rateLimit: QUOTA, maxRetries: 0 },
      // Off, so that every query costs an upstream request.
      cache: { ttlSeconds: 0 },
      redis: { url: redis.url },
      stores: [{ id: 'shop', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
    };
    replicas = await Promise.all([startGatewayProcess(config), startGatewayProcess(config)]);
  });
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.stop()));
    await Promise.all([ecwid?.close(), redis?.kill()]);
  });

  test('a burst of 40 reads through both replicas: Ecwid sees one burst and the refill, never more, and no 429', async () => {
    const categoryIds = [...ecwid.catalog.categories.keys()].slice(0, 40);
    ecwid.server.log.clear();
    const started = Date.now();
    const answers = await Promise.all(
      categoryIds.map((categoryId, n) => replicas[n % 2].query(`query($id: ID!) { category(id: $id) { name } }`, { id: gid('Category', 'shop', categoryId) })),
    );
    const finished = Date.now();

    const log = ecwid.server.log.all();
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    // Two independent limiters would let 2 × 10 through at once; the shared bucket lets 10.
    const span = finished - started;
    expect(log.length).toBeGreaterThanOrEqual(QUOTA.burst);
    expect(log.length).toBeLessThanOrEqual(QUOTA.burst + Math.ceil(span * REFILL_PER_MS));
    // No window of the run carries more than the bucket allows for its length.
    const times = log.map((entry) => entry.at).sort((x, y) => x - y);
    for (let i = 0; i < times.length; i += 1) {
      for (let j = i; j < times.length; j += 1) expect(j - i + 1).toBeLessThanOrEqual(QUOTA.burst + Math.ceil((times[j] - times[i]) * REFILL_PER_MS) + 1);
    }

    // Those that got no slot before their deadline say so, with a time to come back.
    const served = answers.filter((answer) => answer.errors === undefined);
    const limited = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(served.length).toBe(log.length);
    expect(served.length + limited.length).toBe(40);
    expect(limited[0].errors![0].extensions).toMatchObject({ retryable: true, retryAfterSeconds: expect.any(Number) });
  });
});
