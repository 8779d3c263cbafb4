import type { AssignmentRecord, CategoryRecord, ProductRecord } from '../../domain/records';
import { SFCC_LOCALE, SFCC_ROOT_CATEGORY_ID, SfccAssignment, SfccCategory, SfccLocalized, SfccProduct } from './wire';

/** A localized value in the gateway's locale, else the first locale that has one. */
export function localizedText(value: SfccLocalized | undefined): string | null {
  if (!value) return null;
  const text = value[SFCC_LOCALE] ?? Object.values(value).find((candidate) => candidate !== '');
  return text ? text : null;
}

/**
 * The catalog's `root` category stands for "no parent": its children are the store's roots, as Ecwid's
 * top-level categories are (and `parentId: null` in a write means `parent_category_id: "root"`).
 */
export function parentIdOf(category: SfccCategory): string | null {
  const parent = category.parent_category_id;
  return parent && parent !== SFCC_ROOT_CATEGORY_ID ? parent : null;
}

export function categoryRecord(category: SfccCategory, catalogId: string): CategoryRecord {
  return {
    nativeId: category.id,
    name: localizedText(category.name) ?? category.id,
    description: localizedText(category.description),
    enabled: category.online ?? false,
    position: typeof category.position === 'number' ? category.position : null,
    parentId: parentIdOf(category),
    // OCAPI's category document carries no product count; counting costs the assignment search.
    productCount: null,
    imageUrl: category.image ?? null,
    thumbnailUrl: category.thumbnail ?? null,
    // `link` is the Data API resource, not a storefront page: no URL a shopper could open.
    url: null,
    ancestorIds: ancestorIdsOf(category, catalogId),
  };
}

/**
 * The ancestors below the root, root first, from `paths`, which ends with the category itself. The vendor's
 * sample starts below the root; others start with the catalog and the root (docs/platforms/sfcc.md#endpoints):
 * both are dropped. A path whose last ancestor is not the category's parent is not trusted (the resolver
 * then walks the parent chain).
 */
export function ancestorIdsOf(category: SfccCategory, catalogId: string): string[] | undefined {
  if (!Array.isArray(category.paths) || category.paths.length === 0) return undefined;
  const ids = category.paths.map((step) => step.id);
  if (ids[ids.length - 1] !== category.id) return undefined;
  let start = 0;
  if (ids[start] === catalogId && ids.length > 1 && ids[start + 1] === SFCC_ROOT_CATEGORY_ID) start += 1;
  if (ids[start] === SFCC_ROOT_CATEGORY_ID) start += 1;
  const ancestors = ids.slice(start, -1);
  const parent = parentIdOf(category);
  const consistent = parent === null ? ancestors.length === 0 : ancestors[ancestors.length - 1] === parent;
  return consistent && category.id !== SFCC_ROOT_CATEGORY_ID ? ancestors : undefined;
}

/** Siblings as a storefront shows them: by position, unpositioned last, ties in the order given. */
export function siblingOrder<T extends { position: number | null }>(categories: readonly T[]): T[] {
  return [...categories].sort((a, b) => {
    if (a.position === null || b.position === null) return Number(a.position === null) - Number(b.position === null);
    return a.position - b.position;
  });
}

export interface CategoryTree {
  /** Every category the answer carried, the top one first. */
  records: CategoryRecord[];
  /** The complete children lists (offline ones included) the answer proves, keyed by parent id. */
  childLists: Map<string, CategoryRecord[]>;
}

/**
 * A category read with `levels`: categories down to depth `levels`, and the complete children list of every
 * category above that depth (one without `categories` there has none). Deeper ones prove nothing.
 */
export function categoryTree(top: SfccCategory, levels: number, catalogId: string): CategoryTree {
  const tree: CategoryTree = { records: [], childLists: new Map() };
  const visit = (category: SfccCategory, depth: number): CategoryRecord => {
    const record = categoryRecord(category, catalogId);
    tree.records.push(record);
    if (depth < levels) {
      const children = (category.categories ?? []).map((child) => visit(child, depth + 1));
      tree.childLists.set(record.nativeId, siblingOrder(children));
    }
    return record;
  };
  visit(top, 0);
  return tree;
}

/** The complete listing of a catalog proves every category's children list. */
export function childListsOf(all: readonly CategoryRecord[], rootChildren: readonly CategoryRecord[]): Map<string, CategoryRecord[]> {
  const lists = new Map<string, CategoryRecord[]>(all.map((record) => [record.nativeId, []]));
  lists.set(SFCC_ROOT_CATEGORY_ID, [...rootChildren]);
  for (const record of all) if (record.parentId !== null) lists.get(record.parentId)?.push(record);
  for (const [parentId, children] of lists) lists.set(parentId, siblingOrder(children));
  return lists;
}

/**
 * The gateway's zero-based positions from SFCC's: positioned assignments by position (SFCC keeps them
 * 1..n, but imports may leave gaps or fractions such as 7.5, so the index, not `position - 1`), then the
 * unpositioned ones with `position: null`, in the order the platform listed them
 * (docs/platforms/sfcc.md#ordering-and-positions).
 */
export function assignmentRecords(assignments: readonly SfccAssignment[]): AssignmentRecord[] {
  const seen = new Set<string>();
  const distinct = assignments.filter((assignment) => !seen.has(assignment.product_id) && seen.add(assignment.product_id));
  const positioned = distinct.filter((assignment) => typeof assignment.position === 'number');
  const ordered = positioned.map((assignment, index) => ({ assignment, index })).sort((a, b) => a.assignment.position! - b.assignment.position! || a.index - b.index);
  return [
    ...ordered.map(({ assignment }, position) => ({ productId: assignment.product_id, position })),
    ...distinct.filter((assignment) => typeof assignment.position !== 'number').map((assignment) => ({ productId: assignment.product_id, position: null })),
  ];
}

/**
 * A search's hits by the category they belong to, for every category asked about (none: an empty list).
 * A search about one category needs no `category_id`; about several, a hit that names none of them cannot
 * be placed: undefined, and each category is searched on its own.
 */
export function assignmentsByCategory(hits: readonly SfccAssignment[], categoryIds: readonly string[]): Map<string, SfccAssignment[]> | undefined {
  const byCategory = new Map<string, SfccAssignment[]>(categoryIds.map((id) => [id, []]));
  if (categoryIds.length === 1) return byCategory.set(categoryIds[0], [...hits]);
  for (const hit of hits) {
    const list = hit.category_id === undefined ? undefined : byCategory.get(hit.category_id);
    if (!list) return undefined;
    list.push(hit);
  }
  return byCategory;
}

/** SFCC's product id is its SKU. */
export function productRecord(product: SfccProduct): ProductRecord {
  return { nativeId: product.id, sku: product.id, name: localizedText(product.name) };
}

/** An assignment carries its product's name: enough for `product { name }` without a product read. */
export function productOfAssignment(assignment: SfccAssignment): ProductRecord | null {
  if (!assignment.product_name) return null;
  return productRecord({ id: assignment.product_id, name: assignment.product_name });
}

export function localized(text: string): SfccLocalized {
  return { [SFCC_LOCALE]: text };
}
