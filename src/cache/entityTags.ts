import type { AssignmentRecord, CategoryCreate, CategoryPatch, CategoryRecord, Page } from '../domain/records';

/**
 * What a cache entry was read from and what a change touches, in one store's words (README "Caching"):
 * an entry carries the tags of everything in it, a write purges the tags of what it changed.
 */
const Tag = {
  category: (id: string) => `category:${id}`,
  /** A parent's list of children ('' for the roots). */
  children: (parentId: string | null | undefined) => `children:${parentId ?? ''}`,
  /** A category's product order. */
  products: (categoryId: string) => `products:${categoryId}`,
  product: (id: string) => `product:${id}`,
  /** The paths (ancestorIds) of a category's descendants, which move with it. */
  subtree: (id: string) => `subtree:${id}`,
  /** Whole-store listings (and the indexes built from them). */
  listing: 'listing',
  /** Every child list, for a change whose parent is not known. */
  childLists: 'child-lists',
  /** Every product order, for a product change whose categories are not known. */
  productOrders: 'product-orders',
  /**
   * Every record with a product count: a platform may count a category's subcategories' products too
   * (Ecwid), so an assignment changes its ancestors', which are not known.
   */
  productCounts: 'product-counts',
} as const;

/** A store's tags, told apart from every other store's. */
export const storeTags = (storeId: string, tags: Iterable<string>): string[] => [...new Set(tags)].map((tag) => `${storeId}:${tag}`);

export function categoryTags(id: string, record: CategoryRecord | null): string[] {
  const tags = [Tag.category(id)];
  if (record?.productCount !== null && record?.productCount !== undefined) tags.push(Tag.productCounts);
  for (const ancestor of record?.ancestorIds ?? []) tags.push(Tag.subtree(ancestor));
  return tags;
}

export function childListTags(parentId: string, children: readonly CategoryRecord[]): string[] {
  return [Tag.children(parentId), Tag.childLists, ...children.flatMap((child) => categoryTags(child.nativeId, child))];
}

export function listingTags(page: Page<CategoryRecord>): string[] {
  return [Tag.listing, ...page.items.flatMap((item) => categoryTags(item.nativeId, item))];
}

export function productOrderTags(categoryId: string, order: readonly AssignmentRecord[] | null): string[] {
  return order === null ? [Tag.products(categoryId)] : [Tag.products(categoryId), Tag.productOrders];
}

export function productTags(id: string): string[] {
  return [Tag.product(id)];
}

/** The tags a write touches: those known before it runs, and those its answer names. */
export interface WriteTags<T> {
  before: string[];
  after?: (value: T) => string[];
}

/** What each write changes: entries carrying any of these may hold the state from before it. */
export const writeTags = {
  createCategory: (input: CategoryCreate): WriteTags<CategoryRecord> => ({
    // A category known not to exist (a cached null) under a caller's nativeId exists now.
    before: [Tag.children(input.parentId), Tag.listing, ...(input.nativeId ? [Tag.category(input.nativeId)] : [])],
    after: (record) => [Tag.category(record.nativeId), Tag.children(record.parentId)],
  }),
  updateCategory: (id: string, patch: CategoryPatch): WriteTags<CategoryRecord> => ({
    // Listings and child lists carry the category's tag, so its old parent's list goes with it; a move
    // also changes its new parent's list, its descendants' paths and its ancestors' product counts.
    before: [Tag.category(id), Tag.listing, ...(patch.parentId === undefined ? [] : [Tag.children(patch.parentId), Tag.subtree(id), Tag.productCounts])],
    // Its parent's list, which a hidden category shown again joins.
    after: (record) => [Tag.children(record.parentId)],
  }),
  deleteCategory: (id: string): WriteTags<void> => ({
    before: [Tag.category(id), Tag.children(id), Tag.products(id), Tag.subtree(id), Tag.listing, Tag.productCounts],
  }),
  categoryImage: (id: string): WriteTags<CategoryRecord> => ({ before: [Tag.category(id)] }),
  /** An assign or unassign: the order and every product count that may include it. */
  assignment: (categoryId: string): WriteTags<unknown> => ({ before: [Tag.products(categoryId), Tag.category(categoryId), Tag.productCounts] }),
  productOrder: (categoryId: string): WriteTags<unknown> => ({ before: [Tag.products(categoryId)] }),
};

/** What a platform's webhook says changed outside the gateway. */
export interface ExternalChange {
  entity: 'category' | 'product';
  nativeId: string;
}

/**
 * The tags a change made outside the gateway touches. Events name the entity alone, not its parent or
 * categories, so every child list (a category's) or every product order (a product's) goes with it.
 */
export function externalChangeTags({ entity, nativeId }: ExternalChange): string[] {
  if (entity === 'product') return [Tag.product(nativeId), Tag.productOrders, Tag.productCounts];
  return [Tag.category(nativeId), Tag.children(nativeId), Tag.products(nativeId), Tag.subtree(nativeId), Tag.listing, Tag.childLists, Tag.productCounts];
}
