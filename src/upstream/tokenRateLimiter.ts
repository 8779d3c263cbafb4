import Bottleneck from 'bottleneck';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { RateLimitSettings } from './upstreamSettings';

/** A quota that upstream requests wait for a slot of. */
export interface RateLimiter {
  /** Waits for a slot; gives up with RATE_LIMITED when the request's deadline comes first. */
  acquire(signal: AbortSignal, platformName: string, deadlineAt?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A client-side quota for one upstream token, shared by every store that uses the token: requests
 * queue for a slot instead of earning 429s (and Ecwid's block). A token bucket of `burst` slots that
 * refills (requestsPerMinute − burst) a minute: however the platform aligns its minute, no 60-second
 * window carries more than requestsPerMinute requests.
 */
export class TokenRateLimiter implements RateLimiter {
  private readonly limiter: Bottleneck;

  constructor(readonly settings: RateLimitSettings) {
    const capacity = bucketCapacity(settings);
    this.limiter = new Bottleneck({
      reservoir: capacity,
      ...refill(settings.requestsPerMinute - capacity),
      reservoirIncreaseMaximum: capacity,
    });
  }

  /** Waits for a slot; gives up with RATE_LIMITED when the request's deadline comes first. */
  async acquire(signal: AbortSignal, platformName: string): Promise<void> {
    const slot = this.limiter.schedule(() => Promise.resolve());
    if (signal.aborted) throw quotaExhausted(this.settings, platformName);
    let onAbort!: () => void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(quotaExhausted(this.settings, platformName));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([slot, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async stop(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
  }
}

/** RATE_LIMITED: the slot would come after the deadline; by default it says when the next slot refills. */
export function quotaExhausted(settings: RateLimitSettings, platformName: string, waitMs?: number): GatewayFault {
  const { reservoirIncreaseInterval } = refill(settings.requestsPerMinute - bucketCapacity(settings));
  return new GatewayFault(ErrorCode.RATE_LIMITED, `The gateway's ${platformName} request quota for this store is used up for now`, {
    retryable: true,
    retryAfterSeconds: Math.max(1, Math.ceil((waitMs ?? reservoirIncreaseInterval) / 1000)),
  });
}

/** The burst, raised to one second's refill when smaller (the bucket must hold what a second adds). */
export function bucketCapacity(settings: RateLimitSettings): number {
  return Math.max(settings.burst, Math.floor((settings.requestsPerMinute - settings.burst) / 60));
}

/**
 * Bottleneck tops the reservoir up on its 250 ms heartbeat, so the refill is whole slots every second
 * (or one slot every few seconds for small quotas), rounded down: never more than the minute allows.
 */
function refill(perMinute: number): { reservoirIncreaseAmount: number; reservoirIncreaseInterval: number } {
  const perSecond = Math.floor(perMinute / 60);
  if (perSecond >= 1) return { reservoirIncreaseAmount: perSecond, reservoirIncreaseInterval: 1000 };
  return { reservoirIncreaseAmount: 1, reservoirIncreaseInterval: Math.ceil(60_000 / perMinute) };
}
