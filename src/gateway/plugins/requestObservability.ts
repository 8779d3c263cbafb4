import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { GatewayFault } from '../../domain/gatewayFault';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../../observability/metrics';
import type { UpstreamTiming } from '../../observability/upstreamTiming';

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
            if (!(original instanceof GatewayFault) && !(original instanceof GraphQLError)) {
              logger.error({ reqId: contextValue.requestId, err: original, path: error.path }, 'unexpected error in a resolver');
            }
          }
        },
        async willSendResponse({ operationName, operation, errors, response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          recordRequest(logger, metrics, {
            reqId: contextValue.requestId,
            client: contextValue.client?.name,
            operationName: operationName ?? 'anonymous',
            operationType: operation?.operation ?? 'invalid',
            durationMs: performance.now() - started,
            errorCodes: errors?.map(errorCodeOf),
            upstream: contextValue.upstreamTimings,
            answerCache: contextValue.answerCache,
          });
        },
      };
    },
  };
}

/** One GraphQL request as its log line and metrics tell it. */
export interface RequestRecord {
  reqId: string;
  /** The client's name from the config, never its key; absent while the gateway runs open. */
  client?: string;
  operationName: string;
  operationType: string;
  durationMs: number;
  errorCodes?: unknown[];
  upstream?: UpstreamTiming[];
  /** Answered from the answer cache: validated, not executed. */
  answerCache?: 'hit';
}

/** The request's metrics and its one log line, wherever it was answered. */
export function recordRequest(logger: Logger, metrics: GatewayMetrics, record: RequestRecord): void {
  const durationMs = Math.round(record.durationMs * 10) / 10;
  metrics.observeOperation(record.operationName, record.operationType, (record.errorCodes?.length ?? 0) > 0, durationMs / 1000);
  logger.info({ ...record, durationMs }, 'graphql request');
}

/** An error's code as clients will see it, before `formatError` has given it one. */
export function errorCodeOf(error: GraphQLError): unknown {
  if (error.extensions?.code) return error.extensions.code;
  const original = unwrapResolverError(error);
  return original instanceof GatewayFault ? original.code : 'INTERNAL_SERVER_ERROR';
}
