import type { CatalogPort, StoreCapabilities } from '../platforms/port';
import type { StoreCache } from './cachedReads';

/** A configured store: its public id, the adapter that serves it and its share of the entity cache. */
export interface Store {
  id: string;
  /** The platform's name in the GraphQL schema (its Platform enum value), e.g. ECWID. */
  platform: string;
  capabilities: StoreCapabilities;
  port: CatalogPort;
  /** Absent when the entity cache is off. */
  cache?: StoreCache;
}

/** The configured stores, as the loaders reach them (the composition root's store registry implements it). */
export interface StoreDirectory {
  get(id: string): Store | undefined;
  all(): Store[];
}
