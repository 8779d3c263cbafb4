import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { httpErrorBody } from '../../schema/errors';

/**
 * Malformed JSON, oversized or over-deep bodies, unsupported media types: a GraphQL-shaped answer, no
 * internals, and a log line like every refused request's (an unexpected error's with its stack).
 */
export function useHttpErrors(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const where = { status, method: request.method, route: request.routeOptions.url, ip: request.ip };
    if (status === 500) logger.error({ ...where, err: error }, 'unexpected error in the HTTP layer');
    else logger.info({ ...where, reason: error.message }, 'request refused: malformed request');
    void reply.status(status).send(status === 500 ? httpErrorBody('INTERNAL_SERVER_ERROR', 'Internal server error') : httpErrorBody('BAD_REQUEST', error.message));
  });
}
