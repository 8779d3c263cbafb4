/**
 * Identical reads in flight at once share one upstream request: N requests for the same category
 * listing cost the platform one. Only reads go through here, and only while in flight (no caching).
 */
export class InFlightReads<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, read: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    const started = read().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
