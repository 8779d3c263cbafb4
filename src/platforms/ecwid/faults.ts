import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { UpstreamResponse } from '../../upstream/types';
import { statusFault } from '../../upstream/upstreamFaults';

const PLATFORM = 'Ecwid';

/** What a 404 of one call is about. */
export interface EcwidNotFound {
  code: ErrorCode;
  message: string;
  field?: string[];
}

/**
 * Ecwid's error statuses (docs/platforms/ecwid.md#faults) in the gateway's terms. `notFound` says what a
 * 404 is about, which only the operation knows (a category, a parent, a product).
 */
export function ecwidFault(response: UpstreamResponse, notFound: EcwidNotFound): GatewayFault {
  const upstreamMessage = errorMessageOf(response);
  const details = { upstreamStatus: response.status };
  switch (response.status) {
    case 400:
      return new GatewayFault(ErrorCode.BAD_USER_INPUT, `Ecwid rejected the request: ${upstreamMessage ?? 'malformed parameters'}`, details);
    case 402:
      return new GatewayFault(ErrorCode.PLAN_LIMIT_REACHED, "The store's Ecwid plan allows no more categories", details);
    case 404:
      return new GatewayFault(notFound.code, notFound.message, { ...details, field: notFound.field });
    case 409:
      // Ecwid answers 409 both for a validation error and for "a conflict modifying the store. Retry later."
      return new GatewayFault(ErrorCode.CONFLICT, `Ecwid reported a conflict: ${upstreamMessage ?? 'the store was being modified'}`, {
        ...details,
        retryable: upstreamMessage === undefined || /retry later/i.test(upstreamMessage),
      });
    case 449:
      return new GatewayFault(ErrorCode.CATALOG_LOCKED, 'The Ecwid catalog is locked by an import in progress; retry later', {
        ...details,
        retryable: true,
      });
    default:
      return statusFault(PLATFORM, response, upstreamMessage && `Ecwid answered HTTP ${response.status}: ${upstreamMessage}`);
  }
}

/**
 * Answers in which Ecwid says it applied nothing, so the same write may be sent again: 449 (an import
 * holds the catalog) and 409 "There was a conflict modifying the store. Retry later." (not 409 "Data
 * validation error", which would fail again).
 */
export function ecwidDidNotApply(response: UpstreamResponse): boolean {
  if (response.status === 449) return true;
  return response.status === 409 && /retry later/i.test(errorMessageOf(response) ?? '');
}

/** Ecwid's optional `{"errorMessage": ...}`, shortened so no upstream essay reaches a client. */
function errorMessageOf(response: UpstreamResponse): string | undefined {
  try {
    const message = (JSON.parse(response.text) as { errorMessage?: unknown }).errorMessage;
    return typeof message === 'string' && message.trim() ? message.trim().slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
