import type { Lease } from '../locks/lease';
import type { UpstreamObserver } from '../observability/upstreamTiming';

/** One request to a platform, relative to the store's base URL. */
export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** A read sent as another method (SFCC's search POST): retried and shared like a GET. */
  read?: boolean;
  /** A write that repeating cannot harm (a whole-list replace, an assign of the same ids). */
  idempotent?: boolean;
  /** The platform's way of saying a write was not applied, so it is safe to send again. */
  notApplied?: (response: UpstreamResponse) => boolean;
  /**
   * The platform's own word on when to try again, in ms from now (a reset header of its rate limit);
   * undefined where the answer has none. Read before Retry-After.
   */
  retryAfterMs?: (response: UpstreamResponse) => number | undefined;
}

/** A platform's answer, whatever its status. */
export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** What every upstream call of a GraphQL request carries: its deadline, its observer and, under a category lock, the lock's lease. */
export interface UpstreamCall {
  signal: AbortSignal;
  /** Epoch ms by which the whole GraphQL request must have answered. */
  deadlineAt: number;
  /** Told of every attempt made for this GraphQL request (its log line). */
  observe?: UpstreamObserver;
  /**
   * The lease of the category lock the call runs under: its reads start their own upstream requests
   * (never joining one in flight from before the lock), and each of its writes is fenced by it.
   */
  lease?: Lease;
}
