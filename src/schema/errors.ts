import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../domain/errorCode';
import { PlatformFault } from '../domain/platformFault';
import type { UserError } from './common/UserError';

/**
 * The one place where faults become GraphQL errors (CONTRACT.md, "Errors"): domain outcomes of a
 * mutation are userErrors in its payload; everything else is a top-level error with extensions.
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

export function isUserErrorFault(error: unknown): error is PlatformFault {
  return error instanceof PlatformFault && USER_ERROR_CODES.has(error.code);
}

/** A fault as a payload's userError; `fault.field` is relative to the mutation's `input`. */
export function toUserError(fault: PlatformFault): UserError {
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
  if (original instanceof PlatformFault) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: faultExtensions(original) };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) {
    // Parse, validation and variable errors: the message is for the client; drop anything else.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: code ?? 'GRAPHQL_VALIDATION_FAILED' } };
  }
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function faultExtensions(fault: PlatformFault): Record<string, unknown> {
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
