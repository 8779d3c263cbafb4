import { forEachBounded } from '../../../src/platforms/sfcc/bounded';
import { ResourceStates } from '../../../src/platforms/sfcc/resourceStates';

test('resource states are bounded, least recently seen out first', () => {
  const states = new ResourceStates(2);
  states.remember('a', 's1');
  states.remember('b', 's2');
  states.remember('a', 's3');
  states.remember('c', 's4');
  expect([states.get('a'), states.get('b'), states.get('c')]).toEqual(['s3', undefined, 's4']);
  states.forget('a');
  expect(states.get('a')).toBeUndefined();
});

test('bounded work: never more than the limit in flight; a failure stops new work and is thrown', async () => {
  let inFlight = 0;
  let most = 0;
  const started: number[] = [];
  const run = forEachBounded([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, async (item) => {
    started.push(item);
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    if (item === 4) throw new Error('boom');
  });
  await expect(run).rejects.toThrow('boom');
  expect(most).toBe(3);
  expect(started.length).toBeLessThan(10);
});
