import pLimit from 'p-limit';

/**
 * Runs `work` for every item, in the items' order, with at most `concurrency` in flight (SFCC writes and
 * reads one product per request; docs/platforms/sfcc.md#rate-limits). The first failure stops new work
 * from starting (what is still queued does nothing); the work in flight finishes, then that failure is thrown.
 */
export async function forEachBounded<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const limit = pLimit(concurrency);
  let failure: { error: unknown } | undefined;
  await Promise.all(
    items.map((item, index) =>
      limit(async () => {
        if (failure) return;
        try {
          await work(item, index);
        } catch (error) {
          failure ??= { error };
        }
      }),
    ),
  );
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
