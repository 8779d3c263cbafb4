import { ErrorCode } from './errorCode';

export interface GatewayFaultDetails {
  /** The HTTP status the platform answered with, when it answered. */
  upstreamStatus?: number;
  retryable?: boolean;
  retryAfterSeconds?: number;
  /** The input field at fault, relative to the operation's input (e.g. ["name"]). */
  field?: string[];
  /** The product a per-product fault is about (assign, unassign, move). */
  productId?: string;
}

/**
 * A failure in the gateway's terms: a platform's, a refusal (bad input, a store the client may not reach, an unknown store) or an outage of the gateway's own shared state (cache, locks).
 * Adapters throw it; the schema layer turns it into a userError or a top-level GraphQL error, in one
 * place (src/schema/errors.ts). Its message never holds tokens or URLs.
 */
export class GatewayFault extends Error {
  readonly code: ErrorCode;
  readonly upstreamStatus?: number;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly field?: string[];
  readonly productId?: string;
  /** The store it happened in: set by the store session, for the error's extensions. */
  store?: { id: string; platform: string };

  constructor(code: ErrorCode, message: string, details: GatewayFaultDetails = {}) {
    super(message);
    this.name = 'GatewayFault';
    this.code = code;
    this.upstreamStatus = details.upstreamStatus;
    this.retryable = details.retryable ?? false;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.field = details.field;
    this.productId = details.productId;
  }
}
