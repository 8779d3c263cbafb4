import type Redis from 'ioredis';
import { LuaScript } from '../redis/luaScript';
import { Lease, LeaseLostError } from './lease';

/** Extends the lock's expiry only if it still holds this holder's token. */
const EXTEND = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);

/** Deletes the lock only if it still holds this holder's token (never a successor's). */
const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

/**
 * A held Redis lock: a key holding a random token, with an expiry renewed every third of its TTL while
 * the work runs. If the holder stalls past the TTL, the key expires and another replica may take it;
 * the stalled holder then finds a token not its own at its next `confirm` and sends no write.
 */
export class RedisLease implements Lease {
  private lost = false;
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly token: string,
    private readonly ttlMs: number,
  ) {
    // A failed renewal is tried again at the next tick; a stolen lock is noticed by `lost`.
    this.renewal = setInterval(() => void this.extend().catch(() => undefined), Math.max(50, Math.floor(ttlMs / 3)));
    this.renewal.unref();
  }

  /** Asks Redis, not a local clock: a holder resumed from a stall learns the truth before it writes. */
  async confirm(): Promise<void> {
    await this.extend();
  }

  async release(): Promise<void> {
    clearInterval(this.renewal);
    if (this.lost) return;
    // Unreachable Redis: the key expires by itself after its TTL.
    await RELEASE.run(this.redis, [this.key], [this.token]).catch(() => undefined);
  }

  private async extend(): Promise<void> {
    if (this.lost) throw new LeaseLostError('expired');
    let held: unknown;
    try {
      held = await EXTEND.run(this.redis, [this.key], [this.token, this.ttlMs]);
    } catch {
      throw new LeaseLostError('unreachable');
    }
    if (held !== 1) {
      this.lost = true;
      clearInterval(this.renewal);
      throw new LeaseLostError('expired');
    }
  }
}
