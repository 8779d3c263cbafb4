import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
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
import { explorerAssets, explorerLandingPage } from './explorer';
import { useHttpErrors } from './httpErrors';
import type { OperationLimits } from './operationLimits';
import { operationScopes } from './operationScopes';
import { requestObservability } from './requestObservability';
import { responseCaching } from './responseCaching';
import type { Tracing } from './tracing';

/** What the plugins are built from: the config and the parts the composition root made. */
export interface PluginParts {
  config: GatewayConfig;
  app: FastifyInstance;
  logger: Logger;
  metrics: GatewayMetrics;
  registry: StoreRegistry;
  limits: OperationLimits;
  tracing?: Tracing;
  answers?: AnswerCache;
  /** Absent when the gateway runs open. */
  clients?: ClientDirectory;
}

/** Apollo's plugins, in the order they must run: observing first (so it sees every refusal), then refusing, then answering. */
export function apolloPlugins({ config, app, logger, metrics, limits, tracing, answers }: PluginParts): Array<ApolloServerPlugin<GatewayContext>> {
  return [
    fastifyApolloDrainPlugin(app),
    requestObservability(logger, metrics),
    operationScopes(),
    ...(limits.plugins as Array<ApolloServerPlugin<GatewayContext>>),
    ...(tracing ? [tracing.plugin] : []),
    explorerLandingPage(
      config.server.explorer,
      PLATFORMS.flatMap((platform) => platform.explorerExamples ?? []),
    ),
    ...responseCaching(config.server.cacheMaxAgeSeconds),
    categoryTreeWalk(),
    ...(answers ? [answers.plugin] : []),
  ];
}

/**
 * The HTTP side, in order: error shapes, CORS on every answer (401s included, preflights before
 * authentication), the open routes (/healthz, the explorer's assets), then the routes behind API keys in
 * their own scope so that its hook covers them and nothing else (/metrics, the answer cache, /graphql).
 */
export async function registerHttpPlugins(
  parts: PluginParts,
  apollo: ApolloServer<GatewayContext>,
  context: (request: Parameters<typeof requestClient>[0]) => GatewayContext,
): Promise<void> {
  const { config, app, logger, metrics, registry, answers, clients } = parts;
  useHttpErrors(app);
  await app.register(fastifyCors, corsOptions(config.server.cors));
  app.decorateRequest('client', null);
  app.decorateRequest('answerSlot', null);
  // Open to all (load balancers, browsers loading GraphiQL); store ids only while the gateway runs open.
  app.get('/healthz', async () => (clients ? { status: 'ok' } : { status: 'ok', stores: registry.all().map((store) => store.id) }));
  if (config.server.explorer) await app.register(explorerAssets);
  await app.register(async (api) => {
    if (clients) api.addHook('onRequest', authenticate(clients, logger, { explorer: config.server.explorer }));
    if (config.server.metrics) {
      api.get('/metrics', { preHandler: everyStoreClientsOnly }, async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
    }
    if (answers) {
      // After authentication (onRequest) and body parsing: a repeated query is answered here.
      api.addHook('preHandler', answers.lookup);
      api.addHook('onSend', answers.keep);
    }
    await api.register(fastifyApollo(apollo), { context: async (request) => context(request) });
  });
}
