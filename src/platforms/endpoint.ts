import type { UpstreamRequest } from '../upstream/types';

/**
 * One platform endpoint the gateway calls, relative to the store's base URL. `source` says where the
 * platform documents it (the section of docs/platforms/<platform>.md that cites the vendor's page), or
 * that the gateway assumes it: verifying or replacing an assumed endpoint is an edit to its table alone.
 */
export interface Endpoint<A extends unknown[]> {
  source: { documented: string } | 'assumed';
  request(...args: A): UpstreamRequest;
}

/** A path segment from an id: percent-encoded here, once. */
export const segment = (id: string): string => encodeURIComponent(id);
