import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { LuaScript } from './luaScript';

const HEARTBEAT_MS = 5_000;
/** A replica silent for three heartbeats is gone. */
const GONE_AFTER_MS = 3 * HEARTBEAT_MS;

/** Marks this replica alive (by Redis's clock), forgets silent ones, answers how many are alive. */
const HEARTBEAT = new LuaScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return redis.call('ZCARD', KEYS[1])`);

const KEY = 'replicas';

/**
 * How many gateway replicas share this Redis, as last seen: each one beats every few seconds. When
 * Redis goes away, a replica keeps to its share of each token's quota by this count.
 */
export class ReplicaPresence {
  private readonly id = randomUUID();
  private readonly timer: NodeJS.Timeout;
  private seen = 1;

  constructor(private readonly redis: Redis) {
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
    void this.beat();
  }

  /** The replicas alive when Redis last answered, this one included (1 before it ever did). */
  get count(): number {
    return this.seen;
  }

  /** Leaves at once instead of after GONE_AFTER_MS, so the others' shares are right sooner. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.zrem(KEY, this.id).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    try {
      this.seen = Math.max(1, Number(await HEARTBEAT.run(this.redis, [KEY], [this.id, GONE_AFTER_MS])));
    } catch {
      // Redis away: the last count stands.
    }
  }
}
