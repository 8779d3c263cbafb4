import type { AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../domain/records';
import type { CallContext, CatalogPort } from '../platforms/port';
import type { KnownChildren } from '../domain/childrenPage';

/**
 * How a store session reaches its store for one request: straight to the port, or through the entity
 * cache. The session tells it of every record an upstream answer carried (`remember…`), and runs every
 * write through `write`.
 */
export interface StoreReads {
  categories(ids: readonly string[]): Promise<Array<CategoryRecord | null>>;
  categoryProducts(ids: readonly string[]): Promise<Array<AssignmentRecord[] | null>>;
  products(ids: readonly string[]): Promise<Array<ProductRecord | null>>;
  listCategories(query: CategoryListQuery): Promise<Page<CategoryRecord>>;
  write<T>(work: () => Promise<T>): Promise<T>;
  rememberCategory(record: CategoryRecord): void;
  rememberChildren(parentId: string, known: KnownChildren): void;
  rememberCategoryProducts(categoryId: string, assignments: AssignmentRecord[]): void;
  rememberProduct(record: ProductRecord): void;
}

/** Every read goes upstream: the entity cache is off. */
export class DirectReads implements StoreReads {
  constructor(
    private readonly port: CatalogPort,
    private readonly call: CallContext,
  ) {}

  categories(ids: readonly string[]) {
    return this.port.getCategories(ids, this.call);
  }

  categoryProducts(ids: readonly string[]) {
    return Promise.all(ids.map((id) => this.port.getCategoryProducts(id, this.call)));
  }

  products(ids: readonly string[]) {
    return this.port.getProducts(ids, this.call);
  }

  listCategories(query: CategoryListQuery) {
    return this.port.listCategories(query, this.call);
  }

  write<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  rememberCategory(): void {}
  rememberChildren(): void {}
  rememberCategoryProducts(): void {}
  rememberProduct(): void {}
}
