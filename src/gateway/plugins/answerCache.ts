import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { EntityCache } from '../../cache/entityCache';
import type { AnswerSlot, GatewayContext } from '../context';
import { passesCsrfPrevention } from './browserSecurity';

/** A query's answer as it was sent, with the headers that describe it. */
interface StoredAnswer {
  body: string;
  cacheControl?: string;
  vary?: string;
}

/** The answer cache's hooks: Fastify's lookup (preHandler) and keep (onSend), and the Apollo plugin that marks answers keepable. */
export interface AnswerCache {
  lookup(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown>;
  plugin: ApolloServerPlugin<GatewayContext>;
}

declare module 'fastify' {
  interface FastifyRequest {
    answerSlot: AnswerSlot | null;
  }
}

export interface AnswerCacheOptions {
  cache: EntityCache;
  storeIds: readonly string[];
  ttlMs: number;
  /** Apollo's CSRF prevention is on: answers given before Apollo runs must obey it too. */
  csrfPrevention: boolean;
  /** Told of every answer served from the cache (the request's log line and metrics). */
  onHit(request: FastifyRequest, reply: FastifyReply, operationName: string | undefined): void;
}

/**
 * Whole answers of queries, kept under the generations of every store: any mutation through any
 * replica moves its store's generation on, so no answer from before it is found again. A repeated query
 * is answered before GraphQL runs at all (no parsing, validation or execution); a miss costs a hash and
 * one cache read. Only error-free query answers are kept, and the client's name is part of the key, as
 * clients see different stores.
 */
export function answerCache({ cache, storeIds, ttlMs, csrfPrevention, onHit }: AnswerCacheOptions): AnswerCache {
  const lookup = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const params = passesCsrfPrevention(csrfPrevention, request.headers) ? graphqlParams(request) : undefined;
    if (!params) return;
    const generations = await cache.generations(storeIds).catch(() => undefined);
    if (!generations) return;
    const digest = createHash('sha256')
      .update(JSON.stringify([request.client?.name ?? '', params.query ?? '', params.persistedHash ?? '', params.operationName ?? '', params.variables ?? null]))
      .digest('base64url');
    const key = `answer:${generations.join('.')}:${digest}`;
    const [stored] = (await cache.getMany([key]).catch(() => [undefined])) as Array<StoredAnswer | undefined>;
    if (!stored) {
      request.answerSlot = { key, cacheable: false };
      return;
    }
    void reply.header('content-type', 'application/json; charset=utf-8');
    if (stored.cacheControl) void reply.header('cache-control', stored.cacheControl);
    if (stored.vary) void reply.header('vary', stored.vary);
    onHit(request, reply, params.operationName);
    await reply.send(stored.body);
  };

  const keep = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const slot = request.answerSlot;
    if (slot?.cacheable && reply.statusCode === 200 && typeof payload === 'string') {
      const answer: StoredAnswer = { body: payload, cacheControl: headerText(reply, 'cache-control'), vary: headerText(reply, 'vary') };
      // Not awaited: a failed fill costs a later miss, never this answer.
      cache.setMany([[slot.key, answer]], ttlMs).catch(() => undefined);
    }
    return payload;
  };

  /** Marks an answer keepable once Apollo has run a query to completion without an error. */
  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const slot = contextValue.answerSlot;
          if (slot && operation?.operation === 'query' && response.body.kind === 'single' && !response.body.singleResult.errors) slot.cacheable = true;
        },
      };
    },
  };

  return { lookup, keep, plugin };
}

interface GraphQLParams {
  query?: string;
  persistedHash?: string;
  operationName?: string;
  variables?: unknown;
}

/** The operation a POST body or GET query string names; undefined for anything else (the explorer page). */
function graphqlParams(request: FastifyRequest): GraphQLParams | undefined {
  if (request.method === 'POST') {
    const body = request.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    return paramsOf(body.query, body.operationName, body.variables, body.extensions);
  }
  if (request.method === 'GET') {
    const search = request.query as Record<string, string | undefined>;
    const parsed = (text: string | undefined) => {
      try {
        return text === undefined ? undefined : (JSON.parse(text) as unknown);
      } catch {
        return undefined;
      }
    };
    return paramsOf(search.query, search.operationName, parsed(search.variables) ?? search.variables, parsed(search.extensions));
  }
  return undefined;
}

function paramsOf(query: unknown, operationName: unknown, variables: unknown, extensions: unknown): GraphQLParams | undefined {
  const persistedHash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  const params = {
    query: typeof query === 'string' ? query : undefined,
    persistedHash: typeof persistedHash === 'string' ? persistedHash : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables,
  };
  return params.query || params.persistedHash ? params : undefined;
}

function headerText(reply: FastifyReply, name: string): string | undefined {
  const value = reply.getHeader(name);
  return value === undefined ? undefined : String(value);
}
