import type { z } from 'zod';
import type { CategoryLock } from '../locks/categoryLock';
import type { UpstreamClient } from '../upstream/upstreamClient';
import type { RateLimitSettings } from '../upstream/upstreamSettings';
import type { CatalogPort, StoreCapabilities } from './port';
import type { StoreConfigBase } from './storeConfig';

/** What an adapter is built with: the store's upstream client and its category lock (scoped to the store). */
export interface AdapterDeps {
  http: UpstreamClient;
  lock: CategoryLock;
}

/** Where a store's upstream requests go and how they authenticate. */
export interface StoreConnection {
  /** Paths are appended to it. */
  baseUrl: string;
  /** Sent with every request (the platform's credentials). Never logged. */
  headers: Record<string, string>;
}

/**
 * The most upstream requests a platform's operations take, for the gateway's cost estimate (README, "Limits
 * and budgets"). Counts are what one GraphQL request asks at once: the loaders batch reads by id across it.
 */
export interface RequestCosts {
  /** `count` categories read by id. */
  categoriesById(count: number): number;
  /** `count` products read by id. */
  productsById(count: number): number;
  /** One page of `first` categories from each of `listings` listings (a store's categories, a category's children). */
  categoryPages(listings: number, first: number): number;
  /**
   * Reading every category of a store at once, where the platform lists them all and that listing answers
   * every child list and category by id below (Ecwid's and BigCommerce's indexes, Zaveit's one listing):
   * a store's category reads in one operation are charged at most this, however many lists they are.
   */
  wholeCatalog?: number;
  /** Levels of children a category read's answer carries (SFCC's `levels=2`): lists that deep below a read cost nothing. */
  childLevelsCarried?: number;
  /** The products of `count` assignments, where the assignment's answer does not already carry them (default: productsById). */
  assignedProducts?(count: number): number;
  /** The product order of `categories` categories, a page of `first` each. */
  productPages(categories: number, first: number): number;
  /** An assign or unassign of `count` products, with the reads it makes. */
  productWrite(count: number): number;
  /** Any other write (create, update, delete, move, image), with the reads it makes. */
  categoryWrite: number;
}

/** What a platform's webhook says changed in a store outside the gateway. */
export interface CatalogChange {
  entity: 'category' | 'product';
  nativeId: string;
}

/** A webhook delivery as the gateway received it: its parsed JSON body and its headers. */
export interface WebhookDelivery {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** When it arrived (ms since the epoch), for refusing replays. */
  receivedAt: number;
}

/** What a delivery is worth: the changes it names, or why it is refused (the outcome is a metric label). */
export type WebhookVerdict =
  { accepted: true; changes: CatalogChange[] } | { accepted: false; status: 400 | 401 | 403; outcome: 'malformed' | 'bad_signature' | 'replayed' | 'other_store'; message: string };

/** A platform's webhooks: a store's receiver when its config has what verifies them (else it takes none). */
export interface PlatformWebhooks<C> {
  receiver(store: C): ((delivery: WebhookDelivery) => WebhookVerdict) | undefined;
}

/** A platform's emulator running for the demo, and the store config entry that points at it. */
export interface PlatformDemo {
  store: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * A platform, as one module: everything the rest of the gateway knows of it. The registry
 * (src/platforms/index.ts) lists one per platform; nothing else names a platform.
 */
export interface PlatformDescriptor<C extends StoreConfigBase = StoreConfigBase> {
  /** The config's `platform` value, e.g. `ecwid`. */
  name: string;
  /** The value of the GraphQL Platform enum, e.g. `ECWID`. */
  graphqlName: string;
  /** For messages and metrics, e.g. `Ecwid`. */
  displayName: string;
  /** A store's config entry (see storeConfigSchema). */
  configSchema: z.ZodType<C>;
  /** What the gateway assumes of the platform when the config says nothing. */
  defaults: { rateLimit: RateLimitSettings | false };
  /** What the adapter can do: one flag per optional operation of the port, which the adapter implements exactly when it is true. */
  capabilities: StoreCapabilities;
  connection(store: C): StoreConnection;
  createAdapter(store: C, deps: AdapterDeps): CatalogPort;
  /** Starts the platform's emulator with its demo catalog (`npm start` without a config). */
  startDemo(): Promise<PlatformDemo>;
  /** What its reads and writes cost in upstream requests. */
  requestCosts: RequestCosts;
  /** Webhooks the platform sends when its catalog changes, which purge the entity cache (POST /webhooks/<name>/<store id>). */
  webhooks?: PlatformWebhooks<C>;
  /** Operations against its demo store (`<name>-demo`) that the explorer opens as tabs, each named and commented. */
  explorerExamples?: string[];
}

/**
 * A platform's descriptor, typed for any store: the store config it is handed is parsed by its own
 * schema again (cheap, once per store at startup), so each platform works with its own config type.
 */
export function definePlatform<C extends StoreConfigBase>(platform: PlatformDescriptor<C>): PlatformDescriptor {
  const own = (store: StoreConfigBase): C => platform.configSchema.parse(store);
  return {
    ...platform,
    configSchema: platform.configSchema,
    connection: (store) => platform.connection(own(store)),
    createAdapter: (store, deps) => platform.createAdapter(own(store), deps),
    webhooks: platform.webhooks && { receiver: (store) => platform.webhooks!.receiver(own(store)) },
  };
}
