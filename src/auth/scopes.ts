import type { OperationTypeNode } from 'graphql';

/**
 * What a client may do, by Ecwid's names for the same permissions: `read_catalog` runs queries,
 * `update_catalog` runs mutations (their payloads' fields included).
 */
export const SCOPES = ['read_catalog', 'update_catalog'] as const;
export type Scope = (typeof SCOPES)[number];

/** The scope an operation of this type needs. */
export function scopeFor(operation: OperationTypeNode | 'query' | 'mutation' | 'subscription'): Scope {
  return operation === 'mutation' ? 'update_catalog' : 'read_catalog';
}
