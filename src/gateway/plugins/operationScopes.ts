import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { scopeFor } from '../../auth/scopes';
import { refusedOperation } from '../../schema/errors';

/**
 * Refuses an operation whose type needs a scope the client lacks (a mutation without update_catalog,
 * a query without read_catalog) with FORBIDDEN, after validation and before execution: no resolver
 * runs, so no platform is asked. Which stores a client reaches is checked per field, by the request's
 * store sessions (RequestSessions.forStore).
 */
export function operationScopes(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const { client } = contextValue;
      if (!client) return;
      return {
        async didResolveOperation({ operation }) {
          // No operation to run (an unknown operationName): execution reports it and runs no resolver.
          if (!operation) return;
          const scope = scopeFor(operation.operation);
          if (client.has(scope)) return;
          throw refusedOperation('FORBIDDEN', `Client "${client.name}" lacks the ${scope} scope that a ${operation.operation} needs`, { status: 403 });
        },
      };
    },
  };
}
