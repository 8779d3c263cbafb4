import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { gid, startTestGateway, TestGateway } from '../support/gateway';
import { describeWithRedis, RedisServer } from '../support/redisServer';

jest.setTimeout(30_000);

const KEY = 'shared-client-key-0123456789abcdef';
// Slow to refill, so that the bucket stays dry for the length of the test.
const BUDGET = { maximumAvailable: 6, restoreRate: 0.2 };
const READ = `query($id: ID!) { category(id: $id) { name } }`;

interface Answer {
  data?: any;
  errors?: Array<{ extensions?: Record<string, any> }>;
  extensions?: { cost?: any };
}

describeWithRedis('two gateways share one client budget through Redis', () => {
  let redis: RedisServer;
  let ecwid: RunningEmulator<EcwidCatalog>;
  let replicas: TestGateway[];

  const read = async (replica: TestGateway): Promise<Answer> => {
    const response = await fetch(replica.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: READ, variables: { id: gid('Category', 'shop', 9691001) } }),
    });
    return (await response.json()) as Answer;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    ecwid = await startEcwidEmulator({ rateLimit: false });
    const config = {
      redis: { url: redis.url },
      upstream: { rateLimit: false },
      stores: [{ id: 'shop', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
      clients: [{ name: 'shared', key: KEY, stores: '*', scopes: ['read_catalog'], budget: BUDGET }],
    };
    replicas = await Promise.all([startTestGateway(config), startTestGateway(config)]);
  });
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.close()));
    await Promise.all([ecwid?.close(), redis?.kill()]);
  });

  test('what one replica spends, the other sees; a bucket run dry through one is dry through both', async () => {
    // Alternating replicas: each answer's status counts every read made through either.
    const available: number[] = [];
    for (let n = 0; n < 6; n += 1) {
      const answer = await read(replicas[n % 2]);
      if (answer.errors) break;
      available.push(answer.extensions!.cost.throttleStatus.currentlyAvailable);
    }
    expect(available.length).toBeGreaterThanOrEqual(3);
    // Strictly falling: two buckets of their own would each start full (6, 5, 6, 5 … at best).
    available.forEach((left, n) => n > 0 && expect(left).toBeLessThan(available[n - 1]));

    ecwid.server.log.clear();
    const [a, b] = await Promise.all([read(replicas[0]), read(replicas[1])]);
    for (const answer of [a, b]) {
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
      expect(answer.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 6, restoreRate: 0.2 });
    }
    expect(ecwid.server.log.all()).toHaveLength(0);
  });
});
