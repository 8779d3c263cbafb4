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
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) {
    // Parse, validation and variable errors: the message is for the client; drop anything else.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: code ?? 'GRAPHQL_VALIDATION_FAILED' } };
  }
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

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
export type RefusalCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

/** An answer the HTTP layer gives before GraphQL runs (401, 403, malformed or oversized bodies): GraphQL-shaped, no internals. */
export function httpErrorBody(code: RefusalCode, message: string): { errors: Array<{ message: string; extensions: { code: RefusalCode } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

/** An operation refused after validation and before execution, answered with this HTTP status (and headers). */
export function refusedOperation(code: RefusalCode, message: string, http: { status: number; headers?: Array<[string, string]> }): GraphQLError {
  const headers = http.headers ? { headers: new HeaderMap(http.headers) } : {};
  return new GraphQLError(message, { extensions: { code, http: { status: http.status, ...headers } } });
}
