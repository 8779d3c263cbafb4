import type { FastifyError, FastifyInstance } from 'fastify';
import { httpErrorBody } from '../../schema/errors';

/** Malformed JSON, oversized bodies, unsupported media types: a GraphQL-shaped answer, no internals. */
export function useHttpErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    void reply.status(status).send(status === 500 ? httpErrorBody('INTERNAL_SERVER_ERROR', 'Internal server error') : httpErrorBody('BAD_REQUEST', error.message));
  });
}
