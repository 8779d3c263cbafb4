import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { IncomingMessage, ServerOptions, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { httpErrorBody, RefusalCode } from '../../schema/errors';

export interface SlowClientSettings {
  /** The whole request, headers and body, must have arrived within this. */
  requestBodyTimeoutMs: number;
  /** Its headers within this. */
  headersTimeoutMs: number;
}

/** How often Node looks for requests past their timeouts (its default is 30 s): they are refused at most this late. */
const TIMEOUT_CHECK_MS = 1000;
/** A refusal waits for the body its client is still sending while it keeps arriving: until this long without a byte... */
const UNREAD_BODY_IDLE_MS = 1000;
/** How long a connection answered at the socket level stays open for its client to read the answer. */
const LINGER_MS = 1000;

/**
 * Fastify's server options that bound how long a client may take to send its request: Node's
 * headersTimeout and requestTimeout (which covers the body too; a socket sending a byte a second never
 * looks idle), and the answer of a client past them or sending what is not HTTP: GraphQL-shaped, on a
 * connection then closed.
 */
export function slowClientOptions(
  settings: SlowClientSettings,
  logger: Logger,
): { requestTimeout: number; http: ServerOptions; clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> } {
  return {
    requestTimeout: settings.requestBodyTimeoutMs,
    http: { headersTimeout: settings.headersTimeoutMs, requestTimeout: settings.requestBodyTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_MS },
    clientErrorHandler: (error, socket) => answerOnSocket(error, socket, logger),
  };
}

/**
 * An answer that closes its connection (a 401 given before the body was read, a 413) goes out once the
 * client has sent the body it no longer needs (read and dropped): closing while the client still sends
 * resets the connection, and the client may then see a broken pipe instead of the answer. The wait lasts
 * while bytes keep coming (a second without one ends it), and at most half the request's own timeout,
 * which would answer 408 instead.
 */
export function closeConnectionsGracefully(app: FastifyInstance, { requestBodyTimeoutMs }: Pick<SlowClientSettings, 'requestBodyTimeoutMs'>): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.raw.complete && /\bclose\b/i.test(String(reply.getHeader('connection') ?? ''))) await unreadBodyDropped(request.raw, requestBodyTimeoutMs / 2);
    return payload;
  });
}

function unreadBodyDropped(request: IncomingMessage, longestMs: number): Promise<void> {
  return new Promise((resolve) => {
    let idle: NodeJS.Timeout;
    const done = () => {
      clearTimeout(idle);
      clearTimeout(longest);
      request.off('data', arrived).off('end', done).off('close', done).off('error', done);
      resolve();
    };
    const arrived = () => {
      clearTimeout(idle);
      idle = setTimeout(done, UNREAD_BODY_IDLE_MS);
    };
    const longest = setTimeout(done, longestMs);
    arrived();
    request.on('data', arrived).on('end', done).on('close', done).on('error', done);
    request.resume();
  });
}

/** Node's client errors (a timeout, a malformed request), answered on the socket itself since no request reached Fastify or its answer can no longer be given. */
function answerOnSocket(error: Error & { code?: string }, socket: Socket, logger: Logger): void {
  // A client that went away needs no answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message]: [number, RefusalCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'BAD_REQUEST', 'The request headers are too large']
        : [400, 'BAD_REQUEST', 'The request is not valid HTTP'];
  logger.info({ reason: error.code, status, ip: socket.remoteAddress }, 'request refused: the HTTP request did not arrive whole');
  const body = JSON.stringify(httpErrorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `cache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  );
  // The client may still be sending: closing at once could reset the connection before it reads the answer.
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
