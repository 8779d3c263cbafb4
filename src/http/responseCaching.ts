import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';

/**
 * Cache-Control from cache hints: a query answered without errors may be kept `defaultMaxAge` seconds
 * by browsers and CDNs (`max-age=N, public`, which makes hash-only APQ GETs cacheable); anything else
 * is `no-store`. Apollo's plugin leaves out responses with errors but would give a mutation's payload
 * the default age too, so mutations are made uncacheable here: a cached write is a write not done.
 */
export function responseCaching(defaultMaxAge: number): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge }),
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, overallCachePolicy }) {
            if (operation?.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
          },
        };
      },
    },
  ];
}
