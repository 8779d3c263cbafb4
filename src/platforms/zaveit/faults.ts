import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { UpstreamResponse } from '../../upstream/types';
import { statusFault } from '../../upstream/upstreamFaults';
import { ZaveitErrorBodySchema } from './wire';

export const PLATFORM_NAME = 'Zaveit';

/** What a 404 is about, which only the operation knows. */
export interface NotFound {
  code: ErrorCode;
  message: string;
  field?: string[];
}

export const categoryNotFound = (id: string, field = ['categoryId']): NotFound => ({
  code: ErrorCode.CATEGORY_NOT_FOUND,
  message: `Category ${id} does not exist`,
  field,
});

/**
 * Zaveit's error statuses in the gateway's terms (docs/platforms/zaveit.md#faults): 400 is the request's
 * fault, 404 is about what the operation says, and quota, credentials and outages mean what they mean
 * everywhere (429 RATE_LIMITED, 401/403 STORE_MISCONFIGURED, 5xx UPSTREAM_UNAVAILABLE, other 4xx
 * UPSTREAM_ERROR).
 */
export function zaveitFault(response: UpstreamResponse, notFound: NotFound): GatewayFault {
  const details = { upstreamStatus: response.status };
  const message = zaveitMessage(response);
  switch (response.status) {
    case 400:
      return new GatewayFault(ErrorCode.BAD_USER_INPUT, `Zaveit rejected the request: ${message ?? 'malformed request'}`, details);
    case 404:
      return new GatewayFault(notFound.code, notFound.message, { ...details, field: notFound.field });
    default:
      return statusFault(PLATFORM_NAME, response, message && `Zaveit answered HTTP ${response.status}: ${message}`);
  }
}

/** Zaveit's `{"message": ...}`, shortened so no upstream essay reaches a client; undefined when absent. */
export function zaveitMessage(response: UpstreamResponse): string | undefined {
  return zaveitFullMessage(response)?.slice(0, 300);
}

/** The whole message, for finding the ids it names: a shortened one would name only the first few. */
export function zaveitFullMessage(response: UpstreamResponse): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return undefined;
  }
  const parsed = ZaveitErrorBodySchema.safeParse(body);
  const message = parsed.success ? parsed.data.message.trim() : '';
  return message || undefined;
}

/**
 * The ids among `candidates` that a 404's message names (Zaveit's emulator says
 * `Products not found: a, b`). Whole tokens only, so an id never matches inside a longer one.
 */
export function idsNamedIn(message: string | undefined, candidates: readonly string[]): string[] {
  if (!message) return [];
  const tokens = new Set(message.split(/[^A-Za-z0-9_-]+/));
  return candidates.filter((id) => tokens.has(id));
}
