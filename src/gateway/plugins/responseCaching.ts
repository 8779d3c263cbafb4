import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Cache-Control from cache hints: a query answered without errors may be kept `defaultMaxAge` seconds
 * by browsers and CDNs (`max-age=N, public`, which makes hash-only APQ GETs cacheable); anything else
 * is `no-store`. Apollo's plugin leaves out responses with errors but would give a mutation's payload
 * the default age too, so mutations are made uncacheable here: a cached write is a write not done.
 *
 * With a default age of 0 (the default) no answer can be cacheable, the schema having no cache hints,
 * so every answer is `no-store` without Apollo's plugin (which Apollo installs unless told not to): its
 * hook on every resolved field makes Apollo wrap each resolver of the schema, a cost per field of every query.
 */
export function responseCaching(defaultMaxAge: number): ApolloServerPlugin[] {
  if (defaultMaxAge === 0) return [ApolloServerPluginCacheControlDisabled(), neverCacheable];
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

/** What Apollo's plugin answers when nothing is cacheable: `no-store`, unless another plugin chose a header. */
const neverCacheable: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const current = response.http.headers.get('cache-control');
        if (current === undefined || current === 'no-store' || /^max-age=\d+, (public|private)$/.test(current)) {
          response.http.headers.set('cache-control', 'no-store');
        }
      },
    };
  },
};
