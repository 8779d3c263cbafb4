import Redis from 'ioredis';
import { RedisEntityCache } from '../../src/cache/redisEntityCache';
import { parseConfig } from '../../src/config/loadConfig';
import { connectRedis, disconnectRedis } from '../../src/redis/redisConnection';
import { describeWithRedis, RedisServer } from '../support/redisServer';
import { waitFor } from '../support/waitFor';

const settings = (url: string) =>
  parseConfig({ redis: { url, keyPrefix: 'cache-test:' }, stores: [{ id: 's', platform: 'zaveit', baseUrl: 'http://127.0.0.1:1', token: 't' }] }, 'test').redis!;

describeWithRedis('the Redis entity cache', () => {
  let server: RedisServer;
  let replicaA: Redis;
  let replicaB: Redis;
  let raw: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    [replicaA, replicaB] = await Promise.all([connectRedis(settings(server.url)), connectRedis(settings(server.url))]);
    raw = new Redis(server.url, { retryStrategy: () => 20 });
  });
  afterAll(async () => {
    await Promise.all([disconnectRedis(replicaA), disconnectRedis(replicaB), raw.quit()]);
    await server.kill();
  });

  test('a purge through one replica hides, on every replica, exactly the entries carrying its tags stamped before it', async () => {
    const [a, b] = [new RedisEntityCache(replicaA), new RedisEntityCache(replicaB)];
    const { clock } = await a.read([]);
    await a.write(
      [
        ['shop:c:1', { value: 'one', tags: ['shop:category:1', 'shop:listing'], stamp: clock }],
        ['shop:c:2', { value: 'two', tags: ['shop:category:2'], stamp: clock }],
      ],
      60_000,
    );
    await b.purge(['shop:category:1']);
    const after = await a.read(['shop:c:1', 'shop:c:2']);
    expect(after.entries.map((entry) => entry?.value)).toEqual([undefined, 'two']);
    expect(after.clock).toBeGreaterThan(clock);
    // Written again from a read that began after the purge, it is current.
    await b.write([['shop:c:1', { value: 'one again', tags: ['shop:category:1'], stamp: after.clock }]], 60_000);
    expect((await a.read(['shop:c:1'])).entries[0]?.value).toBe('one again');
    // The clock and the purges never expire (see RedisEntityCache on eviction policies).
    expect(await raw.pttl('cache-test:cache:clock')).toBe(-1);
    expect(await raw.pttl('cache-test:cache:purged')).toBe(-1);
  });

  test('entries are JSON under the key prefix, a stored null is not a miss, and they expire', async () => {
    const [a, b] = [new RedisEntityCache(replicaA), new RedisEntityCache(replicaB)];
    const stamp = (await a.read([])).clock;
    await a.write(
      [
        ['shop:c:10', { value: { nativeId: '10', name: 'Fruit' }, tags: ['shop:category:10'], stamp }],
        ['shop:c:11', { value: null, tags: ['shop:category:11'], stamp }],
        ['shop:c:12', { value: undefined, tags: ['shop:category:12'], stamp }],
      ],
      60_000,
    );
    expect((await b.read(['shop:c:10', 'shop:c:11', 'shop:c:12', 'shop:c:13'])).entries.map((entry) => entry && entry.value)).toEqual([
      { nativeId: '10', name: 'Fruit' },
      null,
      undefined,
      undefined,
    ]);
    expect(JSON.parse((await raw.get('cache-test:cache:entry:shop:c:10'))!)).toEqual({ value: { nativeId: '10', name: 'Fruit' }, tags: ['shop:category:10'], stamp });
    expect(await raw.pttl('cache-test:cache:entry:shop:c:10')).toBeGreaterThan(59_000);

    await a.write([['shop:c:20', { value: 'short-lived', tags: [], stamp }]], 50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await b.read(['shop:c:20'])).entries).toEqual([undefined]);
    expect((await b.read([])).entries).toEqual([]);
  });

  test('with Redis gone every call fails at once (reads go upstream, writes are refused), and works again when it is back', async () => {
    const cache = new RedisEntityCache(replicaA);
    await server.kill();
    const started = Date.now();
    await expect(cache.read(['shop:c:10'])).rejects.toThrow();
    await expect(cache.purge(['shop:category:10'])).rejects.toThrow();
    await expect(cache.write([['shop:c:10', { value: 1, tags: [], stamp: 0 }]], 1000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);

    await server.restart();
    await waitFor(() => replicaA.status === 'ready' && replicaB.status === 'ready' && raw.status === 'ready');
    // A restarted Redis without persistence is empty: entries, the clock and the purges are gone together,
    // and an entry stamped by a read from before the restart is not taken as current.
    expect(await cache.read(['shop:c:10'])).toEqual({ clock: 0, entries: [undefined] });
    await cache.write([['shop:c:30', { value: 'from before', tags: ['shop:category:30'], stamp: 7 }]], 60_000);
    await cache.purge(['shop:category:30']);
    expect((await cache.read(['shop:c:30'])).entries).toEqual([undefined]);
  });
});
