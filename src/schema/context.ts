import type { RequestSessions } from '../loaders/requestSessions';

/**
 * What every resolver needs of a request: its store sessions (loaders), the only way to a store, so that
 * every store access is checked against the client. The gateway's request context extends it.
 */
export interface SchemaContext {
  sessions: RequestSessions;
}
