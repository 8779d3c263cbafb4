import type { FastifyCorsOptions } from '@fastify/cors';
import type { CorsConfig } from '../../config/corsConfig';

/** The request headers a browser page may send cross-origin: the API key, the body's type, Apollo's CSRF headers, a request id. */
const ALLOWED_HEADERS = ['authorization', 'x-api-key', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'];

/**
 * `server.cors` as @fastify/cors options: pages of the listed origins may call the gateway (their
 * Origin is echoed in Access-Control-Allow-Origin, with Vary: Origin); every other origin gets no
 * CORS headers, so browsers keep the answer from its scripts. No credentials: keys go in headers.
 */
export function corsOptions(config: CorsConfig): FastifyCorsOptions {
  return {
    origin: config.origins.includes('*') ? '*' : config.origins,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id'],
    maxAge: config.maxAgeSeconds,
    credentials: false,
  };
}

/**
 * Apollo's CSRF prevention (`server.csrfPrevention`): a request must be one a browser cannot send
 * cross-site without a CORS preflight. Besides a JSON content-type or Apollo's two headers, an API key
 * header proves that: browsers preflight both, and a cross-site page does not know the key.
 */
export function csrfPrevention(enabled: boolean): boolean | { requestHeaders: string[] } {
  return enabled ? { requestHeaders: [...PREFLIGHT_HEADERS] } : false;
}

const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization', 'x-api-key'];
