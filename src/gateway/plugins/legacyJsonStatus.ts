import type { ApolloServerPlugin } from '@apollo/server';

/** The codes of a well-formed request whose document or variables GraphQL refused before running it. */
const REQUEST_ERROR_CODES: ReadonlySet<unknown> = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * GraphQL over HTTP: a client that reads only `application/json` (or sends no Accept, the spec's legacy
 * rule) cannot tell a GraphQL error from a broken endpoint by a 4xx, so parse, validation and variable
 * errors answer 200 with `errors` for it. Clients that accept `application/graphql-response+json` keep
 * Apollo's 400s; malformed requests (bad JSON, no query) stay 400 for everyone.
 */
export function legacyJsonStatus(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      if (!acceptsOnlyJson(request.http?.headers.get('accept'))) return;
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length > 0 && errors.every((error) => REQUEST_ERROR_CODES.has(error.extensions?.code))) response.http.status = 200;
        },
      };
    },
  };
}

/** Whether the Accept header names application/json and no range that takes application/graphql-response+json. */
function acceptsOnlyJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const ranges = accept.split(',').flatMap((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    // q=0 is "not acceptable".
    return params.some((param) => /^q=0(\.0*)?$/.test(param)) ? [] : [type];
  });
  return ranges.includes('application/json') && !ranges.some((type) => type === 'application/graphql-response+json' || type === 'application/*' || type === '*/*');
}
