import { Pool } from 'undici';
import { GatewayFault } from '../domain/gatewayFault';
import { ErrorCode } from '../domain/errorCode';
import { Lease, LeaseLostError } from '../locks/lease';
import type { UpstreamTiming } from '../observability/upstreamTiming';
import { attemptSignal } from './attemptSignal';
import { readBoundedText } from './boundedBody';
import { InFlightReads } from './inFlightReads';
import { isRead } from './retryDecision';
import { cancelledFault, StorePolicy, StorePolicySettings } from './storePolicy';
import type { RateLimiter } from './tokenRateLimiter';
import type { UpstreamCall, UpstreamRequest, UpstreamResponse } from './types';
import { answerTooLargeFault, transportFault } from './upstreamFaults';

export interface UpstreamClientOptions extends StorePolicySettings {
  /** e.g. https://app.ecwid.com/api/v3/4870020: paths are appended to it. */
  baseUrl: string;
  /** Sent with every request (the platform's Authorization). Never logged. */
  headers: Record<string, string>;
  /** Longest wait for one attempt's answer, its whole body included. */
  attemptTimeoutMs: number;
  /** Largest answer body read; a larger one is refused as it streams in (UPSTREAM_ERROR). */
  maxResponseBytes: number;
  /** Keep-alive connections to the platform. */
  connections: number;
  /** The quota of the store's token, shared with other stores on the same token; none when absent. */
  rateLimiter?: RateLimiter;
}

/**
 * HTTP to one store's platform: a keep-alive pool, a timeout per attempt inside the GraphQL request's
 * deadline, the store's policy (retries, breaker, bulkhead), the token's rate limit, and identical reads
 * in flight shared. Transport failures become UPSTREAM_UNAVAILABLE faults; statuses are the adapter's.
 */
export class UpstreamClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly policy: StorePolicy;
  private readonly inFlight = new InFlightReads<UpstreamResponse>();

  constructor(private readonly options: UpstreamClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pool = new Pool(url.origin, { connections: options.connections, keepAliveTimeout: 30_000 });
    this.policy = new StorePolicy(options);
  }

  send(request: UpstreamRequest, deadline: UpstreamCall): Promise<UpstreamResponse> {
    const { lease } = deadline;
    const run = (call: UpstreamCall) => this.policy.execute(request, call, () => this.attempt(request, call, lease)).catch(leaseLostAsFault);
    // Under a category lock a read must see every write made before the lock was taken, so it never
    // joins a read already in flight, which may have started before the last holder's write.
    if (!isRead(request) || lease) return run(deadline);
    const key = `${request.method} ${request.path}${queryString(request.query)} ${JSON.stringify(request.json ?? null)}`;
    // A shared read stops only once every request sharing it has ended; one that ends stops waiting at once.
    return this.inFlight
      .run(key, deadline.signal, (signal) => run({ ...deadline, signal }))
      .catch((error: unknown) => {
        throw deadline.signal.aborted && error === deadline.signal.reason ? cancelledFault(this.options.platformName) : error;
      });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async attempt(request: UpstreamRequest, deadline: UpstreamCall, lease: Lease | undefined): Promise<UpstreamResponse> {
    try {
      await this.options.rateLimiter?.acquire(deadline.signal, this.options.platformName, deadline.deadlineAt);
    } catch (error) {
      if (error instanceof GatewayFault && error.code === ErrorCode.RATE_LIMITED) {
        this.options.observe?.({ kind: 'throttled', storeId: this.options.storeId, platform: this.options.platformName });
      }
      throw error;
    }
    // The fencing check, as late as possible: a holder that lost its category lock sends no write.
    if (lease && !isRead(request)) await lease.confirm();
    const startedAt = Date.now();
    const started = performance.now();
    const { storeId, baseUrl } = this.options;
    const traced = deadline.trace?.startAttempt({ storeId, method: request.method, route: request.route, baseUrl, path: request.path, query: request.query });
    const report = (status: number | undefined, error?: unknown) => {
      const timing: UpstreamTiming = {
        storeId: this.options.storeId,
        platform: this.options.platformName,
        method: request.method,
        path: request.path,
        route: request.route,
        status,
        startedAt,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      traced?.end(status, error);
      this.options.observe?.({ kind: 'attempt', timing });
      deadline.observe?.({ kind: 'attempt', timing });
    };
    const timeoutMs = Math.max(1, Math.min(this.options.attemptTimeoutMs, deadline.deadlineAt - Date.now()));
    const { signal, clear } = attemptSignal(deadline.signal, timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...request.headers, ...traced?.headers };
    let body: string | Buffer | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    } else if (request.body) {
      body = request.body;
      headers['content-type'] = request.contentType ?? 'application/octet-stream';
    }
    try {
      const response = await this.pool.request({
        method: request.method,
        path: this.basePath + request.path + queryString(request.query),
        headers,
        body,
        signal,
      });
      const { maxResponseBytes } = this.options;
      const tooLarge = () => answerTooLargeFault(this.options.platformName, maxResponseBytes, response.statusCode);
      const text = await readBoundedText(response.body, response.headers['content-length'], maxResponseBytes, tooLarge);
      report(response.statusCode);
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      report(undefined, error);
      throw error instanceof GatewayFault ? error : transportFault(this.options.platformName, error, signal.aborted);
    } finally {
      clear();
    }
  }
}

/** A lost lease surfaces as the platform fault the schema layer knows (after retries and breaker ignored it). */
function leaseLostAsFault(error: unknown): never {
  throw error instanceof LeaseLostError ? error.toFault() : error;
}

function queryString(query: UpstreamRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
