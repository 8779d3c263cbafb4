import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Client } from '../auth/client';
import { RequestSessions } from '../loaders/requestSessions';
import type { StoreDirectory } from '../loaders/store';
import type { UpstreamEvent, UpstreamTiming } from '../observability/upstreamTiming';
import type { SchemaContext } from '../schema/context';

/** What the request carries from the answer cache's lookup to its store: its key, and whether its answer may be kept. */
export interface AnswerSlot {
  key: string;
  cacheable: boolean;
}

/** The request context: what resolvers need (SchemaContext) and what the plugins carry through a request. */
export interface GatewayContext extends SchemaContext {
  /** Who sent the request (its API key's client); null when the gateway runs open. */
  client: Client | null;
  /** From the client's x-request-id, or made up; in the response header and every log line. */
  requestId: string;
  /** Every upstream attempt this request made, for its log line. */
  upstreamTimings: UpstreamTiming[];
  /** Where this request's answer is kept in the answer cache, when it is on and missed. */
  answerSlot?: AnswerSlot | null;
}

export interface RequestContextOptions {
  stores: StoreDirectory;
  requestTimeoutMs: number;
}

/** A new request's context: its deadline, its store sessions (checked against `client`) and its request id. */
export function createRequestContext(
  { stores, requestTimeoutMs }: RequestContextOptions,
  request: { clientRequestId: string | string[] | undefined; client: Client | null; answerSlot?: AnswerSlot | null },
): GatewayContext {
  const upstreamTimings: UpstreamTiming[] = [];
  const signal = AbortSignal.timeout(requestTimeoutMs);
  // Every upstream attempt of the request listens to its deadline: dozens is normal, not a leak.
  setMaxListeners(0, signal);
  const deadline = {
    signal,
    deadlineAt: Date.now() + requestTimeoutMs,
    observe: (event: UpstreamEvent) => {
      if (event.kind === 'attempt') upstreamTimings.push(event.timing);
    },
  };
  return {
    sessions: new RequestSessions(stores, deadline, request.client),
    client: request.client,
    requestId: requestIdFrom(request.clientRequestId),
    upstreamTimings,
    answerSlot: request.answerSlot,
  };
}

/** The client's x-request-id when it is a sane token (it goes into logs), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && /^[\w.-]{1,64}$/.test(candidate) ? candidate : randomUUID();
}
