import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import type { RateLimitSettings } from './upstreamSettings';
import type { ReplicaPresence } from '../redis/replicaPresence';
import { RedisTokenBucket } from './redisTokenBucket';
import { bucketCapacity, quotaExhausted, RateLimiter, TokenRateLimiter } from './tokenRateLimiter';

/** Without a deadline (tests, tools), the longest a request waits for its slot. */
const DEFAULT_MAX_WAIT_MS = 60_000;

/**
 * One upstream token's quota shared by every replica: a token bucket in Redis (same capacity and
 * refill as the in-process one). When Redis cannot be asked, requests are not held up: each replica
 * keeps to its share of the quota in process (the quota divided by the replicas last seen alive) until
 * Redis answers again, so reads go on being served.
 */
export class SharedTokenRateLimiter implements RateLimiter {
  private readonly bucket: RedisTokenBucket;
  private fallback?: { replicas: number; limiter: TokenRateLimiter };

  constructor(
    private readonly redis: Redis,
    key: string,
    private readonly settings: RateLimitSettings,
    private readonly presence: Pick<ReplicaPresence, 'count'>,
  ) {
    const capacity = bucketCapacity(settings);
    this.bucket = new RedisTokenBucket(redis, key, capacity, settings.requestsPerMinute - capacity);
  }

  async acquire(signal: AbortSignal, platformName: string, deadlineAt?: number): Promise<void> {
    if (signal.aborted) throw quotaExhausted(this.settings, platformName);
    const reservation = this.redis.status === 'ready' ? await this.bucket.reserve((deadlineAt ?? Date.now() + DEFAULT_MAX_WAIT_MS) - Date.now()).catch(() => undefined) : undefined;
    if (!reservation) return this.local().acquire(signal, platformName);
    if (!reservation.granted) throw quotaExhausted(this.settings, platformName, reservation.waitMs);
    if (reservation.waitMs > 0) {
      // The slot is taken either way: a request that gives up leaves it unused, never to another.
      await sleep(reservation.waitMs, undefined, { signal }).catch(() => {
        throw quotaExhausted(this.settings, platformName);
      });
    }
  }

  async stop(): Promise<void> {
    await this.fallback?.limiter.stop();
  }

  /** The in-process share, remade when the number of replicas changed since it was made. */
  private local(): TokenRateLimiter {
    const replicas = Math.max(1, this.presence.count);
    if (this.fallback?.replicas !== replicas) {
      void this.fallback?.limiter.stop();
      this.fallback = { replicas, limiter: new TokenRateLimiter(shareOf(this.settings, replicas)) };
    }
    return this.fallback.limiter;
  }
}

/** One replica's part of a quota: at least 2 a minute and a burst of 1, so the bucket still refills. */
export function shareOf(settings: RateLimitSettings, replicas: number): RateLimitSettings {
  const requestsPerMinute = Math.max(2, Math.floor(settings.requestsPerMinute / replicas));
  return { requestsPerMinute, burst: Math.max(1, Math.min(requestsPerMinute - 1, Math.floor(settings.burst / replicas))) };
}
