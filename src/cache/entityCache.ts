/**
 * Where upstream entities live between requests: an in-process LRU by default, Redis when configured so
 * that every replica shares it. Values are plain JSON-serializable records, treated as immutable.
 *
 * Read-your-writes rests on generations, not on deleting keys: every mutation moves its store's
 * generation on before it answers, and entries are keyed under the generation their read started in, so
 * a read that raced a write can only ever fill a generation nobody reads any more.
 */
export interface EntityCache {
  /** The store's current generation (any replica's mutations move it on). */
  generation(storeId: string): Promise<string>;
  /** Several stores' current generations in one read, in the order asked. */
  generations(storeIds: readonly string[]): Promise<string[]>;
  /** Moves the store's generation on and answers the new one; a failure means it may not have moved. */
  advanceGeneration(storeId: string): Promise<string>;
  /** The values under these keys, undefined where absent or expired. */
  getMany(keys: readonly string[]): Promise<unknown[]>;
  /** Stores values that expire after ttlMs. */
  setMany(entries: ReadonlyArray<readonly [key: string, value: unknown]>, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}
