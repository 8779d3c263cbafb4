import type Redis from 'ioredis';
import { LuaScript } from '../redis/luaScript';
import { CacheEntry, CacheRead, EntityCache, isCurrent } from './entityCache';

const CLOCK = 'cache:clock';
const PURGED = 'cache:purged';

/** Moves the clock on and records its new value for every tag, atomically (no read sees one without the other). */
const PURGE = new LuaScript(`
local clock = redis.call('INCR', KEYS[1])
for i = 1, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], clock) end
return clock
`);

/**
 * The entity cache in Redis, shared by every replica: a purge through any replica is seen by every
 * replica's next read, before the mutation that made it answers. A read is two round trips at most: the
 * clock and the entries in one MGET, then the purges of the found entries' tags in one HMGET. Entries are
 * JSON strings with a PX expiry. Every call fails fast while Redis is away (the connection has no offline
 * queue): the caller reads upstream instead, or refuses the write.
 *
 * The clock and the tags' purges carry no expiry and entries always do, so a Redis with
 * `maxmemory-policy volatile-*` evicts entries but never a purge (a purge that vanished would make the
 * entries it had purged current again). The purges' hash holds one field per entity ever purged.
 */
export class RedisEntityCache implements EntityCache {
  constructor(private readonly redis: Redis) {}

  async read(keys: readonly string[]): Promise<CacheRead> {
    const [clockText, ...raw] = await this.redis.mget(CLOCK, ...keys.map(entryKey));
    const clock = Number(clockText ?? 0);
    // A missing key is null; a stored null (known not to exist) is a value like any other.
    const found = raw.map((text) => (text === null ? undefined : (JSON.parse(text) as CacheEntry)));
    const tags = [...new Set(found.flatMap((entry) => entry?.tags ?? []))];
    const purges = tags.length === 0 ? [] : await this.redis.hmget(PURGED, ...tags);
    const purgedAt = new Map(tags.map((tag, index) => [tag, Number(purges[index] ?? 0)]));
    const entries = found.map((entry) => (entry && isCurrent(entry, clock, (tag) => purgedAt.get(tag) ?? 0) ? entry : undefined));
    return { clock, entries };
  }

  async write(entries: ReadonlyArray<readonly [key: string, entry: CacheEntry]>, ttlMs: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    let queued = 0;
    for (const [key, entry] of entries) {
      // undefined has no JSON: there is nothing to keep.
      if (entry.value === undefined) continue;
      pipeline.set(entryKey(key), JSON.stringify(entry), 'PX', Math.max(1, Math.round(ttlMs)));
      queued += 1;
    }
    if (queued === 0) return;
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async purge(tags: readonly string[]): Promise<void> {
    await PURGE.run(this.redis, [CLOCK, PURGED], tags);
  }

  /** The connection is the process's, closed with it (see connectRedis). */
  async close(): Promise<void> {}
}

const entryKey = (key: string) => `cache:entry:${key}`;
