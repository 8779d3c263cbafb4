import { ErrorCode } from '../../src/domain/errorCode';
import { GatewayFault } from '../../src/domain/gatewayFault';
import { isRetryable, retryDelayMs } from '../../src/upstream/retryDecision';
import type { UpstreamRequest } from '../../src/upstream/types';

const answer = (status: number, headers: Record<string, string> = {}) => ({ response: { status, headers, text: '' } });
const noAnswer = { fault: new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, 'timed out', { retryable: true }) };
const get: UpstreamRequest = { method: 'GET', path: '/x' };
const post: UpstreamRequest = { method: 'POST', path: '/x' };

describe('which attempts are repeated', () => {
  test('reads: after a 5xx, a 429 or no answer; never after a 4xx', () => {
    expect(isRetryable(get, answer(503))).toBe(true);
    expect(isRetryable(get, answer(429))).toBe(true);
    expect(isRetryable(get, noAnswer)).toBe(true);
    expect(isRetryable(get, answer(404))).toBe(false);
    expect(isRetryable(get, answer(200))).toBe(false);
    expect(isRetryable({ ...post, read: true }, answer(502))).toBe(true);
  });

  test('writes: only where nothing was applied, or where repeating is harmless', () => {
    expect(isRetryable(post, answer(429))).toBe(true);
    expect(isRetryable(post, answer(503))).toBe(false);
    expect(isRetryable(post, noAnswer)).toBe(false);
    expect(isRetryable({ ...post, notApplied: (r) => r.status === 449 }, answer(449))).toBe(true);
    expect(isRetryable({ ...post, idempotent: true }, noAnswer)).toBe(true);
    expect(isRetryable({ ...post, idempotent: true }, answer(400))).toBe(false);
  });

  test('a fault that is not a transport failure is never repeated', () => {
    expect(isRetryable(get, { fault: new GatewayFault(ErrorCode.BAD_USER_INPUT, 'no') })).toBe(false);
    expect(isRetryable(get, { fault: new Error('bug') })).toBe(false);
  });
});

describe('how long to wait', () => {
  test("the platform's Retry-After wins", () => {
    expect(retryDelayMs(get, answer(429, { 'retry-after': '3' }), 0, 100, 2000)).toBe(3000);
  });

  test("the request's own reading of the answer wins over Retry-After; where it finds nothing, Retry-After still counts", () => {
    const resetHeader = (response: { headers: Record<string, string | string[] | undefined> }) => {
      const raw = response.headers['x-reset-ms'];
      return typeof raw === 'string' ? Number(raw) : undefined;
    };
    const request: UpstreamRequest = { ...get, retryAfterMs: resetHeader };
    expect(retryDelayMs(request, answer(429, { 'x-reset-ms': '1234', 'retry-after': '3' }), 0, 100, 2000)).toBe(1234);
    expect(retryDelayMs(request, answer(429, { 'retry-after': '3' }), 0, 100, 2000)).toBe(3000);
    expect(retryDelayMs(request, answer(503), 3, 100, 2000, () => 0.5)).toBe(400);
    // A wait in the past is no wait, never a negative one.
    expect(retryDelayMs(request, answer(429, { 'x-reset-ms': '-5' }), 0, 100, 2000)).toBe(0);
    // No answer, nothing to read.
    expect(retryDelayMs(request, noAnswer, 2, 100, 2000, () => 0)).toBe(0);
  });

  test('otherwise full jitter: up to base·2^attempt, capped', () => {
    expect(retryDelayMs(get, answer(503), 0, 100, 2000, () => 0.999)).toBe(99);
    expect(retryDelayMs(get, answer(503), 3, 100, 2000, () => 0.5)).toBe(400);
    expect(retryDelayMs(get, answer(503), 10, 100, 2000, () => 0.999)).toBe(1998);
    expect(retryDelayMs(get, noAnswer, 2, 100, 2000, () => 0)).toBe(0);
  });
});
