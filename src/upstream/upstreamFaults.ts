import { ErrorCode } from '../domain/errorCode';
import { PlatformFault } from '../domain/platformFault';
import type { UpstreamResponse } from './upstreamClient';

/** A request that got no answer: timeout, refused or reset connection. */
export function transportFault(platformName: string, error: unknown, aborted: boolean): PlatformFault {
  const timedOut = aborted || TIMEOUT_CODES.has(errorCode(error));
  const what = timedOut ? 'did not answer in time' : `could not be reached (${errorCode(error)})`;
  return new PlatformFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${platformName} ${what}`, { retryable: true });
}

/** The statuses every platform means the same by: quota, credentials, outage; other 4xx are unexpected. */
export function statusFault(platformName: string, response: UpstreamResponse, message?: string): PlatformFault {
  const { status } = response;
  const details = { upstreamStatus: status };
  if (status === 429) {
    const retryAfterSeconds = retryAfterSecondsOf(response);
    return new PlatformFault(ErrorCode.RATE_LIMITED, `${platformName} rate limit reached`, { ...details, retryable: true, retryAfterSeconds });
  }
  if (status === 401 || status === 403) {
    return new PlatformFault(ErrorCode.STORE_MISCONFIGURED, `${platformName} rejected the gateway's credentials for this store`, details);
  }
  if (status >= 500) {
    return new PlatformFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${platformName} failed (HTTP ${status})`, { ...details, retryable: true });
  }
  return new PlatformFault(ErrorCode.UPSTREAM_ERROR, message ?? `${platformName} answered HTTP ${status}`, details);
}

/**
 * Parsed answers, by answer: requests that shared one upstream read in flight share its parse too (the
 * parsed bodies are read, never changed, by the adapters).
 */
const parsedBodies = new WeakMap<UpstreamResponse, unknown>();

/** The answer's JSON; a body that is not JSON is an upstream failure, never a crash. */
export function parseJsonBody<T>(platformName: string, response: UpstreamResponse): T {
  if (parsedBodies.has(response)) return parsedBodies.get(response) as T;
  let body: T;
  try {
    body = JSON.parse(response.text) as T;
  } catch {
    throw garbageFault(platformName, response);
  }
  parsedBodies.set(response, body);
  return body;
}

export function garbageFault(platformName: string, response: UpstreamResponse): PlatformFault {
  return new PlatformFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${platformName} answered with a body that is not the expected JSON`, {
    upstreamStatus: response.status,
    retryable: true,
  });
}

/** Retry-After in seconds (delta-seconds or an HTTP date), when the answer carries one. */
export function retryAfterSecondsOf(response: UpstreamResponse): number | undefined {
  const raw = response.headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** undici's own timeouts (headers, body) are timeouts too, not unreachable hosts. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'connection failed';
}
