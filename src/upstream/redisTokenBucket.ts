import type Redis from 'ioredis';
import { LuaScript } from '../redis/luaScript';

/**
 * A token bucket by reservation, atomic in Redis and timed by Redis's clock (replicas' clocks may
 * differ): a taker always takes a token, going into debt when there is none, and is told how long to
 * wait until the debt is refilled; a wait longer than it can afford takes nothing. Since every taker
 * sends only when its token has refilled, the sends form an ordinary token bucket: capacity plus
 * refill·T in any T, so never more than requestsPerMinute in any 60 s.
 */
const TAKE = new LuaScript(`
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 60000
local maxWait = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
if now > at then tokens = math.min(capacity, tokens + (now - at) * perMs) end
tokens = tokens - 1
local wait = 0
if tokens < 0 then wait = math.ceil(-tokens / perMs) end
if wait > maxWait then return {0, wait} end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', math.max(now, at))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return {1, wait}`);

export type Reservation = { granted: true; waitMs: number } | { granted: false; waitMs: number };

export class RedisTokenBucket {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    /** Tokens the bucket holds when full. */
    private readonly capacity: number,
    /** Tokens added a minute, evenly. */
    private readonly refillPerMinute: number,
  ) {}

  /** Reserves a token to be used after `waitMs`, unless that would be later than `maxWaitMs` from now. */
  async reserve(maxWaitMs: number): Promise<Reservation> {
    const [granted, waitMs] = (await TAKE.run(this.redis, [this.key], [this.capacity, this.refillPerMinute, Math.max(0, Math.floor(maxWaitMs))])) as [number, number];
    return { granted: granted === 1, waitMs };
  }
}
