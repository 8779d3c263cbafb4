interface SharedRead<T> {
  result: Promise<T>;
  /** Aborts the read: only once every request sharing it has ended. */
  controller: AbortController;
  sharers: number;
}

/**
 * Identical reads in flight at once share one upstream request: N requests for the same category
 * listing cost the platform one. Only reads go through here, and only while in flight (no caching).
 * A request that ends (its signal aborts) stops waiting at once, but the read goes on for the others
 * sharing it and is aborted only when the last of them has ended.
 */
export class InFlightReads<T> {
  private readonly pending = new Map<string, SharedRead<T>>();

  /** The read's answer for a request whose end is `signal`; `read` gets the shared read's own signal. */
  run(key: string, signal: AbortSignal, read: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const shared = this.pending.get(key) ?? this.start(key, read);
    shared.sharers += 1;
    return new Promise<T>((resolve, reject) => {
      const abandon = () => {
        shared.sharers -= 1;
        if (shared.sharers > 0) return reject(signal.reason);
        // The last one waiting: the read is aborted and ends at once, with its own account of why
        // (the quota's RATE_LIMITED, the deadline's fault). A later identical read starts afresh.
        this.forget(key, shared);
        shared.controller.abort(signal.reason);
      };
      signal.addEventListener('abort', abandon, { once: true });
      shared.result.then(
        (value) => {
          signal.removeEventListener('abort', abandon);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', abandon);
          reject(error);
        },
      );
    });
  }

  private start(key: string, read: (signal: AbortSignal) => Promise<T>): SharedRead<T> {
    const controller = new AbortController();
    const shared: SharedRead<T> = { controller, sharers: 0, result: read(controller.signal) };
    shared.result.then(
      () => this.forget(key, shared),
      () => this.forget(key, shared),
    );
    this.pending.set(key, shared);
    return shared;
  }

  private forget(key: string, shared: SharedRead<T>): void {
    if (this.pending.get(key) === shared) this.pending.delete(key);
  }
}
