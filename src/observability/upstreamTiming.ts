/** One attempt of one upstream request, as logs and metrics see it (never headers, bodies or tokens). */
export interface UpstreamTiming {
  storeId: string;
  platform: string;
  method: string;
  /** The path below the store's baseUrl, without the query string. */
  path: string;
  /** The path's template (e.g. /categories/{id}), where the endpoint gives one. */
  route?: string;
  /** The HTTP status, or undefined when no answer came (timeout, refused, reset). */
  status?: number;
  /** Epoch ms when the attempt started, and how long it took. */
  startedAt: number;
  durationMs: number;
}

export type UpstreamEvent =
  | { kind: 'attempt'; timing: UpstreamTiming }
  | { kind: 'retry'; storeId: string; platform: string }
  | { kind: 'breaker'; storeId: string; platform: string; state: 'closed' | 'open' | 'half-open' }
  | { kind: 'throttled'; storeId: string; platform: string };

/** Receives what the upstream layer does: process-wide (metrics) and per GraphQL request (its log line). */
export type UpstreamObserver = (event: UpstreamEvent) => void;
