import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { UpstreamRequest, UpstreamResponse } from './types';
import { retryAfterSecondsOf } from './upstreamFaults';

/** What one attempt came to: an answer (any status) or a fault (no answer). */
export type AttemptOutcome = { response: UpstreamResponse } | { fault: unknown };

/** A read is safe to repeat: GETs, and requests an adapter marks `read` (SFCC's search POST). */
export function isRead(request: UpstreamRequest): boolean {
  return request.method === 'GET' || request.read === true;
}

/**
 * Whether an attempt may be repeated. Reads: after a 5xx, a 429 or no answer at all. Writes only where
 * nothing was applied — a 429, or what the adapter's `notApplied` says (Ecwid's 449 and 409 "retry
 * later") — or where repeating is harmless by construction (`idempotent`); never after a timeout of a
 * write that is not idempotent, which may have been applied.
 */
export function isRetryable(request: UpstreamRequest, outcome: AttemptOutcome): boolean {
  const repeatable = isRead(request) || request.idempotent === true;
  if ('fault' in outcome) {
    return repeatable && outcome.fault instanceof GatewayFault && outcome.fault.code === ErrorCode.UPSTREAM_UNAVAILABLE && outcome.fault.retryable;
  }
  const { response } = outcome;
  if (response.status === 429) return true;
  if (request.notApplied?.(response)) return true;
  return repeatable && response.status >= 500;
}

/**
 * Exponential backoff with full jitter (a random wait up to base·2^attempt, capped), unless the answer
 * says when: the request's `retryAfterMs` (the platform's own header) first, then Retry-After.
 */
export function retryDelayMs(request: UpstreamRequest, outcome: AttemptOutcome, attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  if ('response' in outcome) {
    const platformSays = request.retryAfterMs?.(outcome.response);
    if (platformSays !== undefined) return Math.max(0, platformSays);
    const retryAfter = retryAfterSecondsOf(outcome.response);
    if (retryAfter !== undefined) return retryAfter * 1000;
  }
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}
