import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { RateLimitSettings } from './upstreamSettings';
import { ReplicaPresence } from '../redis/replicaPresence';
import { SharedTokenRateLimiter } from './sharedTokenRateLimiter';
import { RateLimiter, TokenRateLimiter } from './tokenRateLimiter';

/**
 * One limiter per upstream token (and origin), made on first use: in process, or with Redis shared by
 * every replica (keyed by a hash: no token is ever written to Redis).
 */
export class TokenRateLimiters {
  private readonly limiters = new Map<string, RateLimiter>();
  /** Counts the replicas for the shares used while Redis is away; started with the first shared quota. */
  private presence?: ReplicaPresence;

  constructor(private readonly redis?: Redis) {}

  forToken(origin: string, token: string, settings: RateLimitSettings): RateLimiter {
    const key = `${origin} ${token}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      if (this.redis) {
        this.presence ??= new ReplicaPresence(this.redis);
        limiter = new SharedTokenRateLimiter(this.redis, `ratelimit:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`, settings, this.presence);
      } else {
        limiter = new TokenRateLimiter(settings);
      }
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.stop()));
    await this.presence?.stop();
  }
}
