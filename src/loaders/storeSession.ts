import DataLoader from 'dataloader';
import type { Answer, Carried } from '../domain/carried';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import { QueueRefusal } from '../domain/queueRefusal';
import type { AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../domain/records';
import { CallContext, CatalogPort, OPTIONAL_OPERATIONS, OptionalOperation } from '../platforms/port';
import { KnownChildren, pageOfKnownChildren } from '../domain/childrenPage';
import { RequestMemo } from '../util/requestMemo';
import { CachedReads } from './cachedReads';
import type { Store } from './store';
import { DirectReads, StoreReads } from './storeReads';
import { taggedWrites } from './taggedWrites';

/** What every call of the request carries but the adapters' memo and a lock's lease: its deadline, observer and tree walk. */
export type RequestDeadline = Omit<CallContext, 'memo' | 'lease'>;

/** A port operation the store's platform may lack, bound to its port. */
type Operation<K extends OptionalOperation> = NonNullable<CatalogPort[K]>;

/**
 * One store as one GraphQL request sees it: DataLoaders keyed by native id (batched, cached for the
 * request, primed by every answer that carried more than was asked) and the port calls of mutations.
 */
export class StoreSession {
  readonly categories: DataLoader<string, CategoryRecord | null>;
  readonly productOrders: DataLoader<string, AssignmentRecord[] | null>;
  readonly products: DataLoader<string, ProductRecord | null>;
  private readonly lists: DataLoader<string, Page<CategoryRecord>>;
  private readonly childLists = new Map<string, KnownChildren>();
  private readonly call: CallContext;
  private readonly reads: StoreReads;
  /** The store's port, its writes purging what they touch from the entity cache. */
  readonly port: CatalogPort;

  constructor(
    readonly store: Store,
    deadline: RequestDeadline,
  ) {
    this.call = { ...deadline, memo: new RequestMemo() };
    const reads = store.cache ? new CachedReads(store.cache, store.port, this.call) : new DirectReads(store.port, this.call);
    this.reads = reads;
    this.port = taggedWrites(store.port, reads);
    this.categories = new DataLoader((ids) => this.loadBatch(ids, (some) => reads.categories(some)));
    this.products = new DataLoader((ids) => this.loadBatch(ids, (some) => reads.products(some)), { maxBatchSize: 100 });
    this.productOrders = new DataLoader((ids) => this.loadBatch(ids, (some) => reads.categoryProducts(some)));
    // Identical listings within one operation (aliases, repeated fragments) cost one upstream read; each
    // listing is its own read, so one that fails fails only its own fields.
    this.lists = new DataLoader((keys) => Promise.all(keys.map((key) => this.load(() => reads.listCategories(JSON.parse(key) as CategoryListQuery)).catch(asError))));
  }

  /** A page of a listing: in hand (no promise) when an answer already carried the parent's children. */
  listCategories(query: CategoryListQuery): Page<CategoryRecord> | Promise<Page<CategoryRecord>> {
    const known = query.parentId === undefined ? undefined : pageOfKnownChildren(this.childLists.get(query.parentId ?? ''), query);
    return known ?? this.lists.load(JSON.stringify(query));
  }

  /**
   * An operation the store's platform may lack (its capability false): UNSUPPORTED_OPERATION, before
   * any upstream request, where it does.
   */
  operation<K extends OptionalOperation>(name: K): Operation<K> {
    const method = this.store.capabilities[OPTIONAL_OPERATIONS[name]] ? this.port[name] : undefined;
    if (!method) throw new GatewayFault(ErrorCode.UNSUPPORTED_OPERATION, `${name} is not supported on ${this.store.platform} stores`);
    return method as Operation<K>;
  }

  /**
   * Runs a mutation's port call (through `port` or `operation`, whose writes purge the entity cache) with
   * this request's deadline; the loaders learn what it carried, faults are tagged with the store.
   */
  async run<T>(work: (call: CallContext) => Promise<Answer<T>>): Promise<T> {
    const answer = await this.guard(() => work(this.call));
    this.prime(answer.carried);
    return answer.value;
  }

  /** The entity-cache tags of everything this session read (for the answer cache). */
  readTags(): string[] {
    return this.reads.readTags();
  }

  /** Forgets what this request read about a category before a write changes it. */
  forgetCategory(categoryId: string): void {
    this.categories.clear(categoryId);
    this.productOrders.clear(categoryId);
    this.forgetListings();
  }

  /** Forgets every listing this request read, before a write adds, moves or removes a category. */
  forgetListings(): void {
    this.lists.clearAll();
    this.childLists.clear();
  }

  /** Takes in what answers carried (newer answers replace what the request already held). */
  prime(carried: Carried): void {
    for (const record of carried.categories) this.categories.clear(record.nativeId).prime(record.nativeId, record);
    for (const { parentId, children, includesHidden } of carried.childLists) this.childLists.set(parentId, { children, includesHidden });
    for (const { categoryId, assignments } of carried.productOrders) this.productOrders.clear(categoryId).prime(categoryId, assignments);
    for (const record of carried.products) this.products.clear(record.nativeId).prime(record.nativeId, record);
  }

  /** A read's value, the loaders primed with what it carried. */
  private async load<T>(read: () => Promise<Answer<T>>): Promise<T> {
    const answer = await this.guard(read);
    this.prime(answer.carried);
    return answer.value;
  }

  /**
   * A batch's values, the loaders primed with what they carried. When the store's queue refused one of
   * the batch's upstream calls (nothing was sent for it), the keys are read again one by one, so the
   * refusal fails only the keys it still cannot serve and the rest of the response keeps its data; the
   * calls still in flight are joined, not repeated (identical reads share one request).
   */
  private async loadBatch<T>(ids: readonly string[], read: (ids: readonly string[]) => Promise<Answer<T[]>>): Promise<Array<T | Error>> {
    try {
      return await this.load(() => read(ids));
    } catch (error) {
      if (!(error instanceof QueueRefusal) || ids.length === 1) throw error;
      return Promise.all(ids.map((id) => this.load(() => read([id])).then((values) => values[0], asError)));
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof GatewayFault) error.store ??= { id: this.store.id, platform: this.store.platform };
      throw error;
    }
  }
}

/** A failure as DataLoader takes it for one key: an Error in that key's place. */
function asError(failure: unknown): Error {
  return failure instanceof Error ? failure : new Error(String(failure));
}
