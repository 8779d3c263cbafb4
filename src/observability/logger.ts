import pino, { DestinationStream, Logger } from 'pino';

/**
 * What pino blanks out of every line. No code logs headers or the config, and should one ever do,
 * platform tokens and client keys (as config or as request headers) still stay out of the logs.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'stores[*].token',
  '*.stores[*].token',
  'clients[*].key',
  '*.clients[*].key',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
];

/** The gateway's JSON logger (stdout unless a destination is given). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: REDACTED_PATHS };
  return destination ? pino(options, destination) : pino(options);
}
