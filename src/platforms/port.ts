import type { Answer } from '../domain/carried';
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
  UnassignOutcome,
} from '../domain/records';
import type { UpstreamCall } from '../upstream/types';
import type { RequestMemo } from '../util/requestMemo';

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

/** Per-call context: the GraphQL request's deadline (and, under a category lock, its lease) and the request's memo. */
export interface CallContext extends UpstreamCall {
  /** What the adapter keeps for this request and store across calls. */
  memo: RequestMemo;
  /**
   * The operation reads across the category tree (children, parents, ancestors): an adapter that can
   * read the whole tree in fewer requests than one per parent may do so up front.
   */
  walksCategoryTree?: boolean;
}

/** The port's operations that a platform may lack; each has its capability. */
export const OPTIONAL_OPERATIONS = {
  createCategory: 'createCategory',
  updateCategory: 'updateCategory',
  deleteCategory: 'deleteCategory',
  moveProduct: 'moveProduct',
  setCategoryImage: 'categoryImages',
  deleteCategoryImage: 'categoryImages',
} as const satisfies Record<string, keyof StoreCapabilities>;

export type OptionalOperation = keyof typeof OPTIONAL_OPERATIONS;

/**
 * The catalog port: one interface, every platform. Ids are native ids; adapters throw GatewayFault for
 * every failure and know nothing of GraphQL. Every call answers its value with the records its upstream
 * answers carried besides (see Carried). An operation the platform has no API for is left out.
 */
export interface CatalogPort {
  /** Whether a native id could exist on this platform: checked before any upstream request. */
  isValidNativeId(kind: 'Category' | 'Product', nativeId: string): boolean;

  /** Categories by id, in the order asked; null where none exists. */
  getCategories(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<CategoryRecord | null>>>;
  listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Answer<Page<CategoryRecord>>>;
  /** The category's products in its own order; null when the category does not exist. */
  getCategoryProducts(categoryId: string, ctx: CallContext): Promise<Answer<AssignmentRecord[] | null>>;
  /** Products by id, in the order asked; null where none exists. */
  getProducts(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<ProductRecord | null>>>;

  /**
   * Appends products (already-assigned ones keep their place); ids are distinct. A write the platform
   * takes in several requests that fails after some landed answers what is in the category now and one
   * failure per product not applied (see partialWrite.ts), not the fault alone.
   */
  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<AssignOutcome>>;
  /** Removes products; one that was not assigned is no error. Stopped part-way: as assignProducts. */
  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<UnassignOutcome>>;

  createCategory?(input: CategoryCreate, ctx: CallContext): Promise<Answer<CategoryRecord>>;
  updateCategory?(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<Answer<CategoryRecord>>;
  deleteCategory?(categoryId: string, ctx: CallContext): Promise<Answer<void>>;
  /** Moves an assigned product to a zero-based index (past the end: last); answers its new place. */
  moveProduct?(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<Answer<AssignmentRecord>>;
  setCategoryImage?(categoryId: string, image: ImageUpload, ctx: CallContext): Promise<Answer<CategoryRecord>>;
  deleteCategoryImage?(categoryId: string, ctx: CallContext): Promise<Answer<CategoryRecord>>;
}
