import type { Carried } from '../../domain/carried';
import type { CategoryRecord } from '../../domain/records';
import { categoryRecord, childListsOf } from './mapping';
import { SFCC_ROOT_CATEGORY_ID, SfccCategory, SfccCategoryList } from './wire';

/**
 * A whole catalog's categories from the pages of its listing (`GET /categories`, 200 a request;
 * docs/platforms/sfcc.md#reads-by-id): every category but the root and every children list, so reads by
 * id, parents and children in the same request cost nothing more.
 */
export class CategoryIndex {
  /** Every category, the root included (it reads by id like any other). */
  private readonly records = new Map<string, CategoryRecord>();
  private readonly lists: Map<string, CategoryRecord[]>;

  private constructor(
    /** Every category document listed, once each. */
    readonly documents: readonly SfccCategory[],
    /**
     * Whether the pages agree (the catalog did not change while it was listed). Only a complete index proves
     * children lists, and that a category it lacks does not exist.
     */
    readonly complete: boolean,
    catalogId: string,
  ) {
    for (const document of documents) this.records.set(document.id, categoryRecord(document, catalogId));
    const all = this.all();
    this.lists = childListsOf(
      all,
      all.filter((record) => record.parentId === null),
    );
  }

  /** The index of a whole listing's pages. */
  static of(pages: readonly SfccCategoryList[], catalogId: string): CategoryIndex {
    const [first] = pages;
    const documents = new Map<string, SfccCategory>();
    for (const document of pages.flatMap((page) => page.data ?? [])) if (!documents.has(document.id)) documents.set(document.id, document);
    const complete = pages.every((page) => page.total === first.total) && documents.size === first.total;
    return new CategoryIndex([...documents.values()], complete, catalogId);
  }

  /** The category, or null: one the whole listing did not hold does not exist. */
  category(id: string): CategoryRecord | null {
    return this.records.get(id) ?? null;
  }

  /** Every category but the root, in the listing's order. */
  all(): CategoryRecord[] {
    return [...this.records.values()].filter((record) => record.nativeId !== SFCC_ROOT_CATEGORY_ID);
  }

  /** A category's children in sibling order (the root's: the store's roots); null for a category that does not exist. */
  childrenOf(parentId: string): CategoryRecord[] | null {
    return this.lists.get(parentId) ?? null;
  }

  /** Carries every category and (when complete) every children list, so the rest of the operation reads nothing more. */
  carryInto(carried: Carried): void {
    for (const record of this.records.values()) carried.category(record);
    if (!this.complete) return;
    for (const [parentId, children] of this.lists) carryChildren(parentId, children, carried);
  }
}

/** A complete children list, offline children included; the root's children are the store's roots, known under both keys. */
export function carryChildren(parentId: string, children: CategoryRecord[], carried: Carried): void {
  carried.categoryChildren(parentId, children, true);
  if (parentId === SFCC_ROOT_CATEGORY_ID) carried.categoryChildren('', children, true);
}
