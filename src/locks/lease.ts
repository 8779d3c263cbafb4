import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';

/**
 * The hold a piece of work has on a category lock while it runs. The lock hands it to the work, which
 * passes it on with its upstream calls; the upstream client confirms it before every write it sends
 * (the fencing check).
 */
export interface Lease {
  /** Resolves while the lock is still held (and keeps it held a full TTL more); throws LeaseLostError otherwise. */
  confirm(): Promise<void>;
}

/**
 * The lock was lost (it expired while its holder stalled, or its store cannot be reached), so a write
 * must not be sent. Deliberately not a GatewayFault: the store's retries and circuit breaker, which
 * count platform failures, leave it alone; the upstream client turns it into one (`toFault`).
 */
export class LeaseLostError extends Error {
  constructor(readonly reason: 'expired' | 'unreachable') {
    super(reason === 'expired' ? "the category's lock expired before the write" : "the category's lock could not be confirmed");
    this.name = 'LeaseLostError';
  }

  /** UPSTREAM_UNAVAILABLE: nothing was written, and the same mutation may simply be sent again. */
  toFault(): GatewayFault {
    return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, `The write was not sent: ${this.message}; try again`, { retryable: true, retryAfterSeconds: 1 });
  }
}
