import type { RequestSessions } from '../loaders/requestSessions';
import type { UpstreamTiming } from '../observability/upstreamTiming';
import type { StoreRegistry } from '../platforms/storeRegistry';

/** What every resolver gets: the configured stores and this request's store sessions (loaders). */
export interface GatewayContext {
  registry: StoreRegistry;
  sessions: RequestSessions;
  /** From the client's x-request-id, or made up; in the response header and every log line. */
  requestId: string;
  /** Every upstream attempt this request made, for its log line. */
  upstreamTimings: UpstreamTiming[];
}
