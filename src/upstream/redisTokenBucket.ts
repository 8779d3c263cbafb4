import type Redis from 'ioredis';
import { LuaScript } from '../redis/luaScript';

/**
 * A token bucket by reservation, atomic in Redis and timed by Redis's clock (replicas' clocks may
 * differ): a taker takes its tokens, going into debt when there are too few, and is told how long to
 * wait until the debt is refilled; a wait longer than it can afford takes nothing. Since every taker
 * sends only when its tokens have refilled, the sends form an ordinary token bucket: capacity plus
 * refill·T in any T, so never more than requestsPerMinute in any 60 s. A negative take gives tokens back
 * (never past capacity): a client's budget refunds what an operation did not spend.
 */
const TAKE = new LuaScript(`
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 60000
local maxWait = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
if now > at then tokens = math.min(capacity, tokens + (now - at) * perMs) end
local left = math.min(capacity, tokens - count)
local wait = 0
if left < 0 then wait = math.ceil(-left / perMs) end
if wait > maxWait then return {0, wait, tostring(tokens)} end
redis.call('HSET', KEYS[1], 'tokens', tostring(left), 'at', math.max(now, at))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - left) / perMs) + 1000)
return {1, wait, tostring(left)}`);

export type Reservation = { granted: true; waitMs: number } | { granted: false; waitMs: number };

/** A take's outcome, with the tokens in the bucket after it (before it, when nothing was taken). */
export type Take = Reservation & { tokens: number };

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
    const { granted, waitMs } = await this.take(1, maxWaitMs);
    return { granted, waitMs } as Reservation;
  }

  /** Takes `count` tokens (gives them back when negative) unless their refill would be later than `maxWaitMs` from now. */
  async take(count: number, maxWaitMs: number): Promise<Take> {
    const maxWait = Number.isFinite(maxWaitMs) ? Math.max(0, Math.floor(maxWaitMs)) : Number.MAX_SAFE_INTEGER;
    const [granted, waitMs, tokens] = (await TAKE.run(this.redis, [this.key], [this.capacity, this.refillPerMinute, maxWait, count])) as [number, number, string];
    return { granted: granted === 1, waitMs, tokens: Number(tokens) } as Take;
  }
}
