import { Pool } from 'undici';
import { handleWhenResult, retry, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';
import { retryAfterSecondsOf, transportFault } from './upstreamFaults';

export interface UpstreamClientOptions {
  /** e.g. https://app.ecwid.com/api/v3/4870020: paths are appended to it. */
  baseUrl: string;
  /** Sent with every request (the platform's Authorization). Never logged. */
  headers: Record<string, string>;
  /** Name used in fault messages, e.g. "Ecwid". */
  platformName: string;
  /** Longest wait for one attempt's answer. */
  attemptTimeoutMs: number;
  /** Keep-alive connections to the platform. */
  connections: number;
  /** 429 answers retried, at most, when Retry-After fits in the request's deadline. */
  maxRateLimitRetries: number;
}

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface Deadline {
  signal: AbortSignal;
  deadlineAt: number;
}

/**
 * HTTP to one store's platform: a keep-alive pool, a timeout per attempt inside the GraphQL request's
 * deadline, and 429s retried after their Retry-After while the deadline allows (a 429 applied nothing,
 * so writes are as safe to retry as reads). Transport failures become UPSTREAM_UNAVAILABLE faults.
 */
export class UpstreamClient {
  private readonly pool: Pool;
  private readonly basePath: string;

  constructor(private readonly options: UpstreamClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pool = new Pool(url.origin, { connections: options.connections, keepAliveTimeout: 30_000 });
  }

  async send(request: UpstreamRequest, deadline: Deadline): Promise<UpstreamResponse> {
    const policy = retry(
      handleWhenResult((response) => {
        const { status } = response as UpstreamResponse;
        const wait = retryAfterSecondsOf(response as UpstreamResponse) ?? 1;
        return status === 429 && Date.now() + wait * 1000 < deadline.deadlineAt;
      }),
      { maxAttempts: this.options.maxRateLimitRetries, backoff: retryAfterBackoff },
    );
    return policy.execute(() => this.attempt(request, deadline), deadline.signal);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async attempt(request: UpstreamRequest, deadline: Deadline): Promise<UpstreamResponse> {
    const timeoutMs = Math.max(1, Math.min(this.options.attemptTimeoutMs, deadline.deadlineAt - Date.now()));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([deadline.signal, timeout]);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...request.headers };
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
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      throw transportFault(this.options.platformName, error, signal.aborted);
    }
  }
}

/** Waits what the platform's Retry-After asks (1 s when it names none). */
const retryAfterBackoff: IBackoffFactory<IRetryBackoffContext<unknown>> = {
  next(context) {
    const response = 'value' in context.result ? (context.result.value as UpstreamResponse) : undefined;
    const seconds = (response && retryAfterSecondsOf(response)) ?? 1;
    return { duration: seconds * 1000, next: retryAfterBackoff.next };
  },
};

function queryString(query: UpstreamRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
