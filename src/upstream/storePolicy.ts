import { BrokenCircuitError, circuitBreaker, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, DelegateBackoff, handleWhen, retry, TaskCancelledError } from 'cockatiel';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import { QueueRefusal } from '../domain/queueRefusal';
import { FairBulkhead, QueueFullError } from './fairBulkhead';
import type { UpstreamCall, UpstreamRequest, UpstreamResponse } from './types';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import { AttemptOutcome, isRetryable, retryDelayMs } from './retryDecision';

export interface StorePolicySettings {
  platformName: string;
  storeId: string;
  /** Told of every retry and every change of the circuit's state (metrics). */
  observe?: UpstreamObserver;
  maxConcurrent: number;
  maxQueued: number;
  maxQueuedPerClient: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  breakerFailureThreshold: number;
  breakerHalfOpenAfterMs: number;
}

const BREAKER_STATES = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
} as const;

/** The least time worth starting another attempt in. */
const MIN_ATTEMPT_MS = 50;

/** The tenant of calls that name none (work outside any client's request). */
const NO_TENANT = '';

/**
 * One store's resilience: retries inside the request's deadline and a circuit breaker that stops calling
 * a platform that keeps failing (cockatiel), and a bulkhead that caps the store's requests in flight and
 * shares them fairly between the clients calling (fairBulkhead.ts) — so one failing or slow store costs
 * the others nothing, and one busy client costs the store's other clients no more than their share.
 */
export class StorePolicy {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: FairBulkhead;

  constructor(private readonly settings: StorePolicySettings) {
    this.breaker = circuitBreaker(
      handleWhen(isUnavailable).orWhenResult((response) => (response as UpstreamResponse).status >= 500),
      { halfOpenAfter: settings.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(settings.breakerFailureThreshold) },
    );
    this.bulkhead = new FairBulkhead({ maxConcurrent: settings.maxConcurrent, maxQueued: settings.maxQueued, maxQueuedPerTenant: settings.maxQueuedPerClient });
    const { storeId, platformName: platform, observe } = settings;
    this.breaker.onStateChange((state) => observe?.({ kind: 'breaker', storeId, platform, state: BREAKER_STATES[state] }));
    // Metrics show every store's circuit from the start, not only once it has changed.
    observe?.({ kind: 'breaker', storeId, platform, state: 'closed' });
  }

  /** Runs `attempt` as often as the request, its outcome and the deadline allow. */
  async execute(request: UpstreamRequest, deadline: UpstreamCall, attempt: () => Promise<UpstreamResponse>): Promise<UpstreamResponse> {
    let attemptIndex = 0;
    let nextDelayMs = 0;
    const shouldRetry = (outcome: AttemptOutcome) => {
      if (!isRetryable(request, outcome)) return false;
      nextDelayMs = retryDelayMs(request, outcome, attemptIndex, this.settings.retryBaseDelayMs, this.settings.retryMaxDelayMs);
      attemptIndex += 1;
      return Date.now() + nextDelayMs + MIN_ATTEMPT_MS < deadline.deadlineAt;
    };
    const policy = retry(
      handleWhen((fault) => shouldRetry({ fault })).orWhenResult((response) => shouldRetry({ response: response as UpstreamResponse })),
      { maxAttempts: this.settings.maxRetries, backoff: new DelegateBackoff(() => nextDelayMs) },
    );
    policy.onRetry(() => this.settings.observe?.({ kind: 'retry', storeId: this.settings.storeId, platform: this.settings.platformName }));
    try {
      const tenant = deadline.tenant ?? NO_TENANT;
      return await policy.execute(() => this.bulkhead.run(tenant, deadline.signal, () => this.breaker.execute(attempt)), deadline.signal);
    } catch (error) {
      throw this.asFault(error);
    }
  }

  private asFault(error: unknown): unknown {
    if (error instanceof BrokenCircuitError) {
      return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${this.settings.platformName} keeps failing for this store; calls are paused briefly`, {
        retryable: true,
        retryAfterSeconds: Math.ceil(this.settings.breakerHalfOpenAfterMs / 1000),
      });
    }
    if (error instanceof QueueFullError) {
      const { platformName, storeId } = this.settings;
      const whose = error.scope === 'tenant' ? ' from this client' : '';
      return new QueueRefusal(`Too many requests are waiting for ${platformName}${whose} in the queue of store "${storeId}"`);
    }
    if (error instanceof TaskCancelledError || isAbort(error)) return cancelledFault(this.settings.platformName);
    return error;
  }
}

/** A call given up because its GraphQL request ended (its deadline passed, it was answered or its client left). */
export function cancelledFault(platformName: string): GatewayFault {
  return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${platformName} did not answer in time`, { retryable: true });
}

/** The reason an aborted signal rejects with (AbortSignal.timeout's TimeoutError, or an AbortError). */
function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function isUnavailable(error: Error): boolean {
  return error instanceof GatewayFault && error.code === ErrorCode.UPSTREAM_UNAVAILABLE;
}
