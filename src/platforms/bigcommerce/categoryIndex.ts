import type { Carried } from '../../domain/carried';
import type { KnownChildren } from '../../domain/childrenPage';
import type { CategoryRecord } from '../../domain/records';
import { categoryRecord } from './mapping';
import type { BigCommerceCategory } from './wire';

/**
 * A whole category tree of the store from its flat listing (docs/platforms/bigcommerce.md#paging): every
 * field of every category, 250 a request, with the parent links and sort_orders that place each one. It
 * answers every category, child list, parent and ancestor of the tree, so an operation that walks the
 * tree reads nothing more. (The tree endpoint gives the shape in one request too, but without
 * description, sort_order or image: it would be a second read, never instead of this one.)
 */
export class CategoryIndex {
  private readonly records = new Map<string, CategoryRecord>();
  private readonly children = new Map<string, CategoryRecord[]>();
  /** Every category in the listing's order (by id): the order of a listing of the whole tree. */
  private readonly listed: CategoryRecord[];

  private constructor(flat: readonly BigCommerceCategory[]) {
    this.listed = flat.map(categoryRecord);
    this.children.set('', []);
    for (const record of this.listed) {
      this.records.set(record.nativeId, record);
      if (!this.children.has(record.nativeId)) this.children.set(record.nativeId, []);
    }
    for (const category of siblingOrder(flat)) {
      const parentId = category.parent_id ? String(category.parent_id) : '';
      const siblings = this.children.get(parentId) ?? [];
      siblings.push(this.records.get(String(category.category_id))!);
      this.children.set(parentId, siblings);
    }
  }

  /** The index of a whole listing, or null when it lists a category twice (pages read while the tree changed). */
  static of(flat: readonly BigCommerceCategory[]): CategoryIndex | null {
    const ids = new Set(flat.map((category) => category.category_id));
    return ids.size === flat.length ? new CategoryIndex(flat) : null;
  }

  /** The category, or null: one the whole tree does not hold does not exist in it. */
  category(id: string): CategoryRecord | null {
    return this.records.get(id) ?? null;
  }

  /** A parent's children in sibling order, hidden ones included ('' for the roots); none for an unknown parent, as the listing answers it. */
  childrenOf(parentId: string): KnownChildren {
    return { children: this.children.get(parentId) ?? [], includesHidden: true };
  }

  /** Every category of the tree, in the listing's order, hidden ones included. */
  all(): KnownChildren {
    return { children: this.listed, includesHidden: true };
  }

  /** Carries every category and child list to the request's loaders, so the rest of the operation reads nothing more. */
  carryInto(carried: Carried): void {
    for (const record of this.listed) carried.category(record);
    for (const [parentId, children] of this.children) carried.categoryChildren(parentId, children, true);
  }
}

/**
 * Siblings in the store's order: ascending sort_order, then id (docs/platforms/bigcommerce.md#ordering-and-positions).
 * The flat listing comes by id, so the gateway orders siblings itself, the same way wherever it lists them.
 */
export function siblingOrder(categories: readonly BigCommerceCategory[]): BigCommerceCategory[] {
  return [...categories].sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || a.category_id - b.category_id);
}
