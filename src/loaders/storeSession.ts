import DataLoader from 'dataloader';
import { PlatformFault } from '../domain/platformFault';
import type { AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../domain/records';
import { CachedReads } from '../cache/cachedReads';
import type { CallContext, CatalogPort, RecordSink } from '../platforms/port';
import type { Store } from '../platforms/storeRegistry';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import { KnownChildren, pageOfKnownChildren } from '../domain/childrenPage';
import { DirectReads, StoreReads } from './storeReads';

export interface RequestDeadline {
  signal: AbortSignal;
  deadlineAt: number;
  /** Told of every upstream attempt made for the request (its log line). */
  observe?: UpstreamObserver;
  /** The operation reads across the category tree (see CallContext). */
  walksCategoryTree?: boolean;
}

/**
 * One store as one GraphQL request sees it: DataLoaders keyed by native id (batched, cached for the
 * request, primed by every answer that carried more than was asked) and the port calls of mutations.
 */
export class StoreSession implements RecordSink {
  readonly categories: DataLoader<string, CategoryRecord | null>;
  readonly productOrders: DataLoader<string, AssignmentRecord[] | null>;
  readonly products: DataLoader<string, ProductRecord | null>;
  private readonly lists: DataLoader<string, Page<CategoryRecord>>;
  private readonly childLists = new Map<string, KnownChildren>();
  private readonly call: CallContext;
  private readonly reads: StoreReads;

  constructor(
    readonly store: Store,
    deadline: RequestDeadline,
  ) {
    this.call = { ...deadline, sink: this };
    const reads = store.cache ? new CachedReads(store.cache, store.port, this.call) : new DirectReads(store.port, this.call);
    this.reads = reads;
    this.categories = new DataLoader((ids) => this.guard(() => reads.categories(ids)));
    this.products = new DataLoader((ids) => this.guard(() => reads.products(ids)), { maxBatchSize: 100 });
    this.productOrders = new DataLoader((ids) => this.guard(() => reads.categoryProducts(ids)));
    // Identical listings within one operation (aliases, repeated fragments) cost one upstream read.
    this.lists = new DataLoader((keys) => this.guard(() => Promise.all(keys.map((key) => reads.listCategories(JSON.parse(key) as CategoryListQuery)))));
  }

  get port(): CatalogPort {
    return this.store.port;
  }

  listCategories(query: CategoryListQuery): Promise<Page<CategoryRecord>> {
    const known = query.parentId === undefined ? undefined : pageOfKnownChildren(this.childLists.get(query.parentId ?? ''), query);
    return known ? Promise.resolve(known) : this.lists.load(JSON.stringify(query));
  }

  /** Runs a mutation's port call with this request's deadline and sink, faults tagged with the store. */
  run<T>(work: (port: CatalogPort, call: CallContext) => Promise<T>): Promise<T> {
    return this.guard(() => this.reads.write(() => work(this.store.port, this.call)));
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

  // RecordSink: newer answers replace what the request already held.
  category(record: CategoryRecord): void {
    this.categories.clear(record.nativeId).prime(record.nativeId, record);
    this.reads.rememberCategory(record);
  }

  categoryChildren(parentId: string, children: CategoryRecord[], includesHidden: boolean): void {
    const known = { children, includesHidden };
    this.childLists.set(parentId, known);
    this.reads.rememberChildren(parentId, known);
  }

  categoryProducts(categoryId: string, assignments: AssignmentRecord[]): void {
    this.productOrders.clear(categoryId).prime(categoryId, assignments);
    this.reads.rememberCategoryProducts(categoryId, assignments);
  }

  product(record: ProductRecord): void {
    this.products.clear(record.nativeId).prime(record.nativeId, record);
    this.reads.rememberProduct(record);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PlatformFault) error.store ??= { id: this.store.id, platform: this.store.port.platform };
      throw error;
    }
  }
}
