import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { PlatformFault } from '../domain/platformFault';
import type { GatewayContext } from '../schema/context';
import type { GatewayMetrics } from './metrics';

/**
 * One JSON log line per GraphQL request (request id, operation, duration, error codes, every upstream
 * attempt with its timing) and the request metrics. Unexpected errors, which clients only see as
 * "Internal server error", are logged here with their stack.
 */
export function requestObservability(logger: Logger, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (!(original instanceof PlatformFault) && !(original instanceof GraphQLError)) {
              logger.error({ reqId: contextValue.requestId, err: original, path: error.path }, 'unexpected error in a resolver');
            }
          }
        },
        async willSendResponse({ operationName, operation, errors, response }) {
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const name = operationName ?? 'anonymous';
          const type = operation?.operation ?? 'invalid';
          metrics.observeOperation(name, type, (errors?.length ?? 0) > 0, durationMs / 1000);
          response.http.headers.set('x-request-id', contextValue.requestId);
          logger.info(
            {
              reqId: contextValue.requestId,
              // The client's name from the config, never its key; absent while the gateway runs open.
              client: contextValue.client?.name,
              operationName: name,
              operationType: type,
              durationMs,
              errorCodes: errors?.map((error) => error.extensions?.code ?? unwrapCode(error)),
              upstream: contextValue.upstreamTimings,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

function unwrapCode(error: GraphQLError): unknown {
  const original = unwrapResolverError(error);
  return original instanceof PlatformFault ? original.code : 'INTERNAL_SERVER_ERROR';
}
