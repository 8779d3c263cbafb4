import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Client } from '../auth/client';
import { RequestSessions } from '../loaders/requestSessions';
import type { StoreDirectory } from '../loaders/store';
import { RequestTrace } from '../observability/requestTrace';
import type { UpstreamEvent, UpstreamTiming } from '../observability/upstreamTiming';
import type { SchemaContext } from '../schema/context';

/** The request context: what resolvers need (SchemaContext) and what the plugins carry through a request. */
export interface GatewayContext extends SchemaContext {
  /** Who sent the request (its API key's client); null when the gateway runs open. */
  client: Client | null;
  /** From the client's x-request-id, or made up; in the response header and every log line. */
  requestId: string;
  /** Every upstream attempt this request made, for its log line. */
  upstreamTimings: UpstreamTiming[];
  /** The request's place in the caller's trace; every upstream attempt carries it on. */
  trace: RequestTrace;
  /** What the budget priced the operation at, in upstream requests (plugins/upstreamBudget.ts). */
  requestedCost?: number;
  /** Set when the answer cache answered the request (its log line says so). */
  answerCache?: 'hit';
  /** The answer cache's lookup before Apollo ran, when it found nothing: its key and the cache's clock then. */
  answerMiss?: AnswerMiss;
  /** The caller's address (Fastify's request.ip): whose budget an open gateway's request spends. */
  callerAddress?: string;
}

export interface AnswerMiss {
  key: string;
  clock: number;
}

export interface RequestContextOptions {
  stores: StoreDirectory;
  requestTimeoutMs: number;
}

/** A new request's context: its deadline, its store sessions (checked against `client`) and its request id. */
export function createRequestContext(
  { stores, requestTimeoutMs }: RequestContextOptions,
  request: {
    clientRequestId: string | string[] | undefined;
    client: Client | null;
    /** The request's headers, read for its W3C trace context (traceparent, tracestate). */
    traceHeaders?: Record<string, string | string[] | undefined>;
    /** The caller's address: on an open gateway, stores are shared fairly between addresses. */
    callerAddress?: string;
    /** The HTTP answer: once it is sent, or its connection is gone, the request's upstream work is dropped. */
    response?: ServerResponse;
    answerMiss?: AnswerMiss;
  },
): GatewayContext {
  const upstreamTimings: UpstreamTiming[] = [];
  const trace = new RequestTrace(request.traceHeaders);
  const signal = requestEnd(requestTimeoutMs, request.response);
  const deadline = {
    signal,
    deadlineAt: Date.now() + requestTimeoutMs,
    trace,
    tenant: request.client ? `client:${request.client.name}` : `address:${request.callerAddress ?? ''}`,
    observe: (event: UpstreamEvent) => {
      if (event.kind === 'attempt') upstreamTimings.push(event.timing);
    },
  };
  return {
    sessions: new RequestSessions(stores, deadline, request.client),
    client: request.client,
    requestId: requestIdFrom(request.clientRequestId),
    upstreamTimings,
    trace,
    callerAddress: request.callerAddress,
    answerMiss: request.answerMiss,
  };
}

/**
 * The request's end, as a signal: its deadline passed, its answer sent or its client gone. Its upstream
 * work listens to it, queued calls leave their queue and attempts in flight are aborted. A plain timer,
 * not `AbortSignal.timeout`, which Node may collect while only `AbortSignal.any` refers to it.
 */
function requestEnd(timeoutMs: number, response: ServerResponse | undefined): AbortSignal {
  const end = new AbortController();
  // Every upstream attempt of the request listens to its end: dozens is normal, not a leak.
  setMaxListeners(0, end.signal);
  const timer = setTimeout(() => end.abort(new DOMException('The request timed out', 'TimeoutError')), timeoutMs).unref();
  const ended = () => {
    clearTimeout(timer);
    end.abort(new DOMException('The request has ended', 'AbortError'));
  };
  if (response?.destroyed) ended();
  else response?.once('close', ended);
  return end.signal;
}

/** The client's x-request-id when it is a sane token (it goes into logs), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && /^[\w.-]{1,64}$/.test(candidate) ? candidate : randomUUID();
}
