import { setMaxListeners } from 'node:events';
import { TokenRateLimiter } from '../../src/upstream/tokenRateLimiter';

test('a burst goes at once, then slots refill each second; a waiting request gives up at its deadline', async () => {
  // 600 a minute with a burst of 10: the other 590 refill at 9 a second.
  const limiter = new TokenRateLimiter({ requestsPerMinute: 600, burst: 10 });
  const granted: number[] = [];
  const started = Date.now();
  // A request's deadline as the gateway makes it (gateway/context.ts): each of its waiting calls listens to it.
  const signal = AbortSignal.timeout(1400);
  setMaxListeners(0, signal);
  const results = await Promise.allSettled(Array.from({ length: 40 }, () => limiter.acquire(signal, 'Ecwid').then(() => granted.push(Date.now() - started))));
  await limiter.stop();
  expect(granted.filter((at) => at < 500)).toHaveLength(10);
  expect(granted.filter((at) => at >= 900)).toHaveLength(9);
  const refused = results.filter((result) => result.status === 'rejected') as PromiseRejectedResult[];
  expect(refused).toHaveLength(40 - 19);
  expect(refused[0].reason).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 1 });
});
