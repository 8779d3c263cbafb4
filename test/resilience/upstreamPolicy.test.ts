import { startEcwidEmulator } from '../../src/emulators/ecwid';
import { startAllPlatforms } from '../support/allPlatforms';
import { ECWID_STORE, startEcwidHarness } from '../support/ecwidGateway';
import { gid, harnessFor } from '../support/gateway';

const FRUIT = gid('Category', ECWID_STORE, 9691001);
const READ = `{ category(id: "${FRUIT}") { name } }`;

describe('the circuit breaker', () => {
  test('opens after consecutive failures, fails fast without calling the platform, and closes again', async () => {
    const h = await startEcwidHarness({}, { upstream: { maxRetries: 0, breakerFailureThreshold: 3, breakerHalfOpenAfterMs: 300 } });
    try {
      h.emulator.server.injectFault({ method: 'GET', status: 500 });
      for (let n = 0; n < 3; n++) await h.gateway.query(READ);
      expect(h.emulator.server.log.all()).toHaveLength(3);

      const open = await h.gateway.query(READ);
      expect(open.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, retryAfterSeconds: 1 });
      expect(open.errors![0].message).toContain('calls are paused');
      expect(h.emulator.server.log.all()).toHaveLength(3);

      h.emulator.server.faults.clear();
      await new Promise((resolve) => setTimeout(resolve, 350));
      const closed = await h.gateway.query(READ);
      expect(closed.errors).toBeUndefined();
      expect(closed.data.category.name).toBe('Fruit');
    } finally {
      await h.close();
    }
  });
});

describe('the bulkhead', () => {
  test('caps a slow store’s requests in flight and refuses the overflow at once; other stores answer meanwhile', async () => {
    const all = await startAllPlatforms({ upstream: { maxConcurrent: 2, maxQueued: 1, maxRetries: 0, attemptTimeoutMs: 1500, breakerFailureThreshold: 1000 } });
    try {
      all.ecwid.server.injectFault({ method: 'GET', delayMs: 800 });
      const slow = Array.from({ length: 6 }, (_, n) => all.gateway.query(`{ category(id: "${gid('Category', 'ecwid', 9691001 + n)}") { name } }`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      const healthy = await all.gateway.query(`{ category(id: "${gid('Category', 'sfcc', 'womens-clothing-dresses')}") { name } }`);
      expect(Date.now() - started).toBeLessThan(500);
      expect(healthy.data.category.name).toBe('Dresses');

      const answers = await Promise.all(slow);
      const refused = answers.filter((answer) => answer.errors?.[0].message.includes('Too many requests are waiting'));
      expect(refused).toHaveLength(3);
      expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(3);
      expect(all.ecwid.server.log.all()).toHaveLength(3);
    } finally {
      await all.close();
    }
  });
});

describe('identical reads in flight', () => {
  test('cost one upstream request, however many GraphQL requests ask at once', async () => {
    const h = await startEcwidHarness();
    try {
      h.emulator.server.latencyMs = 100;
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.gateway.query(READ)));
      for (const answer of answers) expect(answer.data.category.name).toBe('Fruit');
      expect(h.emulator.server.log.count({ path: '/categories/9691001' })).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('the per-token rate limit', () => {
  test('queues instead of earning 429s: a burst never takes the platform past its quota', async () => {
    // The emulator enforces 30 requests a minute on the token; the gateway's limit matches it.
    const emulator = await startEcwidEmulator({ rateLimit: { limit: 30, windowMs: 60_000 } });
    const h = await harnessFor(
      emulator,
      { id: ECWID_STORE, platform: 'ecwid', storeId: '4870020', token: 'secret_ecwid_demo_token' },
      { server: { requestTimeoutMs: 1500 }, upstream: { rateLimit: { requestsPerMinute: 30, burst: 10 } } },
    );
    try {
      const ids = Array.from({ length: 25 }, (_, n) => 9691001 + n);
      const answers = await Promise.all(ids.map((id) => h.gateway.query(`{ category(id: "${gid('Category', ECWID_STORE, id)}") { name } }`)));
      const served = answers.filter((answer) => answer.errors === undefined);
      const throttled = answers.filter((answer) => answer.errors?.[0].extensions?.code === 'RATE_LIMITED');
      // The burst goes at once; one more slot refills every 3 s, after this request's deadline.
      expect(served).toHaveLength(10);
      expect(throttled).toHaveLength(15);
      expect(throttled[0].errors![0].extensions).toMatchObject({ retryable: true, retryAfterSeconds: 3, storeId: ECWID_STORE });
      expect(emulator.server.log.all().filter((entry) => entry.status === 429)).toHaveLength(0);
      expect(emulator.server.log.all().length).toBeLessThanOrEqual(30);
    } finally {
      await h.close();
    }
  });

  test('a 429 storm from the platform is met with Retry-After, not more requests', async () => {
    const h = await startEcwidHarness({}, { server: { requestTimeoutMs: 1500 } });
    try {
      h.emulator.server.injectFault({ method: 'GET', status: 429, headers: { 'retry-after': '60' } });
      const ids = Array.from({ length: 10 }, (_, n) => 9691001 + n);
      const answers = await Promise.all(ids.map((id) => h.gateway.query(`{ category(id: "${gid('Category', ECWID_STORE, id)}") { name } }`)));
      for (const answer of answers) expect(answer.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
      // One attempt each: a wait of 60 s cannot fit in the deadline, so none is retried.
      expect(h.emulator.server.log.all()).toHaveLength(10);
    } finally {
      await h.close();
    }
  });
});
