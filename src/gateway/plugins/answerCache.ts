import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';
import { SCOPES } from '../../auth/scopes';
import type { EntityCache } from '../../cache/entityCache';
import type { GatewayContext } from '../context';

/** A query's result as it was answered, and the cache policy Apollo gave it (its Cache-Control). */
interface StoredAnswer {
  data: Record<string, unknown>;
  cachePolicy?: { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' };
}

export interface AnswerCacheOptions {
  cache: EntityCache;
  ttlMs: number;
}

/**
 * Whole results of queries, each tagged with everything its execution read (the entity cache's tags, of
 * every store it reached) and stamped with the cache's clock before execution began: a write, through any
 * replica, or a webhook purges the tags it touched, so no answer that read what it changed is found again,
 * and every other answer stays. Only execution is
 * skipped: a repeated query still goes through everything an uncached one does (Apollo's request checks,
 * parsing and validation, both memoized by Apollo, the operation limits, the client's scope and budget),
 * and its answer is written for this request's Accept like any other. The key holds what the client may
 * reach (its stores and scopes), not its name: once a client's config is narrowed, none of the answers it
 * was given before is found. Only error-free query answers are kept, without their extensions, which
 * belong to the request that carries them.
 */
export function answerCache({ cache, ttlMs }: AnswerCacheOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      /** Set on a miss: where this request's answer is kept once it proves error-free, and the clock before it ran. */
      let missed: { key: string; stamp: number } | undefined;
      return {
        async responseForOperation({ operation, request, source, contextValue, overallCachePolicy }) {
          // Apollo's type says an operation is there; with an unknown operationName there is none, and execution reports it.
          if ((operation as typeof operation | undefined)?.operation !== 'query') return null;
          const digest = createHash('sha256')
            .update(JSON.stringify([reach(contextValue), source, request.operationName ?? '', request.variables ?? null]))
            .digest('base64url');
          const key = `answer:${digest}`;
          const read = await cache.read([key]).catch(() => undefined);
          if (!read) return null;
          const stored = read.entries[0]?.value as StoredAnswer | undefined;
          if (!stored) {
            missed = { key, stamp: read.clock };
            return null;
          }
          contextValue.answerCache = 'hit';
          if (stored.cachePolicy) overallCachePolicy.replace(stored.cachePolicy);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: stored.data } } };
        },
        async willSendResponse({ response, overallCachePolicy, contextValue }) {
          if (!missed || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors || !data) return;
          const answer: StoredAnswer = { data, cachePolicy: overallCachePolicy.policyIfCacheable() ?? undefined };
          const entry = { value: answer, tags: contextValue.sessions.readTags(), stamp: missed.stamp };
          // Not awaited: a failed fill costs a later miss, never this answer.
          cache.write([[missed.key, entry]], ttlMs).catch(() => undefined);
        },
      };
    },
  };
}

/** What a client may reach: the stores and scopes an answer was computed for (everything on an open gateway). */
function reach({ client, sessions }: GatewayContext): [stores: string[], scopes: string[]] {
  const scopes = client ? SCOPES.filter((scope) => client.has(scope)) : [...SCOPES];
  return [sessions.stores().map((store) => store.id), scopes];
}
