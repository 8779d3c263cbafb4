import { KeyedMutex } from './keyedMutex';
import { Lease, runUnderLease } from './lease';

/**
 * Serializes read-modify-write operations on one category (Ecwid's whole-list reorder), so concurrent
 * mutations never undo each other. In-process by default; with Redis configured, across every replica
 * (`RedisCategoryLock`).
 */
export interface CategoryLock {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** A lock held in this process cannot be lost while its holder runs. */
const HELD: Lease = { confirm: async () => undefined };

export class InProcessCategoryLock implements CategoryLock {
  private readonly mutexes = new KeyedMutex();

  withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    // Under a lease so that the work's reads start their own upstream requests (see UpstreamClient.send).
    return this.mutexes.run(key, () => runUnderLease(HELD, work));
  }
}
