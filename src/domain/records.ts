import type { GatewayFault } from './gatewayFault';

/** The gateway's records: what every adapter turns its platform's wire shapes into. Ids are native ids. */

export interface CategoryRecord {
  nativeId: string;
  name: string;
  description: string | null;
  enabled: boolean;
  /** Sort order among siblings (Ecwid orderBy, SFCC position). */
  position: number | null;
  /** Native id of the parent; null for a root. */
  parentId: string | null;
  productCount: number | null;
  imageUrl: string | null;
  thumbnailUrl: string | null;
  url: string | null;
  /**
   * Native ids of the ancestors, root first, when the platform's answer carried the whole chain (SFCC's
   * `paths`): ancestors then load in one batch instead of one request per level.
   */
  ancestorIds?: string[];
}

export interface ProductRecord {
  nativeId: string;
  sku: string | null;
  name: string | null;
}

/** A product's place in a category's order. */
export interface AssignmentRecord {
  productId: string;
  /** Zero-based index in the category's product order; null where the platform keeps it unpositioned. */
  position: number | null;
}

export interface Page<T> {
  items: T[];
  /** Items in the whole listing, when the platform says. */
  total: number | null;
}

export interface CategoryListQuery {
  /** Children of this category; null for roots only; undefined for every category of the store. */
  parentId?: string | null;
  includeHidden: boolean;
  offset: number;
  limit: number;
}

export interface CategoryCreate {
  name: string;
  parentId?: string | null;
  description?: string | null;
  enabled?: boolean | null;
  position?: number | null;
  /** The caller's id for the category, where the platform lets the caller choose (SFCC). */
  nativeId?: string | null;
}

/** Only the fields present change; parentId null makes the category a root. */
export type CategoryPatch = Partial<Omit<CategoryCreate, 'nativeId'>>;

export interface AssignOutcome {
  /** Every requested product now in the category, with its position (already-assigned ones included). */
  assignments: AssignmentRecord[];
  /** Per-product failures (e.g. PRODUCT_NOT_FOUND), each naming its productId. */
  failures: GatewayFault[];
}

export interface UnassignOutcome {
  /** Per-product failures of a removal that stopped part-way, each naming its productId. */
  failures: GatewayFault[];
}

export interface ImageUpload {
  bytes: Buffer;
  contentType: string;
}
