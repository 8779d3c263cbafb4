import type Redis from 'ioredis';
import type { EntityCache } from './entityCache';

/**
 * The entity cache in Redis, shared by every replica: a store's generation is a counter (INCR), so a
 * mutation through any replica moves every replica's reads on before it answers; entries are JSON
 * strings with a PX expiry. Every call fails fast while Redis is away (the connection has no offline
 * queue): the caller reads upstream instead, or refuses the write.
 *
 * Generation counters carry no expiry and entries always do, so a Redis with
 * `maxmemory-policy volatile-*` evicts entries but never a counter (a counter that vanished would
 * start again at 0 and could meet entries written under that number before).
 */
export class RedisEntityCache implements EntityCache {
  constructor(private readonly redis: Redis) {}

  async generation(storeId: string): Promise<string> {
    return (await this.generations([storeId]))[0];
  }

  async generations(storeIds: readonly string[]): Promise<string[]> {
    if (storeIds.length === 0) return [];
    return (await this.redis.mget(storeIds.map(generationKey))).map((value) => value ?? '0');
  }

  async advanceGeneration(storeId: string): Promise<string> {
    return String(await this.redis.incr(generationKey(storeId)));
  }

  async getMany(keys: readonly string[]): Promise<unknown[]> {
    if (keys.length === 0) return [];
    const raw = await this.redis.mget(keys.map(entryKey));
    // A missing key is null; a stored null (known not to exist) is the JSON text "null".
    return raw.map((text) => (text === null ? undefined : (JSON.parse(text) as unknown)));
  }

  async setMany(entries: ReadonlyArray<readonly [key: string, value: unknown]>, ttlMs: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    let queued = 0;
    for (const [key, value] of entries) {
      const text = JSON.stringify(value);
      // undefined has no JSON: there is nothing to keep.
      if (text === undefined) continue;
      pipeline.set(entryKey(key), text, 'PX', Math.max(1, Math.round(ttlMs)));
      queued += 1;
    }
    if (queued === 0) return;
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  /** The connection is the process's, closed with it (see connectRedis). */
  async close(): Promise<void> {}
}

const generationKey = (storeId: string) => `cache:generation:${storeId}`;
const entryKey = (key: string) => `cache:entry:${key}`;
