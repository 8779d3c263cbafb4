import { ApolloServer } from '@apollo/server';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import pino, { Logger } from 'pino';
import { ClientDirectory } from '../auth/clientDirectory';
import type { GatewayConfig } from '../config/configSchema';
import { GatewayMetrics } from '../observability/metrics';
import { PLATFORMS, platformNamed } from '../platforms';
import { buildGatewaySchema } from '../schema/buildGatewaySchema';
import { formatError } from '../schema/errors';
import { ClientBudgets } from './clientBudgets';
import { createRequestContext, GatewayContext } from './context';
import { createEntityCache } from './entityCache';
import { apolloPlugins, PluginParts, registerHttpPlugins } from './plugins';
import { answerCache } from './plugins/answerCache';
import { requestClient } from './plugins/authentication';
import { csrfPrevention } from './plugins/browserSecurity';
import { operationLimits } from './plugins/operationLimits';
import { persistedQueries } from './plugins/persistedQueries';
import { slowClientOptions } from './plugins/slowClients';
import { startTracing } from './plugins/tracing';
import { upstreamBudget } from './plugins/upstreamBudget';
import { recordRequest } from './plugins/requestObservability';
import { StoreRegistry } from './storeRegistry';
import { UpstreamCostEstimator } from './upstreamCost';

export interface GatewayServer {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  registry: StoreRegistry;
  /** Stops accepting, lets in-flight requests finish (closing each connection as its answer goes out), closes the upstream pools. */
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
  const metrics = new GatewayMetrics(config.server.knownOperationNames);
  // One Redis connection for the process, shared by the cache, the locks and the rate limits; ioredis is loaded only then.
  const redisConnection = config.redis ? await import('../redis/redisConnection') : undefined;
  const redis = config.redis && (await redisConnection?.connectRedis(config.redis, logger));
  const entityCache = createEntityCache(config, redis);
  const registry = new StoreRegistry(config, { observe: metrics.observeUpstream, entityCache, redis });
  const tracing = config.tracing ? await startTracing(config.tracing, config.server.knownOperationNames) : undefined;
  const clients = config.clients && new ClientDirectory(config.clients);
  if (!clients) logger.warn('no clients configured: the gateway runs open, anyone who reaches it may read and change every store');
  // The drain (plugins/drain.ts) answers requests arriving during shutdown, in the GraphQL shape.
  const app = Fastify({ bodyLimit: config.server.maxBodyBytes, return503OnClosing: false, ...slowClientOptions(config.server, logger) });
  const limits = operationLimits(config.server.limits, config.server.fieldSuggestions ?? config.server.introspection);
  const storeIds = config.stores.map((store) => store.id);
  const budget = upstreamBudget({
    estimator: new UpstreamCostEstimator(config.stores.map((store) => ({ id: store.id, costs: platformNamed(store.platform)!.requestCosts }))),
    budgets: new ClientBudgets(config, redis),
    maxUpstreamRequests: config.server.limits.maxUpstreamRequests,
    storeIds,
  });
  const answers =
    entityCache && config.cache.answers
      ? answerCache({
          cache: entityCache,
          ttlMs: config.cache.ttlSeconds * 1000,
          requestTimeoutMs: config.server.requestTimeoutMs,
          storeIds,
          chargeReplay: budget.chargeReplay,
          record: (record) => recordRequest(logger, metrics, record),
        })
      : undefined;
  const parts: PluginParts = { config, app, logger, metrics, registry, limits, tracing, answers, clients, budget };

  const schema = buildGatewaySchema({ platforms: PLATFORMS.map((platform) => platform.graphqlName) });
  const apollo = new ApolloServer<GatewayContext>({
    // @apollo/subgraph and its federation internals are loaded only for a subgraph.
    schema: config.server.federation ? (await import('../schema/federation/subgraphSchema')).buildGatewaySubgraphSchema(schema) : schema,
    formatError,
    // Apollo's own lines (e.g. federation's "Enabling inline tracing") go out as JSON lines like every other.
    logger,
    introspection: config.server.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: csrfPrevention(config.server.csrfPrevention),
    persistedQueries: persistedQueries(config.server.persistedQueryCacheBytes),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: apolloPlugins(parts),
    // main.ts owns the signals: close() below drains and stops Apollo once.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const drain = await registerHttpPlugins(parts, apollo, (request, reply) =>
    createRequestContext(
      { stores: registry, requestTimeoutMs: config.server.requestTimeoutMs },
      {
        clientRequestId: request.headers['x-request-id'],
        client: requestClient(request, clients),
        traceHeaders: request.headers,
        callerAddress: request.ip,
        response: reply.raw,
        answerMiss: request.answerMiss ?? undefined,
      },
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
      drain.start();
      // Apollo's drain plugin closes Fastify (waiting for the requests in flight), then Apollo stops.
      await apollo.stop();
      await registry.close();
      await entityCache?.close();
      if (redis) await redisConnection?.disconnectRedis(redis);
      // Flushes the spans still batched.
      await tracing?.shutdown();
    },
  };
}
