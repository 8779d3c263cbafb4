import { FairBulkhead, PRESENT_MS, QueueFullError } from '../../src/upstream/fairBulkhead';

/** A call that runs until the test ends it, recording who held a slot when. */
interface Held {
  tenant: string;
  end(): void;
}

function harness(limits: { maxConcurrent: number; maxQueued?: number; maxQueuedPerTenant?: number }, clock = Date.now) {
  const bulkhead = new FairBulkhead({ maxQueued: 100, maxQueuedPerTenant: 100, ...limits }, clock);
  const running: Held[] = [];
  const started: string[] = [];
  const call = (tenant: string, signal = new AbortController().signal) =>
    bulkhead.run(tenant, signal, () => {
      started.push(tenant);
      return new Promise<void>((resolve) => {
        const held: Held = {
          tenant,
          end: () => {
            running.splice(running.indexOf(held), 1);
            resolve();
          },
        };
        running.push(held);
      });
    });
  const runningOf = (tenant: string) => running.filter((held) => held.tenant === tenant).length;
  /** Ends the oldest running call of `tenant` and lets the next one start. */
  const finish = async (tenant: string) => {
    running.find((held) => held.tenant === tenant)!.end();
    await flush();
  };
  return { call, running, started, runningOf, finish };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('FairBulkhead', () => {
  test('a lone tenant may use every slot; the rest of its calls wait', async () => {
    const h = harness({ maxConcurrent: 4 });
    for (let n = 0; n < 6; n += 1) void h.call('a');
    await flush();
    expect(h.runningOf('a')).toBe(4);
    await h.finish('a');
    expect(h.runningOf('a')).toBe(4);
    expect(h.started).toHaveLength(5);
  });

  test('two busy tenants end up with half the slots each, whoever queued first', async () => {
    const h = harness({ maxConcurrent: 4 });
    for (let n = 0; n < 20; n += 1) void h.call('flood');
    await flush();
    for (let n = 0; n < 5; n += 1) void h.call('shop');
    await flush();
    expect(h.runningOf('flood')).toBe(4);
    // Each slot flood frees goes to shop until they run as many as each other.
    await h.finish('flood');
    await h.finish('flood');
    expect([h.runningOf('flood'), h.runningOf('shop')]).toEqual([2, 2]);
    // From then on, they take turns: flood never holds more than its half while shop waits.
    for (let n = 0; n < 4; n += 1) {
      await h.finish('flood');
      expect(h.runningOf('flood')).toBeLessThanOrEqual(2);
      expect(h.running).toHaveLength(4);
    }
  });

  test('a freed slot goes to the waiting tenant running the fewest calls', async () => {
    const h = harness({ maxConcurrent: 3 });
    for (let n = 0; n < 3; n += 1) void h.call('a');
    await flush();
    void h.call('a');
    void h.call('b');
    void h.call('c');
    await flush();
    await h.finish('a');
    await h.finish('a');
    expect(h.started.slice(3).sort()).toEqual(['b', 'c']);
  });

  test('while another tenant is around, a busy one runs only its share, so the other’s calls start at once', async () => {
    let now = 0;
    const h = harness({ maxConcurrent: 4 }, () => now);
    void h.call('shop');
    await h.finish('shop');
    for (let n = 0; n < 10; n += 1) void h.call('flood');
    await flush();
    expect(h.runningOf('flood')).toBe(2);
    void h.call('shop');
    void h.call('shop');
    await flush();
    expect(h.runningOf('shop')).toBe(2);
    await h.finish('shop');
    await h.finish('shop');
    expect(h.runningOf('flood')).toBe(2);
    // Once shop has not called for a while, flood may take every slot again.
    now += PRESENT_MS + 1;
    await h.finish('flood');
    expect(h.runningOf('flood')).toBe(4);
  });

  test('one tenant past its share of the queue is refused at once, and the others still queue', async () => {
    const h = harness({ maxConcurrent: 1, maxQueued: 10, maxQueuedPerTenant: 2 });
    void h.call('flood');
    const queued = [h.call('flood'), h.call('flood')];
    await expect(h.call('flood')).rejects.toEqual(new QueueFullError('tenant'));
    const shop = h.call('shop');
    await flush();
    await h.finish('flood');
    await h.finish('flood');
    // Turns alternate: shop's one call is served before flood's second queued one.
    expect(h.started).toEqual(['flood', 'flood', 'shop']);
    await h.finish('shop');
    await shop;
    await h.finish('flood');
    await Promise.all(queued);
  });

  test('the store’s whole queue caps every tenant together', async () => {
    const h = harness({ maxConcurrent: 1, maxQueued: 2, maxQueuedPerTenant: 5 });
    void h.call('a');
    void h.call('a');
    void h.call('b');
    await expect(h.call('c')).rejects.toEqual(new QueueFullError('store'));
  });

  test('a waiting call whose signal aborts leaves the queue and never runs', async () => {
    const h = harness({ maxConcurrent: 1 });
    void h.call('a');
    const ended = new AbortController();
    const abandoned = h.call('b', ended.signal);
    const next = h.call('c');
    ended.abort(new Error('request ended'));
    await expect(abandoned).rejects.toThrow('request ended');
    await h.finish('a');
    expect(h.started).toEqual(['a', 'c']);
    await h.finish('c');
    await next;
  });

  test('a call whose signal has already aborted is refused without running', async () => {
    const h = harness({ maxConcurrent: 1 });
    const ended = new AbortController();
    ended.abort(new Error('gone'));
    await expect(h.call('a', ended.signal)).rejects.toThrow('gone');
    expect(h.started).toEqual([]);
  });
});
