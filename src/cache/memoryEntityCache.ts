import { LRUCache } from 'lru-cache';
import { CacheEntry, CacheRead, EntityCache, isCurrent } from './entityCache';

/**
 * The entity cache of a single process: an LRU bounded by the entries' JSON size, each entry expiring
 * after its TTL. The clock and the tags' purges are in memory, so a purge is seen by the next read at once.
 */
export class MemoryEntityCache implements EntityCache {
  private readonly entries: LRUCache<string, CacheEntry>;
  /** Each purged tag's clock value at its last purge; bounded by the catalog's entities, as Redis's hash. */
  private readonly purged = new Map<string, number>();
  private clock = 0;

  constructor(maxBytes: number) {
    this.entries = new LRUCache({
      maxSize: maxBytes,
      // Records are stored as they are (no parsing on a hit); their JSON length stands for their size.
      sizeCalculation: (entry, key) => Math.max(1, key.length + (JSON.stringify(entry.value)?.length ?? 4) + entry.tags.join().length),
    });
  }

  async read(keys: readonly string[]): Promise<CacheRead> {
    const purgedAt = (tag: string) => this.purged.get(tag) ?? 0;
    const entries = keys.map((key) => {
      const entry = this.entries.get(key);
      return entry && isCurrent(entry, this.clock, purgedAt) ? entry : undefined;
    });
    return { clock: this.clock, entries };
  }

  async write(entries: ReadonlyArray<readonly [string, CacheEntry]>, ttlMs: number): Promise<void> {
    for (const [key, entry] of entries) if (entry.value !== undefined) this.entries.set(key, entry, { ttl: ttlMs });
  }

  async purge(tags: readonly string[]): Promise<void> {
    this.clock += 1;
    for (const tag of tags) this.purged.set(tag, this.clock);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
