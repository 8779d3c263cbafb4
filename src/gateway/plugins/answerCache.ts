import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { createHash } from 'node:crypto';
import type { Client } from '../../auth/client';
import { SCOPES } from '../../auth/scopes';
import type { EntityCache } from '../../cache/entityCache';
import { requestIdFrom, type AnswerMiss, type GatewayContext } from '../context';
import type { RequestRecord } from './requestObservability';
import type { OperationCost } from './upstreamBudget';

/** A query's result as it was answered, with what a repeat of it needs besides the data. */
interface StoredAnswer {
  /** The result's data, as JSON text: written into a replay as it is. */
  data: string;
  /** The cache policy Apollo gave it, and the Cache-Control header it made of it. */
  cachePolicy?: { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' };
  cacheControl?: string;
  /** The operation's own name (a request may leave it out), for the log line and metrics. */
  operationName: string | null;
  /** What the budget priced the operation at: a repeat is charged it, and given it back, like any answer. */
  requestedCost?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The replay's lookup found nothing: Apollo's lookup of the same key need not read again. */
    answerMiss: AnswerMiss | null;
  }
}

export interface AnswerCacheOptions {
  cache: EntityCache;
  ttlMs: number;
  /** server.requestTimeoutMs: the longest a repeat waits for the same query already running. */
  requestTimeoutMs: number;
  /** Every configured store's id: a client's reach is part of an answer's key. */
  storeIds: readonly string[];
  /** Has the client's budget pay a replayed answer's price (upstreamBudget.ts); undefined when the budget would refuse it. */
  chargeReplay(client: Client | null, callerAddress: string, requestedCost: number): Promise<OperationCost | undefined>;
  /** The request's log line and metrics (requestObservability.ts). */
  record(record: RequestRecord): void;
}

export interface AnswerCache {
  /** Keeps error-free query answers, and answers the repeats the replay left to Apollo. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** A preHandler of POST /graphql: replays a kept answer to a plain repeat before Apollo runs. */
  replay: preHandlerAsyncHookHandler;
}

/**
 * Whole results of queries, each tagged with everything its execution read (the entity cache's tags, of
 * every store it reached) and stamped with the cache's clock before execution began: a write, through any
 * replica, or a webhook purges the tags it touched, so no answer that read what it changed is found again,
 * and every other answer stays. The key holds what the client may reach (its stores and scopes), not its
 * name: once a client's config is narrowed, none of the answers it was given before is found. Only
 * error-free query answers are kept, without their extensions, which belong to the request that carries them.
 *
 * A repeat is answered in one of two places. A plain POST (a JSON body of query, operationName and
 * variables, an Accept the replay knows) repeating a kept answer is replayed before Apollo runs: the same
 * key means the same text, operation and variables from a client of the same reach, which passed Apollo's
 * checks, the operation limits and the scopes when it was answered, and passes them again; authentication
 * and the input checks ran before, and the budget is charged here. Everything else (APQ, GET, other Accept
 * headers, traced gateways) goes through Apollo, which skips only execution for a kept answer.
 */
export function answerCache({ cache, ttlMs, requestTimeoutMs, storeIds, chargeReplay, record }: AnswerCacheOptions): AnswerCache {
  const reachOf = reachKeys(storeIds);
  /** Keys being answered by a request now: settled once its answer is kept (or proved not keepable). */
  const running = new Map<string, Promise<void>>();
  /** Marks `key` as being answered; the function returned releases those waiting (at the latest after the request's deadline). */
  const claimKey = (key: string): (() => void) => {
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    running.set(key, answered);
    const timer = setTimeout(() => settle(), requestTimeoutMs).unref();
    const settle = () => {
      clearTimeout(timer);
      if (running.get(key) === answered) running.delete(key);
      release();
    };
    return settle;
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      /** Set on a miss: where this request's answer is kept once it proves error-free, the clock before it ran, and who waits for it. */
      let missed: { key: string; stamp: number; settle(): void } | undefined;
      return {
        async responseForOperation({ operation, request, source, contextValue, overallCachePolicy }) {
          // Apollo's type says an operation is there; with an unknown operationName there is none, and execution reports it.
          if ((operation as typeof operation | undefined)?.operation !== 'query') return null;
          const key = answerKey(reachOf(contextValue.client), source, request.operationName, request.variables);
          // The same query already running (many clients missing together after a write): its answer, not a second
          // execution. The first to ask claims the key before it reads, so those arriving meanwhile wait for it.
          const leader = running.get(key);
          const claim = leader ? undefined : claimKey(key);
          if (leader) await leader;
          // Missed by the replay a moment ago: nothing to read again, and its clock, older, is a safe stamp.
          const replayed = !leader && contextValue.answerMiss?.key === key ? contextValue.answerMiss : undefined;
          const read = replayed ? { clock: replayed.clock, entries: [] } : await cache.read([key]).catch(() => undefined);
          const stored = read?.entries[0]?.value as StoredAnswer | undefined;
          if (!read || !stored) {
            if (read) missed = { key, stamp: read.clock, settle: claim ?? (() => {}) };
            else claim?.();
            return null;
          }
          claim?.();
          contextValue.answerCache = 'hit';
          if (stored.cachePolicy) overallCachePolicy.replace(stored.cachePolicy);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: JSON.parse(stored.data) } } };
        },
        async willSendResponse({ response, operation, overallCachePolicy, contextValue }) {
          if (!missed) return;
          const { key, stamp, settle } = missed;
          if (response.body.kind !== 'single' || response.body.singleResult.errors || !response.body.singleResult.data) return settle();
          const answer: StoredAnswer = {
            data: JSON.stringify(response.body.singleResult.data),
            cachePolicy: overallCachePolicy.policyIfCacheable() ?? undefined,
            cacheControl: response.http.headers.get('cache-control'),
            operationName: operation?.name?.value ?? null,
            requestedCost: contextValue.requestedCost,
          };
          // Not awaited by this request: a failed fill costs a later miss, never this answer. Those waiting read it once written.
          cache
            .write([[key, { value: answer, tags: contextValue.sessions.readTags(), stamp }]], ttlMs)
            .catch(() => undefined)
            .finally(settle);
        },
      };
    },
  };

  const replay: preHandlerAsyncHookHandler = async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/graphql') return;
    const contentType = REPLAYED_MEDIA_TYPES.get(request.headers.accept ?? '');
    if (!contentType || request.headers[FEDERATION_TRACE_HEADER] !== undefined) return;
    const operation = plainOperation(request.body);
    if (!operation) return;
    const key = answerKey(reachOf(request.client), operation.query, operation.operationName, operation.variables);
    const read = await cache.read([key]).catch(() => undefined);
    const stored = read?.entries[0]?.value as StoredAnswer | undefined;
    if (read && !stored) request.answerMiss = { key, clock: read.clock };
    if (stored?.requestedCost === undefined) return;
    const cost = await chargeReplay(request.client, request.ip, stored.requestedCost);
    // Throttled or over a limit: Apollo's pipeline gives the refusal.
    if (!cost) return;
    const requestId = requestIdFrom(request.headers['x-request-id']);
    record({
      reqId: requestId,
      client: request.client?.name,
      operationName: stored.operationName ?? 'anonymous',
      operationType: 'query',
      durationMs: reply.elapsedTime,
      upstream: [],
      answerCache: 'hit',
    });
    if (stored.cacheControl) void reply.header('cache-control', stored.cacheControl);
    return reply
      .header('content-type', contentType)
      .header('x-request-id', requestId)
      .send(`{"data":${stored.data},"extensions":${JSON.stringify({ cost })}}\n`);
  };

  return { plugin, replay };
}

/** The Accept headers a replay answers, and the media type Apollo would choose for each; any other goes to Apollo. */
const REPLAYED_MEDIA_TYPES = new Map([
  ['', 'application/json; charset=utf-8'],
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json,application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
]);

/** A federation gateway asking for the subgraph's trace: only Apollo's pipeline makes one. */
const FEDERATION_TRACE_HEADER = 'apollo-federation-include-trace';

function answerKey(reach: string, source: string, operationName: unknown, variables: unknown): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([reach, source, operationName ?? '', variables ?? null]))
    .digest('base64url');
  return `answer:${digest}`;
}

/**
 * What a client may reach, as key text: the stores and scopes an answer was computed for (everything on an
 * open gateway). Clients are fixed by the config, so each one's is worked out once.
 */
function reachKeys(storeIds: readonly string[]): (client: Client | null) => string {
  const open = JSON.stringify([storeIds, SCOPES]);
  const byClient = new WeakMap<Client, string>();
  return (client) => {
    if (!client) return open;
    let reach = byClient.get(client);
    if (reach === undefined) {
      reach = JSON.stringify([storeIds.filter((id) => client.mayReach(id)), SCOPES.filter((scope) => client.has(scope))]);
      byClient.set(client, reach);
    }
    return reach;
  };
}

/** A POST body as a replay takes it: query text, operation name and variables only (no APQ or other extensions). */
function plainOperation(body: unknown): { query: string; operationName: unknown; variables: unknown } | undefined {
  if (!isPlainObject(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string' || extensions !== undefined) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && !isPlainObject(variables)) return undefined;
  return { query, operationName, variables };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
