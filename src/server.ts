import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import Fastify, { FastifyError } from 'fastify';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import pino, { Logger } from 'pino';
import { authenticate, everyStoreClientsOnly, requestClient } from './auth/authentication';
import type { Client } from './auth/client';
import { ClientDirectory } from './auth/clientDirectory';
import { operationScopes } from './auth/operationScopes';
import { createEntityCache } from './cache/createEntityCache';
import type { GatewayConfig } from './config/configSchema';
import { corsOptions, csrfPrevention } from './http/browserSecurity';
import { answerCache } from './http/answerCache';
import { explorerAssets, explorerLandingPage } from './http/explorer';
import { operationLimits } from './http/operationLimits';
import { persistedQueries } from './http/persistedQueries';
import { responseCaching } from './http/responseCaching';
import { RequestSessions } from './loaders/requestSessions';
import { GatewayMetrics } from './observability/metrics';
import { recordRequest, requestObservability } from './observability/requestObservability';
import { startTracing } from './observability/tracing';
import type { UpstreamEvent, UpstreamTiming } from './observability/upstreamTiming';
import { StoreRegistry } from './platforms/storeRegistry';
import { connectRedis, disconnectRedis } from './redis/redisConnection';
import { buildGatewaySchema } from './schema/buildGatewaySchema';
import { categoryTreeWalk } from './schema/categoryTreeWalk';
import { buildGatewaySubgraphSchema } from './schema/federation/subgraphSchema';
import type { GatewayContext } from './schema/context';
import { formatError } from './schema/errors';

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
  const app = Fastify({
    bodyLimit: config.server.maxBodyBytes,
  });
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
            recordRequest(logger, metrics, { reqId, client: request.client?.name, operationName: operationName ?? 'anonymous', operationType: 'query', durationMs: reply.elapsedTime, answerCache: 'hit' });
          },
        })
      : undefined;
  const limits = operationLimits(config.server.limits, config.server.fieldSuggestions ?? config.server.introspection);
  const apollo = new ApolloServer<GatewayContext>({
    schema: config.server.federation ? buildGatewaySubgraphSchema() : buildGatewaySchema(),
    formatError,
    introspection: config.server.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: csrfPrevention(config.server.csrfPrevention),
    persistedQueries: persistedQueries(config.server.persistedQueryCacheBytes),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [fastifyApolloDrainPlugin(app), requestObservability(logger, metrics), operationScopes(), ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]), ...(tracing ? [tracing.plugin] : []), explorerLandingPage(config.server.explorer), ...responseCaching(config.server.cacheMaxAgeSeconds), categoryTreeWalk(), ...(answers ? [answers.plugin] : [])],
  });
  await apollo.start();

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    // Malformed JSON, oversized bodies, unsupported media types: a GraphQL-shaped answer, no internals.
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const message = status === 500 ? 'Internal server error' : error.message;
    void reply.status(status).send({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });
  // CORS headers go on every answer, 401s included, and preflights are answered before authentication.
  await app.register(fastifyCors, corsOptions(config.server.cors));
  app.decorateRequest('client', null);
  app.decorateRequest('answerSlot', null);
  // Open to all (load balancers, browsers loading GraphiQL); store ids only while the gateway runs open.
  app.get('/healthz', async () => (clients ? { status: 'ok' } : { status: 'ok', stores: registry.all().map((store) => store.id) }));
  if (config.server.explorer) await app.register(explorerAssets);
  // The routes behind API keys, in their own Fastify scope so that its hook covers them and nothing else.
  await app.register(async (api) => {
    if (clients) api.addHook('onRequest', authenticate(clients, logger, { explorer: config.server.explorer }));
    if (config.server.metrics) {
      api.get('/metrics', { preHandler: everyStoreClientsOnly }, async (_request, reply) =>
        reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
      );
    }
    if (answers) {
      // After authentication (onRequest) and body parsing: a repeated query is answered here.
      api.addHook('preHandler', answers.lookup);
      api.addHook('onSend', answers.keep);
    }
    await api.register(fastifyApollo(apollo), {
      context: async (request) => ({
        ...contextFor(registry, config.server.requestTimeoutMs, request.headers['x-request-id'], requestClient(request, clients)),
        answerSlot: request.answerSlot,
      }),
    });
  });

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

function contextFor(registry: StoreRegistry, requestTimeoutMs: number, clientRequestId: string | string[] | undefined, client: Client | null): GatewayContext {
  const upstreamTimings: UpstreamTiming[] = [];
  const signal = AbortSignal.timeout(requestTimeoutMs);
  // Every upstream attempt of the request listens to its deadline: dozens is normal, not a leak.
  setMaxListeners(0, signal);
  const deadline = {
    signal,
    deadlineAt: Date.now() + requestTimeoutMs,
    observe: (event: UpstreamEvent) => {
      if (event.kind === 'attempt') upstreamTimings.push(event.timing);
    },
  };
  return { sessions: new RequestSessions(registry, deadline, client), client, requestId: requestIdFrom(clientRequestId), upstreamTimings };
}

/** The client's x-request-id when it is a sane token (it goes into logs), else a new one. */
function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && /^[\w.-]{1,64}$/.test(candidate) ? candidate : randomUUID();
}
