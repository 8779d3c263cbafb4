import { LRUCache } from 'lru-cache';
import type { EntityCache } from './entityCache';

/**
 * The entity cache of a single process: an LRU bounded by the entries' JSON size, each entry expiring
 * after its TTL. Generations are counters in memory, so a mutation's effect is seen by the next read at once.
 */
export class MemoryEntityCache implements EntityCache {
  private readonly entries: LRUCache<string, { value: unknown }>;
  private readonly counters = new Map<string, number>();

  constructor(maxBytes: number) {
    this.entries = new LRUCache({
      maxSize: maxBytes,
      // Records are stored as they are (no parsing on a hit); their JSON length stands for their size.
      sizeCalculation: (entry, key) => Math.max(1, key.length + (JSON.stringify(entry.value)?.length ?? 4)),
    });
  }

  async generation(storeId: string): Promise<string> {
    return (await this.generations([storeId]))[0];
  }

  async generations(storeIds: readonly string[]): Promise<string[]> {
    return storeIds.map((storeId) => String(this.counters.get(storeId) ?? 0));
  }

  async advanceGeneration(storeId: string): Promise<string> {
    const next = (this.counters.get(storeId) ?? 0) + 1;
    this.counters.set(storeId, next);
    return String(next);
  }

  async getMany(keys: readonly string[]): Promise<unknown[]> {
    return keys.map((key) => this.entries.get(key)?.value);
  }

  async setMany(entries: ReadonlyArray<readonly [string, unknown]>, ttlMs: number): Promise<void> {
    // Wrapped so that a cached null (a category known not to exist) is told apart from a miss.
    for (const [key, value] of entries) this.entries.set(key, { value }, { ttl: ttlMs });
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
