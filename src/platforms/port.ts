import type { Platform } from '../domain/platform';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import type {
  AssignOutcome,
  AssignmentRecord,
  CategoryCreate,
  CategoryListQuery,
  CategoryPatch,
  CategoryRecord,
  ImageUpload,
  Page,
  ProductRecord,
} from '../domain/records';

/** What a store can do; resolvers ask this, they never branch on the platform's name. */
export interface StoreCapabilities {
  moveProduct: boolean;
  createCategory: boolean;
  updateCategory: boolean;
  deleteCategory: boolean;
  categoryImages: boolean;
  /** createCategory needs the caller's nativeId (SFCC). */
  createRequiresNativeId: boolean;
}

/**
 * Receives every record an upstream answer carried beyond what was asked, so the per-request loaders
 * are primed and never fetch it again (an SFCC `levels` read carries the children; an Ecwid category
 * read carries its product order).
 */
export interface RecordSink {
  category(record: CategoryRecord): void;
  /** The complete list of a category's children, in sibling order, hidden ones included or not. */
  categoryChildren(parentId: string, children: CategoryRecord[], includesHidden: boolean): void;
  categoryProducts(categoryId: string, assignments: AssignmentRecord[]): void;
  product(record: ProductRecord): void;
}

/** Per-call context: the GraphQL request's deadline and the sink for everything an answer carried. */
export interface CallContext {
  signal: AbortSignal;
  /** Epoch ms by which the whole GraphQL request must have answered. */
  deadlineAt: number;
  sink: RecordSink;
  /** Told of every upstream attempt made for the request (its log line). */
  observe?: UpstreamObserver;
  /**
   * The operation reads across the category tree (children, parents, ancestors): an adapter that can
   * read the whole tree in fewer requests than one per parent may do so up front.
   */
  walksCategoryTree?: boolean;
}

/**
 * The catalog port: one interface, every platform. Ids are native ids; adapters throw PlatformFault
 * for every failure and know nothing of GraphQL.
 */
export interface CatalogPort {
  readonly platform: Platform;
  readonly capabilities: StoreCapabilities;

  /** Whether a native id could exist on this platform: checked before any upstream request. */
  isValidNativeId(kind: 'Category' | 'Product', nativeId: string): boolean;

  /** Categories by id, in the order asked; null where none exists. */
  getCategories(ids: readonly string[], ctx: CallContext): Promise<Array<CategoryRecord | null>>;
  listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Page<CategoryRecord>>;
  /** The category's products in its own order; null when the category does not exist. */
  getCategoryProducts(categoryId: string, ctx: CallContext): Promise<AssignmentRecord[] | null>;
  /** Products by id, in the order asked; null where none exists. */
  getProducts(ids: readonly string[], ctx: CallContext): Promise<Array<ProductRecord | null>>;

  createCategory(input: CategoryCreate, ctx: CallContext): Promise<CategoryRecord>;
  updateCategory(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<CategoryRecord>;
  deleteCategory(categoryId: string, ctx: CallContext): Promise<void>;
  /** Appends products (already-assigned ones keep their place); ids are distinct. */
  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<AssignOutcome>;
  /** Removes products; one that was not assigned is no error. */
  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<void>;
  /** Moves an assigned product to a zero-based index (past the end: last); answers its new place. */
  moveProduct(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<AssignmentRecord>;
  setCategoryImage(categoryId: string, image: ImageUpload, ctx: CallContext): Promise<CategoryRecord>;
  deleteCategoryImage(categoryId: string, ctx: CallContext): Promise<CategoryRecord>;
}
