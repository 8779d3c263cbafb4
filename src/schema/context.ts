import type { RequestSessions } from '../loaders/requestSessions';
import type { StoreRegistry } from '../platforms/storeRegistry';

/** What every resolver gets: the configured stores and this request's store sessions (loaders). */
export interface GatewayContext {
  registry: StoreRegistry;
  sessions: RequestSessions;
}
