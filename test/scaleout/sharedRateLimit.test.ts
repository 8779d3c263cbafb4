import Redis from 'ioredis';
import { parseConfig } from '../../src/config/loadConfig';
import { connectRedis, disconnectRedis } from '../../src/redis/redisConnection';
import { shareOf, SharedTokenRateLimiter } from '../../src/upstream/sharedTokenRateLimiter';
import { describeWithRedis, RedisServer } from '../support/redisServer';
import { waitFor } from '../support/waitFor';

const settings = (url: string) =>
  parseConfig({ redis: { url, keyPrefix: 'rate-test:' }, stores: [{ id: 's', platform: 'zaveit', baseUrl: 'http://127.0.0.1:1', token: 't' }] }, 'test').redis!;

// 120 a minute with a burst of 10: after the burst, one slot every 60/110 s (about 545 ms).
const QUOTA = { requestsPerMinute: 120, burst: 10 };

describeWithRedis('the per-token rate limit shared through Redis', () => {
  let server: RedisServer;
  let replicaA: Redis;
  let replicaB: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    [replicaA, replicaB] = await Promise.all([connectRedis(settings(server.url)), connectRedis(settings(server.url))]);
  });
  afterAll(async () => {
    await Promise.all([disconnectRedis(replicaA), disconnectRedis(replicaB)]);
    await server.kill();
  });

  test('two replicas share one bucket: one burst between them, then the refill, and a slot past the deadline is refused at once', async () => {
    const presence = { count: 2 };
    const limiters = [new SharedTokenRateLimiter(replicaA, 'ratelimit:shared', QUOTA, presence), new SharedTokenRateLimiter(replicaB, 'ratelimit:shared', QUOTA, presence)];
    const started = Date.now();
    const deadlineAt = started + 1_400;
    const signal = AbortSignal.timeout(1_400);
    const granted: number[] = [];
    const refusedAt: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) =>
        limiters[n % 2].acquire(signal, 'Ecwid', deadlineAt).then(
          () => granted.push(Date.now() - started),
          (error: unknown) => {
            refusedAt.push(Date.now() - started);
            throw error;
          },
        ),
      ),
    );
    // The burst, at once, split between the replicas; then one slot each ~545 ms: two more before the deadline.
    expect(granted.filter((at) => at < 300)).toHaveLength(10);
    expect(granted.length).toBeGreaterThanOrEqual(11);
    expect(granted.length).toBeLessThanOrEqual(12);
    const late = granted.filter((at) => at >= 300).sort((x, y) => x - y);
    expect(late[0]).toBeGreaterThanOrEqual(500);
    const refused = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
    expect(refused).toHaveLength(30 - granted.length);
    expect(refused[0].reason).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    // Refused as soon as the slot was known to lie past the deadline, not at the deadline.
    expect(Math.max(...refusedAt)).toBeLessThan(300);
    await Promise.all(limiters.map((limiter) => limiter.stop()));
  });

  test("Redis down: requests are still let through at this replica's share, and the shared bucket is used again once Redis is back", async () => {
    const limiter = new SharedTokenRateLimiter(replicaA, 'ratelimit:fallback', QUOTA, { count: 2 });
    await server.kill();
    const signal = AbortSignal.timeout(300);
    const granted = (await Promise.allSettled(Array.from({ length: 10 }, () => limiter.acquire(signal, 'Ecwid', Date.now() + 300)))).filter(
      (result) => result.status === 'fulfilled',
    );
    // Half the burst (two replicas were last seen alive).
    expect(granted).toHaveLength(shareOf(QUOTA, 2).burst);
    expect(shareOf(QUOTA, 2)).toEqual({ requestsPerMinute: 60, burst: 5 });

    await server.restart();
    await waitFor(() => replicaA.status === 'ready', 5_000, 'the connection to come back');
    await limiter.acquire(AbortSignal.timeout(1_000), 'Ecwid', Date.now() + 1_000);
    const raw = new Redis(server.url);
    try {
      expect(await raw.hget('rate-test:ratelimit:fallback', 'tokens')).toBe(String(QUOTA.burst - 1));
    } finally {
      await raw.quit();
      await limiter.stop();
    }
  });

  test("a replica's share keeps a quota workable however many replicas there are", () => {
    expect(shareOf({ requestsPerMinute: 600, burst: 60 }, 3)).toEqual({ requestsPerMinute: 200, burst: 20 });
    expect(shareOf({ requestsPerMinute: 10, burst: 5 }, 20)).toEqual({ requestsPerMinute: 2, burst: 1 });
  });
});
