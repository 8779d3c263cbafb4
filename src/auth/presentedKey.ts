import type { IncomingHttpHeaders } from 'node:http';

/** What a request presents as its API key. */
export type PresentedKey =
  | { kind: 'key'; key: string }
  | { kind: 'missing' }
  /** `Authorization: Bearer` and `x-api-key` name different keys: refused rather than guessed. */
  | { kind: 'ambiguous' };

/** The key from `Authorization: Bearer <key>` (the scheme is case-insensitive, RFC 9110) or `x-api-key: <key>`. */
export function presentedKey(headers: IncomingHttpHeaders): PresentedKey {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.authorization ?? '')?.[1];
  const apiKey = single(headers['x-api-key'])?.trim() || undefined;
  if (bearer !== undefined && apiKey !== undefined && bearer !== apiKey) return { kind: 'ambiguous' };
  const key = bearer ?? apiKey;
  return key === undefined ? { kind: 'missing' } : { kind: 'key', key };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
