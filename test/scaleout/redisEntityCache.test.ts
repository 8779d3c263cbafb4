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

  test('a generation moved on by one replica is the next generation every replica reads', async () => {
    const [a, b] = [new RedisEntityCache(replicaA), new RedisEntityCache(replicaB)];
    expect(await b.generation('shop')).toBe('0');
    expect(await a.advanceGeneration('shop')).toBe('1');
    expect(await b.generation('shop')).toBe('1');
    expect(await b.advanceGeneration('shop')).toBe('2');
    expect(await a.generation('shop')).toBe('2');
    expect(await a.generation('other-shop')).toBe('0');
  });

  test('entries are JSON under the key prefix, a stored null is not a miss, and they expire', async () => {
    const [a, b] = [new RedisEntityCache(replicaA), new RedisEntityCache(replicaB)];
    await a.setMany(
      [
        ['shop:1:c:10', { nativeId: '10', name: 'Fruit', tags: ['a', 'b'] }],
        ['shop:1:c:11', null],
        ['shop:1:c:12', undefined],
      ],
      60_000,
    );
    expect(await b.getMany(['shop:1:c:10', 'shop:1:c:11', 'shop:1:c:12', 'shop:1:c:13'])).toEqual([
      { nativeId: '10', name: 'Fruit', tags: ['a', 'b'] },
      null,
      undefined,
      undefined,
    ]);
    expect(await raw.get('cache-test:cache:entry:shop:1:c:10')).toBe('{"nativeId":"10","name":"Fruit","tags":["a","b"]}');
    expect(await raw.pttl('cache-test:cache:entry:shop:1:c:10')).toBeGreaterThan(59_000);
    // The generation counter never expires (see RedisEntityCache on eviction policies).
    expect(await raw.pttl('cache-test:cache:generation:shop')).toBe(-1);

    await a.setMany([['shop:1:c:20', { name: 'short-lived' }]], 50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await b.getMany(['shop:1:c:20'])).toEqual([undefined]);
    expect(await b.getMany([])).toEqual([]);
  });

  test('with Redis gone every call fails at once (reads go upstream, writes are refused), and works again when it is back', async () => {
    const cache = new RedisEntityCache(replicaA);
    await server.kill();
    const started = Date.now();
    await expect(cache.getMany(['shop:1:c:10'])).rejects.toThrow();
    await expect(cache.generation('shop')).rejects.toThrow();
    await expect(cache.advanceGeneration('shop')).rejects.toThrow();
    await expect(cache.setMany([['shop:1:c:10', 1]], 1000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);

    await server.restart();
    await waitFor(() => replicaA.status === 'ready' && replicaB.status === 'ready' && raw.status === 'ready');
    // A restarted Redis without persistence is empty: entries and generations are gone together.
    expect(await cache.generation('shop')).toBe('0');
    expect(await cache.getMany(['shop:1:c:10'])).toEqual([undefined]);
    expect(await cache.advanceGeneration('shop')).toBe('1');
  });
});
