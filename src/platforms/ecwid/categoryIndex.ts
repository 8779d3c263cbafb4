import type { KnownChildren } from '../../domain/childrenPage';
import type { AssignmentRecord, CategoryRecord } from '../../domain/records';
import type { Carried } from '../../domain/carried';
import { assignmentRecords, categoryRecord } from './mapping';
import type { EcwidCategory } from './wire';

/**
 * A whole Ecwid store's categories from one listing of all of them (hidden ones and product ids
 * included): Ecwid has no batch read by id and lists one parent a call, so for a tree, ancestors or many
 * ids this costs ⌈total/100⌉ requests where per-parent reads cost one per parent.
 */
export class CategoryIndex {
  private readonly records = new Map<string, CategoryRecord>();
  private readonly children = new Map<string, KnownChildren>();
  /** Product ids as listed; assignment records are made only for the categories asked about. */
  private readonly productIds = new Map<string, readonly number[]>();

  /** `listed` must hold every category of the store (the caller checks it against Ecwid's total). */
  constructor(listed: readonly EcwidCategory[]) {
    const siblings = new Map<string, EcwidCategory[]>([['', []]]);
    for (const category of listed) {
      const id = String(category.id);
      this.records.set(id, categoryRecord(category));
      this.productIds.set(id, category.productIds ?? []);
      if (!siblings.has(id)) siblings.set(id, []);
      const parent = category.parentId ? String(category.parentId) : '';
      const list = siblings.get(parent) ?? [];
      list.push(category);
      siblings.set(parent, list);
    }
    for (const [parentId, list] of siblings) {
      // The order Ecwid lists one parent's children in: by orderBy, then by id.
      list.sort((a, b) => (a.orderBy ?? 0) - (b.orderBy ?? 0) || a.id - b.id);
      this.children.set(parentId, { children: list.map((category) => this.records.get(String(category.id))!), includesHidden: true });
    }
  }

  /** The category, or null: a category the whole listing did not hold does not exist. */
  category(id: string): CategoryRecord | null {
    return this.records.get(id) ?? null;
  }

  /** A parent's children, hidden ones included ('' for the roots); none for an unknown parent, as Ecwid lists it. */
  childrenOf(parentId: string): KnownChildren {
    return this.children.get(parentId) ?? { children: [], includesHidden: true };
  }

  productOrder(categoryId: string): AssignmentRecord[] | null {
    const productIds = this.productIds.get(categoryId);
    return productIds ? assignmentRecords(productIds) : null;
  }

  /**
   * Carries every category and child list to the request's loaders, so the rest of the operation reads nothing
   * more. Product orders are not handed over (most operations that walk a tree ask for few of them, and
   * making them all was most of an index's garbage): the adapter answers them from the index on demand.
   */
  carryInto(carried: Carried): void {
    for (const record of this.records.values()) carried.category(record);
    for (const [parentId, known] of this.children) carried.categoryChildren(parentId, known.children, true);
  }
}
