import Redis from 'ioredis';
import { defaultUpstreamSettings } from '../../src/upstream/upstreamSettings';
import type { RedisSettings } from '../../src/redis/redisSettings';
import { parseConfig } from '../../src/config/loadConfig';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import type { EcwidCatalog } from '../../src/emulators/ecwid';
import { LeaseLostError } from '../../src/locks/lease';
import { RedisCategoryLock } from '../../src/locks/redisCategoryLock';
import { connectRedis, disconnectRedis } from '../../src/redis/redisConnection';
import { UpstreamClient } from '../../src/upstream/upstreamClient';
import { describeWithRedis, RedisServer } from '../support/redisServer';
import { waitFor } from '../support/waitFor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function settings(url: string, redis: Partial<RedisSettings> = {}): RedisSettings {
  return parseConfig({ redis: { url, keyPrefix: 'lock-test:', ...redis }, stores: [{ id: 's', platform: 'zaveit', baseUrl: 'http://127.0.0.1:1', token: 't' }] }, 'test').redis!;
}

describeWithRedis('the Redis category lock', () => {
  let server: RedisServer;
  let replicaA: Redis;
  let replicaB: Redis;
  let raw: Redis;
  let ecwid: RunningEmulator<EcwidCatalog>;
  beforeAll(async () => {
    server = await RedisServer.start();
    [replicaA, replicaB] = await Promise.all([connectRedis(settings(server.url)), connectRedis(settings(server.url))]);
    raw = new Redis(server.url, { retryStrategy: () => 20 });
    ecwid = await startEcwidEmulator({ rateLimit: false });
  });
  afterAll(async () => {
    await Promise.all([disconnectRedis(replicaA), disconnectRedis(replicaB), raw.quit(), ecwid.close()]);
    await server.kill();
  });

  const lockOf = (redis: Redis, overrides: Partial<RedisSettings> = {}) => new RedisCategoryLock(redis, settings(server.url, overrides));

  test('two replicas never hold one category at once, and every read-modify-write lands', async () => {
    const locks = [lockOf(replicaA), lockOf(replicaB)];
    let holders = 0;
    let mostHolders = 0;
    let counter = 0;
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        locks[n % 2].withLock('shop/42', async () => {
          holders += 1;
          mostHolders = Math.max(mostHolders, holders);
          const read = counter;
          await sleep(3);
          counter = read + 1;
          holders -= 1;
        }),
      ),
    );
    expect(mostHolders).toBe(1);
    expect(counter).toBe(24);
    // Released: nothing left behind in Redis.
    expect(await raw.exists('lock-test:lock:category:shop/42')).toBe(0);
  });

  test('different categories do not wait for each other', async () => {
    const [a, b] = [lockOf(replicaA), lockOf(replicaB)];
    const started = Date.now();
    await Promise.all([a.withLock('shop/1', () => sleep(200)), b.withLock('shop/2', () => sleep(200))]);
    expect(Date.now() - started).toBeLessThan(380);
  });

  test('a holder that vanished without releasing frees the category when its TTL runs out', async () => {
    // A crashed replica's lock: a foreign token with 300 ms to live, renewed by nobody.
    await raw.set('lock-test:lock:category:shop/7', 'crashed-replica', 'PX', 300);
    const started = Date.now();
    await lockOf(replicaB).withLock('shop/7', async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('a held lock is renewed for as long as its work runs', async () => {
    const lock = lockOf(replicaA, { lockTtlMs: 500 });
    let stolen = false;
    await lock.withLock('shop/8', async (lease) => {
      await sleep(1_200);
      // Another replica tries all along; it must not get in.
      stolen = (await replicaB.set('lock:category:shop/8', 'other', 'PX', 500, 'NX')) === 'OK';
      await lease.confirm();
    });
    expect(stolen).toBe(false);
  });

  test('waiting is bounded: a category held longer than lockWaitMs answers UPSTREAM_UNAVAILABLE without running the work', async () => {
    const holder = lockOf(replicaA);
    const waiter = lockOf(replicaB, { lockWaitMs: 150 });
    let ran = false;
    await holder.withLock('shop/9', async () => {
      await expect(waiter.withLock('shop/9', async () => (ran = true))).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    });
    expect(ran).toBe(false);
  });

  test('a holder that lost its lease (stalled past its TTL, another took over) cannot write: the upstream client sends nothing', async () => {
    const client = new UpstreamClient({
      ...defaultUpstreamSettings(),
      baseUrl: `${ecwid.baseUrl}/${ECWID_DEMO_STORE_ID}`,
      headers: { authorization: `Bearer ${ECWID_DEMO_TOKEN}` },
      storeId: 'shop',
      platformName: 'Ecwid',
    });
    const deadline = { signal: AbortSignal.timeout(5_000), deadlineAt: Date.now() + 5_000 };
    const categoryId = [...ecwid.catalog.categories.keys()][0];
    ecwid.server.log.clear();
    try {
      await lockOf(replicaA).withLock(`shop/${categoryId}`, async (lease) => {
        // What the key holds after the holder's TTL ran out during its stall and another replica took it.
        await raw.set(`lock-test:lock:category:shop/${categoryId}`, 'the-next-holder', 'PX', 10_000);
        await expect(lease.confirm()).rejects.toBeInstanceOf(LeaseLostError);
        const read = await client.send({ method: 'GET', path: `/categories/${categoryId}` }, { ...deadline, lease });
        expect(read.status).toBe(200);
        await expect(
          client.send({ method: 'PUT', path: `/categories/${categoryId}`, json: { name: 'stale write' }, idempotent: true }, { ...deadline, lease }),
        ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      });
      expect(ecwid.server.log.all().map((entry) => entry.method)).toEqual(['GET']);
      // The successor's lock was left alone.
      expect(await raw.get(`lock-test:lock:category:shop/${categoryId}`)).toBe('the-next-holder');
    } finally {
      await raw.del(`lock-test:lock:category:shop/${categoryId}`);
      await client.close();
    }
  });

  test('Redis down: taking the lock fails at once with UPSTREAM_UNAVAILABLE and the work never runs; it works again when Redis is back', async () => {
    const lock = lockOf(replicaA);
    await server.kill();
    let ran = false;
    const started = Date.now();
    await expect(lock.withLock('shop/11', async () => (ran = true))).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ran).toBe(false);

    await server.restart();
    await waitFor(() => replicaA.status === 'ready' && replicaB.status === 'ready' && raw.status === 'ready', 5_000, 'the connections to come back');
    await lock.withLock('shop/11', async () => (ran = true));
    expect(ran).toBe(true);
  });
});
