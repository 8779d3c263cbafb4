import DataLoader from 'dataloader';
import { PlatformFault } from '../domain/platformFault';
import type { AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../domain/records';
import type { CallContext, CatalogPort, RecordSink } from '../platforms/port';
import type { Store } from '../platforms/storeRegistry';
import type { UpstreamObserver } from '../observability/upstreamTiming';

export interface RequestDeadline {
  signal: AbortSignal;
  deadlineAt: number;
  /** Told of every upstream attempt made for the request (its log line). */
  observe?: UpstreamObserver;
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
  private readonly childLists = new Map<string, { children: CategoryRecord[]; includesHidden: boolean }>();
  private readonly call: CallContext;

  constructor(
    readonly store: Store,
    deadline: RequestDeadline,
  ) {
    this.call = { ...deadline, sink: this };
    const port = store.port;
    this.categories = new DataLoader((ids) => this.guard(() => port.getCategories(ids, this.call)));
    this.products = new DataLoader((ids) => this.guard(() => port.getProducts(ids, this.call)), { maxBatchSize: 100 });
    this.productOrders = new DataLoader((ids) => this.guard(() => Promise.all(ids.map((id) => port.getCategoryProducts(id, this.call)))));
    // Identical listings within one operation (aliases, repeated fragments) cost one upstream read.
    this.lists = new DataLoader((keys) =>
      this.guard(() => Promise.all(keys.map((key) => port.listCategories(JSON.parse(key) as CategoryListQuery, this.call)))),
    );
  }

  get port(): CatalogPort {
    return this.store.port;
  }

  listCategories(query: CategoryListQuery): Promise<Page<CategoryRecord>> {
    const known = query.parentId === undefined ? undefined : this.childLists.get(query.parentId ?? '');
    if (known && (known.includesHidden || !query.includeHidden)) {
      const visible = query.includeHidden ? known.children : known.children.filter((c) => c.enabled);
      return Promise.resolve({ items: visible.slice(query.offset, query.offset + query.limit), total: visible.length });
    }
    return this.lists.load(JSON.stringify(query));
  }

  /** Runs a port call (a mutation's) with this request's deadline and sink, faults tagged with the store. */
  run<T>(work: (port: CatalogPort, call: CallContext) => Promise<T>): Promise<T> {
    return this.guard(() => work(this.store.port, this.call));
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
  }

  categoryChildren(parentId: string, children: CategoryRecord[], includesHidden: boolean): void {
    this.childLists.set(parentId, { children, includesHidden });
  }

  categoryProducts(categoryId: string, assignments: AssignmentRecord[]): void {
    this.productOrders.clear(categoryId).prime(categoryId, assignments);
  }

  product(record: ProductRecord): void {
    this.products.clear(record.nativeId).prime(record.nativeId, record);
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
