import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { ClientDirectory } from '../../auth/clientDirectory';
import type { GatewayConfig } from '../../config/configSchema';
import type { GatewayMetrics } from '../../observability/metrics';
import { PLATFORMS } from '../../platforms';
import type { GatewayContext } from '../context';
import type { StoreRegistry } from '../storeRegistry';
import type { AnswerCache } from './answerCache';
import { authenticate, everyStoreClientsOnly, requestClient } from './authentication';
import { corsOptions } from './browserSecurity';
import { categoryTreeWalk } from './categoryTreeWalk';
import { Drain, drainOnShutdown } from './drain';
import { explorerAssets, explorerLandingPage } from './explorer';
import { useHttpErrors } from './httpErrors';
import { refuseDeepInput } from './inputDepth';
import { legacyJsonStatus } from './legacyJsonStatus';
import type { OperationLimits } from './operationLimits';
import { operationScopes } from './operationScopes';
import { requestObservability } from './requestObservability';
import { responseCaching } from './responseCaching';
import { closeConnectionsGracefully } from './slowClients';
import type { Tracing } from './tracing';
import type { UpstreamBudget } from './upstreamBudget';
import { webhookRoutes } from './webhooks';

/** What the plugins are built from: the config and the parts the composition root made. */
export interface PluginParts {
  config: GatewayConfig;
  app: FastifyInstance;
  logger: Logger;
  metrics: GatewayMetrics;
  registry: StoreRegistry;
  limits: OperationLimits;
  tracing?: Tracing;
  /** The answer cache (answerCache.ts), when it is on. */
  answers?: AnswerCache;
  /** Absent when the gateway runs open. */
  clients?: ClientDirectory;
  /** Prices operations in upstream requests and charges the client's budget (upstreamBudget.ts). */
  budget: UpstreamBudget;
}

/** Apollo's plugins, in the order they must run: observing first (so it sees every refusal), then refusing, then answering. */
export function apolloPlugins({ config, app, logger, metrics, limits, tracing, answers, budget }: PluginParts): Array<ApolloServerPlugin<GatewayContext>> {
  return [
    fastifyApolloDrainPlugin(app),
    requestObservability(logger, metrics),
    operationScopes(),
    ...(limits.plugins as Array<ApolloServerPlugin<GatewayContext>>),
    budget.plugin,
    ...(tracing ? [tracing.plugin] : []),
    explorerLandingPage(
      config.server.explorer,
      PLATFORMS.flatMap((platform) => platform.explorerExamples ?? []),
    ),
    ...responseCaching(config.server.cacheMaxAgeSeconds),
    categoryTreeWalk(),
    ...(answers ? [answers.plugin] : []),
    legacyJsonStatus(),
  ];
}

/**
 * The HTTP side, in order: error shapes, CORS on every answer (401s included, preflights before
 * authentication), the drain (it answers 503 first once shutdown began), connections closed only once
 * their client has sent its body, the open routes (/, /healthz, the explorer's assets, the platforms' signed
 * webhooks), then the routes
 * behind API keys in their own scope so that its hooks cover them and nothing else (/metrics, /graphql).
 * Answers the drain, for the shutdown to start.
 */
export async function registerHttpPlugins(
  parts: PluginParts,
  apollo: ApolloServer<GatewayContext>,
  context: (request: Parameters<typeof requestClient>[0], reply: FastifyReply) => GatewayContext,
): Promise<Drain> {
  const { config, app, logger, metrics, registry, clients, answers, tracing } = parts;
  useHttpErrors(app, logger);
  await app.register(fastifyCors, corsOptions(config.server.cors));
  const drain = drainOnShutdown(app);
  closeConnectionsGracefully(app, config.server);
  app.decorateRequest('client', null);
  app.decorateRequest('answerMiss', null);
  // The root has nothing of its own: people and tools opening the bare host land on the endpoint (GraphiQL for browsers).
  app.get('/', async (_request, reply) => reply.redirect('/graphql'));
  // Open to all (load balancers, browsers loading GraphiQL); store ids only while the gateway runs open.
  app.get('/healthz', async () => (clients ? { status: 'ok' } : { status: 'ok', stores: registry.all().map((store) => store.id) }));
  if (config.server.explorer) await app.register(explorerAssets);
  // Signed by the platform, not behind API keys (a platform cannot send one).
  await app.register(webhookRoutes({ config, registry, metrics, logger }));
  await app.register(async (api) => {
    if (clients) api.addHook('onRequest', authenticate(clients, logger, { explorer: config.server.explorer }));
    if (config.server.metrics) {
      api.get('/metrics', { preHandler: everyStoreClientsOnly }, async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
    }
    // After authentication (onRequest) and body parsing, before anything walks the input.
    api.addHook('preValidation', refuseDeepInput);
    // Repeats of kept answers, once the request is authenticated and its input checked; a traced gateway traces every request through Apollo.
    if (answers && !tracing) api.addHook('preHandler', answers.replay);
    await api.register(fastifyApollo(apollo), { context: async (request, reply) => context(request, reply) });
  });
  return drain;
}
