import { Context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';

/** Incubating in the semantic conventions, so spelled here rather than imported (the package may rename it). */
const ATTR_URL_TEMPLATE = 'url.template';

const w3c = new W3CTraceContextPropagator();

/** One upstream attempt as its client span describes it. */
export interface AttemptStart {
  storeId: string;
  method: string;
  /** The path's template, e.g. /categories/{id}; the span is named by the method alone without one. */
  route?: string;
  /** The store's base URL, e.g. https://app.ecwid.com/api/v3/4870020. */
  baseUrl: string;
  /** Below the base URL, without the query string. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
}

/** The trace of one upstream attempt: the headers that carry it to the platform, and its end. */
export interface AttemptTrace {
  headers: Record<string, string>;
  /** `status` when the platform answered, else the error that stopped the attempt. */
  end(status: number | undefined, error?: unknown): void;
}

/**
 * One GraphQL request's place in a distributed trace (W3C Trace Context). It starts as the caller's
 * context (its `traceparent` and `tracestate`, ignored when malformed); once tracing opens the operation
 * span, upstream attempts are that span's children, each with a client span of its own. With tracing
 * off, attempts carry the caller's context on unchanged, so the platform's spans still join the
 * caller's trace.
 */
export class RequestTrace {
  private parent: Context;
  private tracer?: Tracer;

  constructor(headers: Record<string, string | string[] | undefined> = {}) {
    this.parent = w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  }

  /** The caller's context: the operation span's parent. */
  get context(): Context {
    return this.parent;
  }

  /** From now on upstream attempts are children of `span`, each traced by `tracer`. */
  enter(span: Span, tracer: Tracer): void {
    this.parent = trace.setSpan(this.parent, span);
    this.tracer = tracer;
  }

  startAttempt(attempt: AttemptStart): AttemptTrace {
    if (!this.tracer) return { headers: traceHeaders(this.parent), end: () => undefined };
    const url = new URL(attempt.baseUrl);
    const span = this.tracer.startSpan(
      attempt.route ? `${attempt.method} ${attempt.route}` : attempt.method,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: attempt.method,
          [ATTR_SERVER_ADDRESS]: url.hostname.replace(/^\[(.*)\]$/, '$1'),
          [ATTR_SERVER_PORT]: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
          [ATTR_URL_FULL]: fullUrl(url, attempt.path, attempt.query),
          ...(attempt.route && { [ATTR_URL_TEMPLATE]: attempt.route }),
          'categraph.store': attempt.storeId,
        },
      },
      this.parent,
    );
    return {
      headers: traceHeaders(trace.setSpan(this.parent, span)),
      end: (status, error) => {
        if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        const errorType = status === undefined ? transportErrorType(error) : status >= 400 ? String(status) : undefined;
        if (errorType) {
          span.setAttribute(ATTR_ERROR_TYPE, errorType);
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      },
    };
  }
}

function traceHeaders(context: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  w3c.inject(context, headers, defaultTextMapSetter);
  return headers;
}

/** Query parameters whose values are credentials by their name: their values never reach a trace. */
const SECRET_PARAMETER = /token|key|secret|password|sig|auth/i;

/** The URL the attempt went to, without credentials: the origin drops user info, secret parameters are redacted. */
function fullUrl(base: URL, path: string, query: AttemptStart['query']): string {
  const url = new URL(base.origin + base.pathname.replace(/\/$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, SECRET_PARAMETER.test(name) ? 'REDACTED' : String(value));
  }
  return url.href;
}

/** A low-cardinality name for why no answer came: a timeout, or the transport's error code. */
function transportErrorType(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  return typeof code === 'string' ? code : '_OTHER';
}
