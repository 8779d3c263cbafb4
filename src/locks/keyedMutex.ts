import { Mutex, withTimeout } from 'async-mutex';

/** One in-process mutex per key, made on first use and forgotten when nobody holds or waits for it. */
export class KeyedMutex {
  private readonly mutexes = new Map<string, { mutex: Mutex; holders: number }>();

  /**
   * Runs work alone among the holders of this key. With `wait`, gives up waiting after `wait.ms` by
   * throwing `timeoutError()`.
   */
  async run<T>(key: string, work: () => Promise<T>, wait?: { ms: number; timeoutError: () => Error }): Promise<T> {
    let entry = this.mutexes.get(key);
    if (!entry) {
      entry = { mutex: new Mutex(), holders: 0 };
      this.mutexes.set(key, entry);
    }
    entry.holders += 1;
    try {
      const mutex = wait ? withTimeout(entry.mutex, Math.max(0, wait.ms), wait.timeoutError()) : entry.mutex;
      return await mutex.runExclusive(work);
    } finally {
      // Forget idle keys so the map does not grow with the catalog.
      entry.holders -= 1;
      if (entry.holders === 0) this.mutexes.delete(key);
    }
  }
}
