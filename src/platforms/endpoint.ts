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

/** The `{name}` placeholders of a route template. */
type RouteParams<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | RouteParams<Rest> : never;

/**
 * A request's path from its route template (`/categories/{id}`), each placeholder filled with its value
 * as one segment. The request keeps the template as well: trace spans are named by it, since the ids
 * in the path would make every name unique.
 */
export function route<T extends string>(template: T, ...[params]: [RouteParams<T>] extends [never] ? [] : [Record<RouteParams<T>, string>]): { path: string; route: T } {
  const values = (params ?? {}) as Record<string, string>;
  return { path: template.replace(/\{(\w+)\}/g, (_, name: string) => segment(values[name])), route: template };
}
