import { Answer, Carried } from '../domain/carried';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { CategoryListQuery, CategoryRecord, Page } from '../domain/records';
import { KnownChildren, pageOfKnownChildren } from '../domain/childrenPage';
import type { EntityCache } from '../cache/entityCache';
import type { CallContext, CatalogPort } from '../platforms/port';
import { productOrdersOf, StoreReads } from './storeReads';

/** One store's share of the entity cache. */
export interface StoreCache {
  storeId: string;
  cache: EntityCache;
  ttlMs: number;
}

type Kind = 'c' | 'o' | 'p';

/**
 * A store's reads for one request through the entity cache: what the cache holds under the store's
 * current generation is served from it, the rest read upstream and kept, together with everything those
 * answers carried. Products are kept outside generations (the gateway never changes a product), the
 * rest under the generation read when the request first needed it, which a write moves on.
 */
export class CachedReads implements StoreReads {
  private generation: Promise<string | undefined> | undefined;

  constructor(
    private readonly store: StoreCache,
    private readonly port: CatalogPort,
    private readonly call: CallContext,
  ) {}

  categories(ids: readonly string[]) {
    return this.through('c', ids, (missing) => this.port.getCategories(missing, this.call));
  }

  categoryProducts(ids: readonly string[]) {
    return this.through('o', ids, (missing) => productOrdersOf(this.port, missing, this.call));
  }

  products(ids: readonly string[]) {
    return this.through('p', ids, (missing) => this.port.getProducts(missing, this.call));
  }

  async listCategories(query: CategoryListQuery): Promise<Answer<Page<CategoryRecord>>> {
    const generation = await this.currentGeneration();
    if (generation === undefined) return this.port.listCategories(query, this.call);
    const listingKey = this.key(generation, 'l', JSON.stringify(query));
    const childrenKey = query.parentId === undefined ? undefined : this.key(generation, 'k', query.parentId ?? '');
    const [listing, children] = await this.get(childrenKey ? [listingKey, childrenKey] : [listingKey]);
    const page = (listing as Page<CategoryRecord> | undefined) ?? pageOfKnownChildren(children as KnownChildren | undefined, query);
    if (page) return new Carried().answer(page);
    const fetched = await this.port.listCategories(query, this.call);
    this.keep(generation, [[listingKey, fetched.value]], fetched.carried);
    return fetched;
  }

  /**
   * Moves the store's generation on before the write (a cache that cannot be told is a write refused, so
   * no replica could serve what it changes) and again once it is done, whatever its outcome: reads that
   * raced it filled only the generation in between. What the write's own reads carried describes a store
   * about to change (or just changed): it primes the request's loaders, never the cache.
   */
  async write<T>(work: () => Promise<Answer<T>>): Promise<Answer<T>> {
    try {
      this.generation = Promise.resolve(await this.advance());
      return await work();
    } finally {
      this.generation = this.advance().catch(() => undefined);
      await this.generation;
    }
  }

  private async through<T>(kind: Kind, ids: readonly string[], fetch: (missing: string[]) => Promise<Answer<T[]>>): Promise<Answer<T[]>> {
    const generation = kind === 'p' ? '' : await this.currentGeneration();
    if (generation === undefined) return fetch([...ids]);
    const keys = ids.map((id) => this.key(generation, kind, id));
    const found = (await this.get(keys)) as Array<T | undefined>;
    const missing = ids.filter((_, index) => found[index] === undefined);
    if (missing.length === 0) return new Carried().answer(found as T[]);
    const fetched = await fetch(missing);
    const byId = new Map(missing.map((id, index) => [id, fetched.value[index]]));
    this.keep(
      generation,
      missing.map((id) => [this.key(generation, kind, id), byId.get(id)]),
      fetched.carried,
    );
    return fetched.carried.answer(ids.map((id, index) => (found[index] === undefined ? (byId.get(id) as T) : (found[index] as T))));
  }

  /** The generation this request reads under; undefined when the cache cannot be reached (reads go upstream). */
  private currentGeneration(): Promise<string | undefined> {
    this.generation ??= this.store.cache.generation(this.store.storeId).catch(() => undefined);
    return this.generation;
  }

  private async advance(): Promise<string> {
    try {
      return await this.store.cache.advanceGeneration(this.store.storeId);
    } catch {
      throw new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, 'The shared cache cannot be reached, so writes are refused until it is back', { retryable: true });
    }
  }

  private key(generation: string, kind: string, id: string): string {
    return kind === 'p' ? `${this.store.storeId}:p:${id}` : `${this.store.storeId}:${generation}:${kind}:${id}`;
  }

  private async get(keys: string[]): Promise<unknown[]> {
    return this.store.cache.getMany(keys).catch(() => keys.map(() => undefined));
  }

  /**
   * Stores entries, and with them whatever their answers carried, under the generation their reads began in
   * (product reads run under none: what they carried of categories is not kept).
   */
  private keep(generation: string, entries: Array<[string, unknown]>, carried: Carried): void {
    for (const record of carried.products) entries.push([this.key(generation, 'p', record.nativeId), record]);
    if (generation !== '') this.keepCategories(generation, entries, carried);
    // Not awaited: a slow or failed fill costs a later miss, never this answer.
    this.store.cache.setMany(entries, this.store.ttlMs).catch(() => undefined);
  }

  private keepCategories(generation: string, entries: Array<[string, unknown]>, carried: Carried): void {
    for (const record of carried.categories) entries.push([this.key(generation, 'c', record.nativeId), record]);
    for (const list of carried.childLists) {
      const known: KnownChildren = { children: list.children, includesHidden: list.includesHidden };
      entries.push([this.key(generation, 'k', list.parentId), known]);
    }
    for (const order of carried.productOrders) entries.push([this.key(generation, 'o', order.categoryId), order.assignments]);
  }
}
