import { AsyncLocalStorage } from 'node:async_hooks';
import { ErrorCode } from '../domain/errorCode';
import { PlatformFault } from '../domain/platformFault';

/**
 * The hold a piece of work has on a category lock while it runs. The work does not see it: the lock
 * runs the work inside the lease's async context, and the upstream client confirms the lease before
 * every write it sends (the fencing check), so no adapter carries it around.
 */
export interface Lease {
  /** Resolves while the lock is still held (and keeps it held a full TTL more); throws LeaseLostError otherwise. */
  confirm(): Promise<void>;
}

/**
 * The lock was lost (it expired while its holder stalled, or its store cannot be reached), so a write
 * must not be sent. Deliberately not a PlatformFault: the store's retries and circuit breaker, which
 * count platform failures, leave it alone; the upstream client turns it into one (`toFault`).
 */
export class LeaseLostError extends Error {
  constructor(readonly reason: 'expired' | 'unreachable') {
    super(reason === 'expired' ? "the category's lock expired before the write" : "the category's lock could not be confirmed");
    this.name = 'LeaseLostError';
  }

  /** UPSTREAM_UNAVAILABLE: nothing was written, and the same mutation may simply be sent again. */
  toFault(): PlatformFault {
    return new PlatformFault(ErrorCode.UPSTREAM_UNAVAILABLE, `The write was not sent: ${this.message}; try again`, { retryable: true, retryAfterSeconds: 1 });
  }
}

const scope = new AsyncLocalStorage<Lease>();

/** Runs work holding the lease: every upstream call it makes, however deep, sees it. */
export function runUnderLease<T>(lease: Lease, work: () => Promise<T>): Promise<T> {
  return scope.run(lease, work);
}

/** The lease of the lock the current work runs under, if any. */
export function currentLease(): Lease | undefined {
  return scope.getStore();
}
