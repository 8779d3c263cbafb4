import type { Lease } from '../locks/lease';
import type { RequestTrace } from '../observability/requestTrace';
import type { UpstreamObserver } from '../observability/upstreamTiming';

/** One request to a platform, relative to the store's base URL. */
export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The path's template, e.g. /categories/{id}: names the attempt's trace span, where ids in the path would make each name unique. */
  route?: string;
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
  /** The GraphQL request's trace: each attempt carries it on to the platform in its `traceparent`. */
  trace?: RequestTrace;
  /**
   * Who the call is made for (a client's name or, on an open gateway, the caller's address): a store's
   * bulkhead is shared fairly between tenants. Calls without one share the store as one tenant.
   */
  tenant?: string;
}
