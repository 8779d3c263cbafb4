import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Logger } from 'pino';
import type { Client } from '../../auth/client';
import type { ClientDirectory } from '../../auth/clientDirectory';
import { presentedKey } from '../../auth/presentedKey';
import { httpErrorBody, refusedOperation } from '../../schema/errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client whose key the request presented; null where no key is needed (the gateway runs open). */
    client: Client | null;
  }
}

const REALM = 'Bearer realm="categraph"';
const MISSING = 'An API key is required: send it as "Authorization: Bearer <key>" or "x-api-key: <key>"';
const REFUSALS = {
  missing: { message: MISSING, challenge: REALM },
  unknown: { message: 'The API key is not valid', challenge: `${REALM}, error="invalid_token"` },
  ambiguous: { message: 'Authorization and x-api-key carry different keys: send one', challenge: `${REALM}, error="invalid_request"` },
} as const;

/**
 * The onRequest hook of the routes behind authentication (/graphql, /metrics): a request presents a
 * configured client's key or is answered 401 before its body is read, on a connection then closed. The one exception is a browser
 * opening GraphiQL (a GET asking for HTML without a key): Apollo answers it with the page, and the
 * GraphQL context refuses anything else such a request would run (requestClient). Keys are never logged.
 */
export function authenticate(directory: ClientDirectory, logger: Logger, options: { explorer: boolean }): onRequestAsyncHookHandler {
  return async (request, reply) => {
    // Answers depend on the key: a shared cache (a CDN, with server.cacheMaxAgeSeconds) keeps one per key.
    varyOnKey(reply);
    const presented = presentedKey(request.headers);
    if (presented.kind === 'missing' && options.explorer && asksForPage(request)) return;
    const client = presented.kind === 'key' ? directory.identify(presented.key) : undefined;
    if (client) {
      request.client = client;
      return;
    }
    const reason = presented.kind === 'key' ? 'unknown' : presented.kind;
    logger.info({ reason, method: request.method, route: request.routeOptions.url, ip: request.ip }, 'request refused: no valid API key');
    // The body is never read: the connection closes after the answer (once the client has sent it, slowClients.ts).
    return refuse(reply.header('www-authenticate', REFUSALS[reason].challenge).header('connection', 'close'), 401, 'UNAUTHENTICATED', REFUSALS[reason].message);
  };
}

/**
 * The client for the GraphQL context: null when the gateway runs open. Reached without one only by a
 * GET the hook let through for the explorer page that Apollo runs as an operation instead: refused
 * the same way as in the hook.
 */
export function requestClient(request: FastifyRequest, directory: ClientDirectory | undefined): Client | null {
  if (!directory) return null;
  if (request.client) return request.client;
  throw refusedOperation('UNAUTHENTICATED', MISSING, { status: 401, headers: [['www-authenticate', REALM]] });
}

/** A preHandler for what describes every store at once (/metrics): clients limited to some stores get 403. */
export const everyStoreClientsOnly: preHandlerAsyncHookHandler = async (request, reply) => {
  if (request.client && !request.client.reachesEveryStore) {
    return refuse(reply, 403, 'FORBIDDEN', `Client "${request.client.name}" is limited to some stores; this needs stores: "*"`);
  }
};

function varyOnKey(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Authorization, X-Api-Key` : 'Authorization, X-Api-Key');
}

/** A GET that prefers HTML: a browser's page load. */
function asksForPage(request: FastifyRequest): boolean {
  return request.method === 'GET' && /\btext\/html\b/.test(request.headers.accept ?? '');
}

function refuse(reply: FastifyReply, status: 401 | 403, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): FastifyReply {
  // no-store: a shared cache must not hand a refusal (or anything) to another caller.
  return reply.status(status).header('cache-control', 'no-store').send(httpErrorBody(code, message));
}
