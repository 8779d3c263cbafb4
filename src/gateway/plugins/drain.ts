import type { FastifyInstance } from 'fastify';
import { httpErrorBody } from '../../schema/errors';

/** The shutdown's first step, before the server closes: from then on connections close as their answers go out. */
export interface Drain {
  start(): void;
}

/** Seconds a client is told to wait before sending again: to another replica, it may at once. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Shutting down without keeping anyone waiting: once the drain starts, a request still arriving on a
 * kept-alive connection is answered 503 (GraphQL-shaped, with Retry-After) so its client goes elsewhere;
 * every answer carries `Connection: close` and every idle connection is closed at once, so the server
 * has closed as soon as the last request in flight is answered, not when keep-alive times out.
 */
export function drainOnShutdown(app: FastifyInstance): Drain {
  let draining = false;
  app.addHook('onRequest', async (_request, reply) => {
    if (!draining) return;
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('cache-control', 'no-store')
      .send(httpErrorBody('SERVICE_UNAVAILABLE', 'The gateway is shutting down: send the request again'));
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining) void reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async () => {
    if (draining) app.server.closeIdleConnections();
  });
  return {
    start() {
      draining = true;
      app.server.closeIdleConnections();
    },
  };
}
