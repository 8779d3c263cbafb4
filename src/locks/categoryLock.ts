import { Mutex } from 'async-mutex';

/**
 * Serializes read-modify-write operations on one category (Ecwid's whole-list reorder), so concurrent
 * mutations never undo each other. In-process today; a distributed lock can take its place behind
 * this interface.
 */
export interface CategoryLock {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export class InProcessCategoryLock implements CategoryLock {
  private readonly mutexes = new Map<string, { mutex: Mutex; holders: number }>();

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    let entry = this.mutexes.get(key);
    if (!entry) {
      entry = { mutex: new Mutex(), holders: 0 };
      this.mutexes.set(key, entry);
    }
    entry.holders += 1;
    try {
      return await entry.mutex.runExclusive(work);
    } finally {
      // Forget idle categories so the map does not grow with the catalog.
      entry.holders -= 1;
      if (entry.holders === 0) this.mutexes.delete(key);
    }
  }
}
