import { KeyedMutex } from './keyedMutex';
import type { Lease } from './lease';

/**
 * Serializes read-modify-write operations on one category (Ecwid's whole-list reorder), so concurrent
 * mutations never undo each other. In-process by default; with Redis configured, across every replica
 * (`RedisCategoryLock`).
 */
export interface CategoryLock {
  /** Runs `work` alone among the holders of `key`, handing it the lease to pass on with its upstream calls. */
  withLock<T>(key: string, work: (lease: Lease) => Promise<T>): Promise<T>;
}

/** A lock held in this process cannot be lost while its holder runs. */
const HELD: Lease = { confirm: async () => undefined };

export class InProcessCategoryLock implements CategoryLock {
  private readonly mutexes = new KeyedMutex();

  withLock<T>(key: string, work: (lease: Lease) => Promise<T>): Promise<T> {
    return this.mutexes.run(key, () => work(HELD));
  }
}
