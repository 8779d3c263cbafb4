import { ErrorCode } from './errorCode';
import { GatewayFault } from './gatewayFault';

/**
 * An upstream call the gateway refused before sending it, because the store's queue (or the client's
 * share of it) was full: nothing reached the platform, so a batch it was part of may still read its
 * other keys one by one.
 */
export class QueueRefusal extends GatewayFault {
  constructor(message: string) {
    super(ErrorCode.UPSTREAM_UNAVAILABLE, message, { retryable: true, retryAfterSeconds: 1 });
    this.name = 'QueueRefusal';
  }
}
