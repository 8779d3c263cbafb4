import { forEachBounded, mapBounded } from '../../../../src/platforms/sfcc/writeConcurrency';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('bounded work: never more than the limit in flight; a failure stops new work and is thrown', async () => {
  let inFlight = 0;
  let most = 0;
  const started: number[] = [];
  const run = forEachBounded([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, async (item) => {
    started.push(item);
    inFlight += 1;
    most = Math.max(most, inFlight);
    await tick(5);
    inFlight -= 1;
    if (item === 4) throw new Error('boom');
  });
  await expect(run).rejects.toThrow('boom');
  expect(most).toBe(3);
  expect(started.length).toBeLessThan(10);
});

test('after a failure the work in flight finishes before the first failure is thrown', async () => {
  const finished: number[] = [];
  const run = forEachBounded([0, 1, 2, 3, 4, 5], 3, async (item) => {
    if (item === 0) throw new Error('first');
    await tick(item === 2 ? 20 : 5);
    if (item === 1) throw new Error('second');
    finished.push(item);
  });
  await expect(run).rejects.toThrow('first');
  // 1 and 2 were in flight when 0 failed: 2 finished, nothing after them started.
  expect(finished).toEqual([2]);
});

test('bounded map: results in the items’ order, in the items’ order started', async () => {
  const started: number[] = [];
  const results = await mapBounded([30, 10, 20, 0], 2, async (ms) => {
    started.push(ms);
    await tick(ms);
    return ms * 2;
  });
  expect(results).toEqual([60, 20, 40, 0]);
  expect(started).toEqual([30, 10, 20, 0]);
  await expect(mapBounded([], 2, async () => 1)).resolves.toEqual([]);
});
