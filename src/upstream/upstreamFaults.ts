import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { UpstreamResponse } from './types';

/** A request that got no answer: timeout, refused or reset connection. */
export function transportFault(platformName: string, error: unknown, aborted: boolean): GatewayFault {
  const timedOut = aborted || TIMEOUT_CODES.has(errorCode(error));
  const what = timedOut ? 'did not answer in time' : `could not be reached (${errorCode(error)})`;
  return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${platformName} ${what}`, { retryable: true });
}

/**
 * An answer larger than the store's `upstream.maxResponseBytes`: the platform's data or a misbehaving
 * proxy, not an outage, so it is not retried (the same read would bring the same answer).
 */
export function answerTooLargeFault(platformName: string, maxBytes: number, upstreamStatus: number): GatewayFault {
  return new GatewayFault(ErrorCode.UPSTREAM_ERROR, `${platformName} answered more than ${byteSize(maxBytes)} (upstream.maxResponseBytes)`, { upstreamStatus });
}

/** The statuses every platform means the same by: quota, credentials, outage; other 4xx are unexpected. */
export function statusFault(platformName: string, response: UpstreamResponse, message?: string): GatewayFault {
  const { status } = response;
  const details = { upstreamStatus: status };
  if (status === 429) {
    const retryAfterSeconds = retryAfterSecondsOf(response);
    return new GatewayFault(ErrorCode.RATE_LIMITED, `${platformName} rate limit reached`, { ...details, retryable: true, retryAfterSeconds });
  }
  if (status === 401 || status === 403) {
    return new GatewayFault(ErrorCode.STORE_MISCONFIGURED, `${platformName} rejected the gateway's credentials for this store`, details);
  }
  if (status >= 500) {
    return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${platformName} failed (HTTP ${status})`, { ...details, retryable: true });
  }
  return new GatewayFault(ErrorCode.UPSTREAM_ERROR, message ?? `${platformName} answered HTTP ${status}`, details);
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

/** 16777216 → "16 MiB", 65536 → "64 KiB", anything else in bytes: the unit the setting was likely written in. */
function byteSize(bytes: number): string {
  if (bytes % 1048576 === 0) return `${bytes / 1048576} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
