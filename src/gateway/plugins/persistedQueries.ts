import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';

/**
 * Automatic Persisted Queries: a client sends a query's SHA-256 alone and the query text only when the
 * gateway answers PERSISTED_QUERY_NOT_FOUND, so mobile requests stay small and hash-only GETs can be
 * cached by CDNs. The queries are kept in their own LRU cache of at most `cacheBytes`; 0 turns APQ off.
 */
export function persistedQueries(cacheBytes: number): ApolloServerOptions<BaseContext>['persistedQueries'] {
  return cacheBytes === 0 ? false : { cache: new InMemoryLRUCache<string>({ maxSize: cacheBytes }) };
}
