import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type Redis from 'ioredis';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { CategoryLock } from './categoryLock';
import { KeyedMutex } from './keyedMutex';
import type { Lease } from './lease';
import { RedisLease } from './redisLease';

export interface RedisLockSettings {
  /** The lock's expiry, renewed while held: how long a crashed or stalled holder blocks the category. */
  lockTtlMs: number;
  /** Longest wait for the lock, in this process and in Redis together. */
  lockWaitMs: number;
}

/**
 * The category lock shared by every replica: `SET key token NX PX ttl` in Redis, renewed while the work
 * runs, released by a compare-and-delete. Requests of one replica queue in process first, so at most one
 * of them at a time polls Redis for a category. Every write the work sends is fenced: the upstream
 * client confirms the lease first (see `Lease`). Redis unreachable: writes that need the lock fail with
 * UPSTREAM_UNAVAILABLE and nothing is sent; reads never take the lock.
 */
export class RedisCategoryLock implements CategoryLock {
  private readonly local = new KeyedMutex();

  constructor(
    private readonly redis: Redis,
    private readonly settings: RedisLockSettings,
  ) {}

  withLock<T>(key: string, work: (lease: Lease) => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + this.settings.lockWaitMs;
    return this.local.run(
      key,
      async () => {
        const lease = await this.acquire(`lock:category:${key}`, giveUpAt);
        try {
          return await work(lease);
        } finally {
          await lease.release();
        }
      },
      { ms: this.settings.lockWaitMs, timeoutError: busy },
    );
  }

  private async acquire(redisKey: string, giveUpAt: number): Promise<RedisLease> {
    const token = randomUUID();
    for (let attempt = 0; ; attempt += 1) {
      let answer: string | null;
      try {
        answer = await this.redis.set(redisKey, token, 'PX', this.settings.lockTtlMs, 'NX');
      } catch {
        throw new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, 'The shared lock store (Redis) cannot be reached, so writes are refused until it is back', {
          retryable: true,
          retryAfterSeconds: 1,
        });
      }
      if (answer === 'OK') return new RedisLease(this.redis, redisKey, token, this.settings.lockTtlMs);
      // Another replica holds it: poll again soon, backing off a little, never past the wait's end.
      const pause = Math.min(5 + Math.random() * Math.min(100, 5 * 2 ** attempt), giveUpAt - Date.now());
      if (pause <= 0) throw busy();
      await sleep(pause);
    }
  }
}

function busy(): GatewayFault {
  return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, 'The category is busy with other writes; try again', { retryable: true, retryAfterSeconds: 1 });
}
