/** A kept value, the tags of everything it was read from, and the cache's clock when its read began. */
export interface CacheEntry {
  value: unknown;
  tags: readonly string[];
  stamp: number;
}

/** The cache's clock when a read looked (what an upstream read begun after it is stamped with), and what it found. */
export interface CacheRead {
  clock: number;
  entries: Array<CacheEntry | undefined>;
}

/**
 * Where upstream entities and answers live between requests: an in-process LRU by default, Redis when
 * configured so that every replica shares it. Values are plain JSON-serializable records, treated as immutable.
 *
 * Invalidation is by tag (what an entry was read from: a category, a child list, a product order…), as
 * envelop's response cache and Stellate purge by entity, but a purge costs O(tags), not O(entries): a purge
 * moves the cache's clock on and records that value for each of its tags; an entry is current only while
 * none of its tags was purged after its stamp (the clock read before its upstream read began). So a read
 * that raced a write can never be kept as current: the write purges again once it is done.
 */
export interface EntityCache {
  /** The clock now and the entries under these keys that are still current: undefined where absent, expired or purged. */
  read(keys: readonly string[]): Promise<CacheRead>;
  /** Keeps entries, each expiring after ttlMs. */
  write(entries: ReadonlyArray<readonly [key: string, entry: CacheEntry]>, ttlMs: number): Promise<void>;
  /** Makes every entry that carries one of these tags, stamped before now, unreachable; a failure means they may not be. */
  purge(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Whether an entry is still current, given the clock now and its tags' clock values at their last purges (0
 * where never purged). A stamp ahead of the clock is from before the clock started again (Redis restarted
 * empty while a read was in flight): it proves nothing.
 */
export function isCurrent(entry: CacheEntry, clock: number, purgedAt: (tag: string) => number): boolean {
  return entry.stamp <= clock && entry.tags.every((tag) => purgedAt(tag) <= entry.stamp);
}
