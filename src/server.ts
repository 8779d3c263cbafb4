import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { FastifyError, FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './config/configSchema';
import { RequestSessions } from './loaders/requestSessions';
import { StoreRegistry } from './platforms/storeRegistry';
import { buildGatewaySchema } from './schema/buildGatewaySchema';
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
}

/** Starts the gateway: Fastify serving POST/GET /graphql (Apollo Server) and GET /healthz. */
export async function startGateway(config: GatewayConfig, options: StartOptions = {}): Promise<GatewayServer> {
  const registry = new StoreRegistry(config);
  const app = Fastify({
    bodyLimit: config.server.maxBodyBytes,
  });
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildGatewaySchema(),
    formatError,
    introspection: config.server.introspection,
    includeStacktraceInErrorResponses: false,
    // Clients authenticate with headers, never cookies, so a cross-site form cannot act as them (README, "Security").
    csrfPrevention: false,
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    // Malformed JSON, oversized bodies, unsupported media types: a GraphQL-shaped answer, no internals.
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const message = status === 500 ? 'Internal server error' : error.message;
    void reply.status(status).send({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });
  app.get('/healthz', async () => ({ status: 'ok', stores: registry.all().map((store) => store.id) }));
  await app.register(fastifyApollo(apollo), {
    context: async () => contextFor(registry, config.server.requestTimeoutMs),
  });

  await app.listen({ port: options.port ?? config.server.port, host: options.host ?? config.server.host });
  const { port, address, family } = app.server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address === '0.0.0.0' ? '127.0.0.1' : address;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    registry,
    close: () => closeGateway(app, registry),
  };
}

function contextFor(registry: StoreRegistry, requestTimeoutMs: number): GatewayContext {
  const deadline = { signal: AbortSignal.timeout(requestTimeoutMs), deadlineAt: Date.now() + requestTimeoutMs };
  return { registry, sessions: new RequestSessions(registry, deadline) };
}

async function closeGateway(app: FastifyInstance, registry: StoreRegistry): Promise<void> {
  await app.close();
  await registry.close();
}
