import { ApolloServer } from '@apollo/server';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import pino, { Logger } from 'pino';
import { ClientDirectory } from '../auth/clientDirectory';
import type { GatewayConfig } from '../config/configSchema';
import { GatewayMetrics } from '../observability/metrics';
import { PLATFORMS } from '../platforms';
import { connectRedis, disconnectRedis } from '../redis/redisConnection';
import { buildGatewaySchema } from '../schema/buildGatewaySchema';
import { formatError } from '../schema/errors';
import { buildGatewaySubgraphSchema } from '../schema/federation/subgraphSchema';
import { createRequestContext, GatewayContext, requestIdFrom } from './context';
import { createEntityCache } from './entityCache';
import { apolloPlugins, PluginParts, registerHttpPlugins } from './plugins';
import { answerCache } from './plugins/answerCache';
import { requestClient } from './plugins/authentication';
import { csrfPrevention } from './plugins/browserSecurity';
import { operationLimits } from './plugins/operationLimits';
import { persistedQueries } from './plugins/persistedQueries';
import { recordRequest } from './plugins/requestObservability';
import { startTracing } from './plugins/tracing';
import { StoreRegistry } from './storeRegistry';

export interface GatewayServer {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  registry: StoreRegistry;
  /** Stops accepting, lets in-flight requests finish, closes the upstream pools. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Overrides server.port (PORT); 0 picks a free port. */
  port?: number;
  host?: string;
  /** JSON logs (one line per request); silent when absent. */
  logger?: Logger;
}

/** Starts the gateway: Fastify serving POST/GET /graphql (Apollo Server), GET /healthz and GET /metrics. */
export async function startGateway(config: GatewayConfig, options: StartOptions = {}): Promise<GatewayServer> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const metrics = new GatewayMetrics();
  // One Redis connection for the process, shared by the cache, the locks and the rate limits.
  const redis = config.redis ? await connectRedis(config.redis, logger) : undefined;
  const entityCache = createEntityCache(config, redis);
  const registry = new StoreRegistry(config, { observe: metrics.observeUpstream, entityCache, redis });
  const tracing = config.tracing ? await startTracing(config.tracing) : undefined;
  const clients = config.clients && new ClientDirectory(config.clients);
  if (!clients) logger.warn('no clients configured: the gateway runs open, anyone who reaches it may read and change every store');
  const app = Fastify({ bodyLimit: config.server.maxBodyBytes });
  const answers =
    entityCache && config.cache.answers
      ? answerCache({
          cache: entityCache,
          storeIds: registry.all().map((store) => store.id),
          ttlMs: config.cache.ttlSeconds * 1000,
          csrfPrevention: config.server.csrfPrevention,
          onHit: (request, reply, operationName) => {
            const reqId = requestIdFrom(request.headers['x-request-id']);
            void reply.header('x-request-id', reqId);
            recordRequest(logger, metrics, {
              reqId,
              client: request.client?.name,
              operationName: operationName ?? 'anonymous',
              operationType: 'query',
              durationMs: reply.elapsedTime,
              answerCache: 'hit',
            });
          },
        })
      : undefined;
  const limits = operationLimits(config.server.limits, config.server.fieldSuggestions ?? config.server.introspection);
  const parts: PluginParts = { config, app, logger, metrics, registry, limits, tracing, answers, clients };

  const schema = buildGatewaySchema({ platforms: PLATFORMS.map((platform) => platform.graphqlName) });
  const apollo = new ApolloServer<GatewayContext>({
    schema: config.server.federation ? buildGatewaySubgraphSchema(schema) : schema,
    formatError,
    introspection: config.server.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: csrfPrevention(config.server.csrfPrevention),
    persistedQueries: persistedQueries(config.server.persistedQueryCacheBytes),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: apolloPlugins(parts),
  });
  await apollo.start();
  await registerHttpPlugins(parts, apollo, (request) =>
    createRequestContext(
      { stores: registry, requestTimeoutMs: config.server.requestTimeoutMs },
      { clientRequestId: request.headers['x-request-id'], client: requestClient(request, clients), answerSlot: request.answerSlot },
    ),
  );

  await app.listen({ port: options.port ?? config.server.port, host: options.host ?? config.server.host });
  const { port, address, family } = app.server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address === '0.0.0.0' ? '127.0.0.1' : address;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    registry,
    close: async () => {
      await app.close();
      await registry.close();
      await entityCache?.close();
      if (redis) await disconnectRedis(redis);
      // Flushes the spans still batched.
      await tracing?.shutdown();
    },
  };
}
