import type { AnswerSlot } from '../http/answerCache';
import type { Client } from '../auth/client';
import type { RequestSessions } from '../loaders/requestSessions';
import type { UpstreamTiming } from '../observability/upstreamTiming';

/**
 * What every resolver gets: this request's store sessions (loaders), the only way to a store, so that
 * every store access is checked against the client.
 */
export interface GatewayContext {
  sessions: RequestSessions;
  /** Who sent the request (its API key's client); null when the gateway runs open. */
  client: Client | null;
  /** From the client's x-request-id, or made up; in the response header and every log line. */
  requestId: string;
  /** Every upstream attempt this request made, for its log line. */
  upstreamTimings: UpstreamTiming[];
  /** Where this request's answer is kept in the answer cache, when it is on and missed. */
  answerSlot?: AnswerSlot | null;
}
