import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { UserError } from './common/UserError';

/**
 * The one place where errors get their shape (README, "Errors"): domain outcomes of a mutation are
 * userErrors in its payload; everything else is a top-level error with extensions, whether GraphQL
 * answers it (formatError, refusedOperation) or the HTTP layer does before GraphQL runs (httpErrorBody).
 */
const USER_ERROR_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.STORE_NOT_FOUND,
  ErrorCode.CATEGORY_NOT_FOUND,
  ErrorCode.PRODUCT_NOT_FOUND,
  ErrorCode.ASSIGNMENT_NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.CATALOG_LOCKED,
  ErrorCode.PLAN_LIMIT_REACHED,
  ErrorCode.UNSUPPORTED_OPERATION,
]);

export function isUserErrorFault(error: unknown): error is GatewayFault {
  return error instanceof GatewayFault && USER_ERROR_CODES.has(error.code);
}

/** A fault as a payload's userError; `fault.field` is relative to the mutation's `input`. */
export function toUserError(fault: GatewayFault): UserError {
  return {
    code: fault.code,
    message: fault.message,
    field: fault.field ? ['input', ...fault.field] : null,
    retryable: fault.retryable,
  };
}

/** Apollo's formatError: faults get their extensions; anything unexpected is masked, never a stack trace. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayFault) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: faultExtensions(original) };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError && original.extensions.code === undefined && isClientStatus(original.extensions.http)) {
    // Apollo's refusals of the request itself that carry a 4xx and no code: an APQ hash that does not match its query, an unknown APQ version.
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (code === 'BAD_REQUEST' && formatted.message.startsWith(APOLLO_CSRF_MESSAGE)) return { message: CSRF_MESSAGE, extensions: { code } };
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) {
    // Parse, validation and variable errors: the message is for the client; drop anything else.
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: code ?? 'GRAPHQL_VALIDATION_FAILED', ...costDetails(formatted.extensions) },
    };
  }
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function isClientStatus(http: unknown): boolean {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** How Apollo's CSRF prevention (`server.csrfPrevention`) begins its refusal, which lists every header but not why. */
const APOLLO_CSRF_MESSAGE = 'This operation has been blocked as a potential Cross-Site Request Forgery';
const CSRF_MESSAGE =
  'Refused as a possible cross-site request forgery (server.csrfPrevention is on): add the header `Apollo-Require-Preflight: true`, ' +
  'or send a `Content-Type` a browser would preflight (application/json, not text/plain, application/x-www-form-urlencoded or multipart/form-data)';

function faultExtensions(fault: GatewayFault): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code: fault.code, retryable: fault.retryable };
  if (fault.store) {
    extensions.storeId = fault.store.id;
    extensions.platform = fault.store.platform;
  }
  if (fault.upstreamStatus !== undefined) extensions.upstreamStatus = fault.upstreamStatus;
  if (fault.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = fault.retryAfterSeconds;
  if (fault.field) extensions.field = fault.field;
  return extensions;
}

/** Codes of refusals made before any resolver runs (no GatewayFault is involved). */
export type RefusalCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'THROTTLED'
  | 'INTERNAL_SERVER_ERROR'
  /** The request did not arrive within server.headersTimeoutMs / requestBodyTimeoutMs (HTTP 408). */
  | 'REQUEST_TIMEOUT'
  /** The gateway is shutting down (HTTP 503 with Retry-After): the request may be sent again, to another replica. */
  | 'SERVICE_UNAVAILABLE';

/** An answer the HTTP layer gives before GraphQL runs (401, 403, 408, 503, malformed or oversized bodies): GraphQL-shaped, no internals. */
export function httpErrorBody(code: RefusalCode, message: string): { errors: Array<{ message: string; extensions: { code: RefusalCode } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

/** An operation refused after validation and before execution, answered with this HTTP status (and headers). */
export function refusedOperation(code: RefusalCode, message: string, http: { status: number; headers?: Array<[string, string]> }, details: CostDetails = {}): GraphQLError {
  const headers = http.headers ? { headers: new HeaderMap(http.headers) } : {};
  // Apollo reads `http.headers` as a Map; the extensions' declared type (augmented by graphql-yoga, a dev dependency's) says a record.
  const extensions: Record<string, unknown> = { code, ...details, http: { status: http.status, ...headers } };
  return new GraphQLError(message, { extensions });
}

/** The numbers a refusal for cost carries (costRefusal, throttled); nothing else of a validation error's extensions is kept. */
const COST_DETAILS = ['retryAfterSeconds', 'estimatedUpstreamRequests', 'maxUpstreamRequests'] as const;

type CostDetails = Partial<Record<(typeof COST_DETAILS)[number], number>>;

function costDetails(extensions: Record<string, unknown> | undefined): CostDetails {
  return Object.fromEntries(COST_DETAILS.filter((key) => typeof extensions?.[key] === 'number').map((key) => [key, extensions![key]]));
}

/** An operation whose estimate of upstream requests is over what one operation may make: BAD_USER_INPUT, 400, before execution. */
export function costRefusal(message: string, estimatedUpstreamRequests: number, maxUpstreamRequests: number): GraphQLError {
  return refusedOperation('BAD_USER_INPUT', message, { status: 400 }, { estimatedUpstreamRequests, maxUpstreamRequests });
}

/**
 * THROTTLED: the client's budget cannot pay for the operation now. As Shopify's Admin API answers it, an
 * HTTP 200 with the error and the cost; Retry-After says the same as retryAfterSeconds, for HTTP tools.
 */
export function throttled(message: string, estimatedUpstreamRequests: number, retryAfterSeconds: number): GraphQLError {
  return refusedOperation('THROTTLED', message, { status: 200, headers: [['retry-after', String(retryAfterSeconds)]] }, { retryAfterSeconds, estimatedUpstreamRequests });
}
