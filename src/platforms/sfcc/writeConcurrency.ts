import pLimit from 'p-limit';

/**
 * Runs `work` for every item, in the items' order, with at most `concurrency` in flight (SFCC writes and
 * reads one product per request; docs/platforms/sfcc.md#rate-limits). The first failure stops new work
 * from starting; the work in flight finishes, then that failure is thrown.
 */
export async function forEachBounded<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const limit = pLimit(concurrency);
  let failure: { error: unknown } | undefined;
  let stopped!: () => void;
  const stop = new Promise<void>((resolve) => (stopped = resolve));
  // The work that started: once the queue is cleared, p-limit never settles the calls it dropped.
  const started: Array<Promise<void>> = [];
  const queued = items.map((item, index) =>
    limit(() => {
      const run = (async () => work(item, index))().catch((error: unknown) => {
        if (failure) return;
        failure = { error };
        limit.clearQueue();
        stopped();
      });
      started.push(run);
      return run;
    }),
  );
  await Promise.race([Promise.allSettled(queued), stop]);
  await Promise.allSettled(started);
  if (failure) throw failure.error;
}

/** `work` for every item, at most `concurrency` in flight, results in the items' order (failures as forEachBounded's). */
export async function mapBounded<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachBounded(items, concurrency, async (item, index) => {
    results[index] = await work(item);
  });
  return results;
}
