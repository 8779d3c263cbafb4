import { createHash } from 'node:crypto';
import { categoryInvalid, SfccFault } from './fault';

/** A localized string as OCAPI keeps it: `{ "default": "Shoes", "fr-FR": "Chaussures" }`. */
export type Localized = Record<string, string>;

export interface SfccCategory {
  id: string;
  name: Localized;
  description: Localized;
  online: boolean;
  /** null only for the root category. */
  parentId: string | null;
  /** Sort value among its siblings, kept as given (only assignments are normalized). */
  position: number | null;
  image?: string;
  thumbnail?: string;
  creationDate: string;
  lastModified: string;
  resourceState: string;
}

export interface SfccProduct {
  id: string;
  name: Localized;
}

export interface SfccAssignment {
  categoryId: string;
  productId: string;
  /** null: assigned without a position, listed after the positioned ones. */
  position: number | null;
  creationDate: string;
  resourceState: string;
}

/** What a create or an update may set on a category. */
export interface CategoryFields {
  name?: Localized;
  description?: Localized;
  online?: boolean;
  parentId?: string;
  position?: number | null;
  image?: string;
  thumbnail?: string;
}

export interface SfccCatalogOptions {
  name?: Localized;
  /** Source of creation dates; the demo fixes it so its documents are the same on every start. */
  clock?: () => Date;
}

/** Every SFCC catalog has this category; all others descend from it. */
export const ROOT_CATEGORY_ID = 'root';

/** One OCAPI catalog in memory: categories, products, category product assignments and their rules. */
export class SfccCatalog {
  readonly name: Localized;
  private readonly clock: () => Date;
  /** Insertion order is creation order, which listings and ties keep. */
  private readonly categories = new Map<string, SfccCategory>();
  private readonly products = new Map<string, SfccProduct>();
  /** categoryId → productId → assignment. */
  private readonly assignments = new Map<string, Map<string, SfccAssignment>>();
  private writes = 0;

  constructor(
    readonly id: string,
    options: SfccCatalogOptions = {},
  ) {
    this.name = options.name ?? { default: 'Main Catalog' };
    this.clock = options.clock ?? (() => new Date());
    const now = this.clock().toISOString();
    this.categories.set(ROOT_CATEGORY_ID, {
      id: ROOT_CATEGORY_ID,
      name: { default: 'Root Category' },
      description: {},
      online: true,
      parentId: null,
      position: null,
      creationDate: now,
      lastModified: now,
      resourceState: this.nextState(`category/${ROOT_CATEGORY_ID}`),
    });
  }

  // Categories

  findCategory(id: string): SfccCategory | undefined {
    return this.categories.get(id);
  }

  getCategory(id: string): SfccCategory {
    const category = this.categories.get(id);
    if (!category) {
      throw new SfccFault('CategoryNotFoundException', `No category with ID '${id}' for catalog '${this.id}' was found.`, {
        catalogId: this.id,
        categoryId: id,
      });
    }
    return category;
  }

  /** All categories, root first, in creation order. */
  listCategories(): SfccCategory[] {
    return [...this.categories.values()];
  }

  /** Direct subcategories by position (unpositioned last), then creation order. */
  childrenOf(id: string): SfccCategory[] {
    return byPosition(this.listCategories().filter((category) => category.parentId === id));
  }

  /** The categories from the root down to `id`, both included. */
  pathTo(id: string): SfccCategory[] {
    const path = [this.getCategory(id)];
    for (let parentId = path[0].parentId; parentId !== null; parentId = path[0].parentId) {
      path.unshift(this.getCategory(parentId));
    }
    return path;
  }

  createCategory(id: string, fields: CategoryFields): SfccCategory {
    if (this.categories.has(id)) {
      throw new SfccFault('CategoryDuplicateException', `The category could not be created because of duplicate ID '${id}' in catalog '${this.id}'.`, {
        catalogId: this.id,
        categoryId: id,
      });
    }
    const parentId = fields.parentId ?? ROOT_CATEGORY_ID;
    if (!this.categories.has(parentId)) throw categoryInvalid(this.id, id, 'parent_category_id');
    const now = this.clock().toISOString();
    const category: SfccCategory = {
      id,
      name: fields.name ?? {},
      description: fields.description ?? {},
      // Business Manager creates categories offline until someone publishes them.
      online: fields.online ?? false,
      parentId,
      position: fields.position ?? null,
      image: fields.image,
      thumbnail: fields.thumbnail,
      creationDate: now,
      lastModified: now,
      resourceState: this.nextState(`category/${id}`),
    };
    this.categories.set(id, category);
    return category;
  }

  /** PATCH semantics: absent fields stay, localized fields merge per locale. */
  updateCategory(id: string, fields: CategoryFields, expectedState?: string): SfccCategory {
    const category = this.getCategory(id);
    checkState(category.resourceState, expectedState);
    if (fields.parentId !== undefined && !this.canMoveUnder(id, fields.parentId)) throw categoryInvalid(this.id, id, 'parent_category_id');
    if (fields.name) category.name = { ...category.name, ...fields.name };
    if (fields.description) category.description = { ...category.description, ...fields.description };
    if (fields.online !== undefined) category.online = fields.online;
    if (fields.parentId !== undefined) category.parentId = fields.parentId;
    if (fields.position !== undefined) category.position = fields.position;
    if (fields.image !== undefined) category.image = fields.image;
    if (fields.thumbnail !== undefined) category.thumbnail = fields.thumbnail;
    category.lastModified = this.clock().toISOString();
    category.resourceState = this.nextState(`category/${id}`);
    return category;
  }

  /** Removes the category with its subcategories and their assignments. */
  deleteCategory(id: string, expectedState?: string): void {
    const category = this.getCategory(id);
    checkState(category.resourceState, expectedState);
    if (id === ROOT_CATEGORY_ID) throw categoryInvalid(this.id, id, 'id');
    for (const doomed of this.subtree(id)) {
      this.categories.delete(doomed);
      this.assignments.delete(doomed);
    }
  }

  // Products

  addProduct(id: string, name: Localized): SfccProduct {
    const product = { id, name };
    this.products.set(id, product);
    return product;
  }

  findProduct(id: string): SfccProduct | undefined {
    return this.products.get(id);
  }

  getProduct(id: string): SfccProduct {
    const product = this.products.get(id);
    if (!product) throw new SfccFault('ProductNotFoundException', `No product with ID '${id}' was found.`, { productId: id });
    return product;
  }

  listProducts(): SfccProduct[] {
    return [...this.products.values()];
  }

  // Category product assignments

  /** The category's assignments in platform order: positioned by position, then unpositioned in creation order. */
  assignmentsOf(categoryId: string): SfccAssignment[] {
    this.getCategory(categoryId);
    return byPosition([...(this.assignments.get(categoryId)?.values() ?? [])]);
  }

  /** The category's product ids in platform order: what a storefront shows. */
  productIdsOf(categoryId: string): string[] {
    return this.assignmentsOf(categoryId).map((assignment) => assignment.productId);
  }

  findAssignment(categoryId: string, productId: string): SfccAssignment | undefined {
    return this.assignments.get(categoryId)?.get(productId);
  }

  getAssignment(categoryId: string, productId: string): SfccAssignment {
    this.getCategory(categoryId);
    this.getProduct(productId);
    const assignment = this.findAssignment(categoryId, productId);
    if (!assignment) {
      throw new SfccFault(
        'CategoryProductAssignmentNotFoundException',
        `No product category assignment with catalog ID '${this.id}' and category id '${categoryId}' and product id '${productId}' was found.`,
        { catalogId: this.id, categoryId, productId },
      );
    }
    return assignment;
  }

  /** PUT: creates the assignment, or replaces an existing one's position; `created` tells which. */
  putAssignment(categoryId: string, productId: string, position: number | null): { assignment: SfccAssignment; created: boolean } {
    this.getCategory(categoryId);
    this.getProduct(productId);
    const existing = this.findAssignment(categoryId, productId);
    if (existing) {
      this.place(existing, position);
      return { assignment: existing, created: false };
    }
    const assignment: SfccAssignment = { categoryId, productId, position: null, creationDate: this.clock().toISOString(), resourceState: '' };
    this.place(assignment, position);
    let byProduct = this.assignments.get(categoryId);
    if (!byProduct) this.assignments.set(categoryId, (byProduct = new Map()));
    byProduct.set(productId, assignment);
    return { assignment, created: true };
  }

  /** PATCH: an absent position leaves it; `null` takes the product out of the positioned order. */
  patchAssignment(categoryId: string, productId: string, change: { position?: number | null }, expectedState?: string): SfccAssignment {
    const assignment = this.getAssignment(categoryId, productId);
    checkState(assignment.resourceState, expectedState);
    if (change.position !== undefined) this.place(assignment, change.position);
    else assignment.resourceState = this.nextState(stateKey(assignment));
    return assignment;
  }

  /**
   * Removes the assignment and leaves the others' positions alone (docs/platforms/sfcc.md#ordering-and-positions: A, B, C at 1, 2, 7.5 without B
   * is A, C at 1, 7.5). No fault is documented for a missing assignment, so that is a no-op.
   */
  deleteAssignment(categoryId: string, productId: string, expectedState?: string): void {
    this.getCategory(categoryId);
    const assignment = this.findAssignment(categoryId, productId);
    if (!assignment) return;
    checkState(assignment.resourceState, expectedState);
    this.assignments.get(categoryId)?.delete(productId);
  }

  /** The assignments of these categories (unknown ones have none), sorted by position; unpositioned ones last either way. */
  searchAssignments(categoryIds: string[], order: 'asc' | 'desc' = 'asc'): SfccAssignment[] {
    const found = categoryIds.filter((id) => this.categories.has(id)).flatMap((id) => this.assignmentsOf(id));
    const sorted = byPosition(found);
    if (order === 'asc') return sorted;
    const positioned = sorted.filter((assignment) => assignment.position !== null).reverse();
    return [...positioned, ...sorted.filter((assignment) => assignment.position === null)];
  }

  /**
   * Seed 004's normalization: a position is a target slot among the positioned assignments, which are then
   * renumbered 1..n in order (A, B, C + D at 2 → A, D, B, C at 1..4; past the end clamps to n+1). Taking a
   * product out of the order (null) renumbers the rest too (B, C, A, D with C → null is B, A, D at 1..3).
   */
  private place(target: SfccAssignment, position: number | null): void {
    const others = byPosition([...(this.assignments.get(target.categoryId)?.values() ?? [])]).filter((assignment) => assignment !== target && assignment.position !== null);
    const wasPositioned = target.position !== null;
    if (position !== null) {
      // A fractional target such as 1.5 lands between the 1st and the 2nd.
      const slot = Math.min(Math.max(Math.ceil(position), 1), others.length + 1) - 1;
      others.splice(slot, 0, target);
      this.renumber(others);
    } else {
      target.position = null;
      if (wasPositioned) this.renumber(others);
    }
    target.resourceState = this.nextState(stateKey(target));
  }

  private renumber(ordered: SfccAssignment[]): void {
    ordered.forEach((assignment, index) => {
      if (assignment.position === index + 1) return;
      assignment.position = index + 1;
      assignment.resourceState = this.nextState(stateKey(assignment));
    });
  }

  private canMoveUnder(id: string, parentId: string): boolean {
    return id !== ROOT_CATEGORY_ID && this.categories.has(parentId) && !this.subtree(id).includes(parentId);
  }

  /** The category and all its descendants. */
  private subtree(id: string): string[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i++) {
      for (const category of this.categories.values()) if (category.parentId === ids[i]) ids.push(category.id);
    }
    return ids;
  }

  /** OCAPI's resource states are opaque hashes that change with every write; a write counter makes them so. */
  private nextState(key: string): string {
    this.writes += 1;
    return createHash('sha256').update(`${this.id}/${key}/${this.writes}`).digest('hex');
  }
}

function stateKey(assignment: SfccAssignment): string {
  return `assignment/${assignment.categoryId}/${assignment.productId}`;
}

/** Positioned first by position, then unpositioned; the sort is stable, so ties keep creation order. */
function byPosition<T extends { position: number | null }>(items: T[]): T[] {
  return items.sort((a, b) => {
    if (a.position === null || b.position === null) return Number(a.position === null) - Number(b.position === null);
    return a.position - b.position;
  });
}

function checkState(current: string, expected: string | undefined): void {
  if (expected === undefined || expected === current) return;
  throw new SfccFault('ResourceStateConflictException', `The resource state '${expected}' does not match the current state of the resource.`, {
    resourceState: expected,
  });
}
