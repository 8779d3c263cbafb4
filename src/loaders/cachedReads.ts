import { Answer, Carried } from '../domain/carried';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../domain/records';
import { KnownChildren, pageOfKnownChildren } from '../domain/childrenPage';
import type { CacheEntry, CacheRead, EntityCache } from '../cache/entityCache';
import { categoryTags, childListTags, listingTags, productOrderTags, productTags, storeTags, WriteTags } from '../cache/entityTags';
import type { CallContext, CatalogPort } from '../platforms/port';
import { productOrdersOf, StoreReads } from './storeReads';

/** One store's share of the entity cache. */
export interface StoreCache {
  storeId: string;
  cache: EntityCache;
  ttlMs: number;
}

/** A kind of entry: its key's letter and the tags of a value of it. */
interface Kind<T> {
  letter: string;
  tags(id: string, value: T): string[];
}

const CATEGORY: Kind<CategoryRecord | null> = { letter: 'c', tags: categoryTags };
const PRODUCT_ORDER: Kind<AssignmentRecord[] | null> = { letter: 'o', tags: productOrderTags };
const PRODUCT: Kind<ProductRecord | null> = { letter: 'p', tags: productTags };

/**
 * A store's reads for one request through the entity cache: what the cache holds and is still current is
 * served from it, the rest read upstream and kept, together with everything those answers carried, each
 * entry tagged with what it was read from and stamped with the clock read before its upstream read. The
 * tags of everything the request read are collected for the answer cache.
 */
export class CachedReads implements StoreReads {
  private readonly tagsRead = new Set<string>();

  constructor(
    private readonly store: StoreCache,
    private readonly port: CatalogPort,
    private readonly call: CallContext,
  ) {}

  categories(ids: readonly string[]) {
    return this.through(CATEGORY, ids, (missing) => this.port.getCategories(missing, this.call));
  }

  categoryProducts(ids: readonly string[]) {
    return this.through(PRODUCT_ORDER, ids, (missing) => productOrdersOf(this.port, missing, this.call));
  }

  products(ids: readonly string[]) {
    return this.through(PRODUCT, ids, (missing) => this.port.getProducts(missing, this.call));
  }

  async listCategories(query: CategoryListQuery): Promise<Answer<Page<CategoryRecord>>> {
    const listingKey = this.key('l', JSON.stringify(query));
    const childrenKey = query.parentId === undefined ? undefined : this.key('k', query.parentId ?? '');
    const read = await this.read(childrenKey ? [listingKey, childrenKey] : [listingKey]);
    const [listing, children] = read?.entries ?? [];
    const page = (listing?.value as Page<CategoryRecord> | undefined) ?? pageOfKnownChildren(children?.value as KnownChildren | undefined, query);
    if (page) {
      this.noteRead((listing ?? children)!.tags);
      return new Carried().answer(page);
    }
    const fetched = await this.port.listCategories(query, this.call);
    this.keep(read, [[listingKey, listingTags(fetched.value), fetched.value]], fetched.carried);
    return fetched;
  }

  /**
   * Purges what the write touches before it (a cache that cannot be told is a write refused, so no
   * replica could serve what it changes) and again once it is done, whatever its outcome, with what its
   * answer named: reads that raced it were stamped before the second purge, so none is kept as current.
   * What the write's own reads carried describes a store about to change (or just changed): it primes the
   * request's loaders, never the cache.
   */
  async write<T>(tags: WriteTags<T>, work: () => Promise<Answer<T>>): Promise<Answer<T>> {
    const touched = storeTags(this.store.storeId, tags.before);
    try {
      await this.store.cache.purge(touched);
    } catch {
      throw new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, 'The shared cache cannot be reached, so writes are refused until it is back', { retryable: true });
    }
    let answer: Answer<T> | undefined;
    try {
      answer = await work();
      return answer;
    } finally {
      const learned = answer && tags.after ? storeTags(this.store.storeId, tags.after(answer.value)) : [];
      await this.store.cache.purge([...touched, ...learned]).catch(() => undefined);
    }
  }

  /** The tags (store-scoped) of everything this request read. */
  readTags(): string[] {
    return [...this.tagsRead];
  }

  private async through<T>(kind: Kind<T>, ids: readonly string[], fetch: (missing: string[]) => Promise<Answer<T[]>>): Promise<Answer<T[]>> {
    const keys = ids.map((id) => this.key(kind.letter, id));
    const read = await this.read(keys);
    const found = read?.entries ?? keys.map(() => undefined);
    found.forEach((entry) => entry && this.noteRead(entry.tags));
    const missing = ids.filter((_, index) => found[index] === undefined);
    if (missing.length === 0) return new Carried().answer(found.map((entry) => entry!.value as T));
    const fetched = await fetch(missing);
    const byId = new Map(missing.map((id, index) => [id, fetched.value[index]]));
    this.keep(
      read,
      missing.map((id) => [this.key(kind.letter, id), kind.tags(id, byId.get(id) as T), byId.get(id)]),
      fetched.carried,
    );
    return fetched.carried.answer(ids.map((id, index) => (found[index] === undefined ? (byId.get(id) as T) : (found[index].value as T))));
  }

  /** What the cache holds under these keys; undefined when it cannot be reached (reads go upstream, nothing is kept). */
  private read(keys: string[]): Promise<CacheRead | undefined> {
    return this.store.cache.read(keys).catch(() => undefined);
  }

  private key(letter: string, id: string): string {
    return `${this.store.storeId}:${letter}:${id}`;
  }

  private noteRead(tags: readonly string[]): void {
    for (const tag of tags) this.tagsRead.add(tag);
  }

  /**
   * Keeps values read upstream, and with them whatever their answers carried, stamped with the clock read
   * before the upstream read began; the request has read them all, tags and all.
   */
  private keep(read: CacheRead | undefined, values: Array<[key: string, tags: string[], value: unknown]>, carried: Carried): void {
    const entries: Array<[string, CacheEntry]> = [];
    const entry = (key: string, tags: string[], value: unknown): void => {
      const scoped = storeTags(this.store.storeId, tags);
      this.noteRead(scoped);
      if (read) entries.push([key, { value, tags: scoped, stamp: read.clock }]);
    };
    for (const [key, tags, value] of values) entry(key, tags, value);
    for (const record of carried.categories) entry(this.key('c', record.nativeId), categoryTags(record.nativeId, record), record);
    for (const list of carried.childLists) {
      const known: KnownChildren = { children: list.children, includesHidden: list.includesHidden };
      entry(this.key('k', list.parentId), childListTags(list.parentId, list.children), known);
    }
    for (const order of carried.productOrders) entry(this.key('o', order.categoryId), productOrderTags(order.categoryId, order.assignments), order.assignments);
    for (const record of carried.products) entry(this.key('p', record.nativeId), productTags(record.nativeId), record);
    // Not awaited: a slow or failed fill costs a later miss, never this answer.
    if (entries.length > 0) this.store.cache.write(entries, this.store.ttlMs).catch(() => undefined);
  }
}
