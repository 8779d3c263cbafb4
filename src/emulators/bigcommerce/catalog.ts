import { EmulatorHttpError } from '../kit';

/** A category as the store keeps it; wire fields are derived in wire.ts. */
export interface BigCommerceCategoryState {
  id: number;
  uuid: string;
  treeId: number;
  /** 0 for a root of its tree. */
  parentId: number;
  name: string;
  description: string;
  views: number;
  sortOrder: number;
  pageTitle: string;
  metaKeywords: string[];
  metaDescription: string;
  layoutFile: string;
  imageUrl: string;
  isVisible: boolean;
  searchKeywords: string;
  defaultProductSort: string;
  urlPath: string;
  urlCustomized: boolean;
}

export interface BigCommerceProductState {
  id: number;
  name: string;
  sku: string;
  price: number;
  isVisible: boolean;
  dateCreated: string;
}

export interface BigCommerceTreeState {
  id: number;
  name: string;
  channels: number[];
}

/** A product's place in a category: its category-level `sort_order`, null until one is set. */
export interface SortOrderEntry {
  product_id: number;
  sort_order: number | null;
}

/** Failures of a batch, keyed `"<index>.<field>"` (docs/platforms/bigcommerce.md#writes-and-concurrency). */
export type ItemErrors = Record<string, string>;

/** The outcome of a create or update batch: what was applied, and what failed per item. */
export interface BatchResult {
  applied: BigCommerceCategoryState[];
  errors: ItemErrors;
  total: number;
}

export interface CategoryFilter {
  categoryIds?: number[];
  notCategoryIds?: number[];
  treeIds?: number[];
  notTreeIds?: number[];
  parentIds?: number[];
  notParentIds?: number[];
  name?: string;
  nameLike?: string;
  isVisible?: boolean;
}

/** Documented limits (docs/platforms/bigcommerce.md#endpoints). */
export const MAX_CATEGORIES_PER_STORE = 16_000;
export const MAX_CATEGORY_DEPTH = 8;
export const MAX_CATEGORIES_PER_PRODUCT = 1_000;
export const MAX_NAME_LENGTH = 50;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

type Item = Record<string, unknown>;

/** A BigCommerce store's catalog in memory: category trees, products and their category assignments, with the rules of docs/platforms/bigcommerce.md. */
export class BigCommerceCatalog {
  readonly trees = new Map<number, BigCommerceTreeState>();
  readonly categories = new Map<number, BigCommerceCategoryState>();
  readonly products = new Map<number, BigCommerceProductState>();
  /** category id → product id → category-level sort_order (null: never set). */
  readonly assignments = new Map<number, Map<number, number | null>>();
  private nextCategoryId = 18;
  private nextProductId = 77;
  private nextImage = 1;

  constructor(readonly storeHash: string) {}

  addTree(tree: BigCommerceTreeState): BigCommerceTreeState {
    this.trees.set(tree.id, tree);
    return tree;
  }

  addProduct(product: Omit<BigCommerceProductState, 'id' | 'dateCreated'> & { id?: number; dateCreated?: string }): BigCommerceProductState {
    const id = product.id ?? this.nextProductId++;
    this.nextProductId = Math.max(this.nextProductId, id + 1);
    const stored = { dateCreated: '2024-03-01T09:00:00+00:00', ...product, id };
    this.products.set(id, stored);
    return stored;
  }

  category(id: number): BigCommerceCategoryState | undefined {
    return this.categories.get(id);
  }

  /** A tree's categories nested, siblings by sort_order then id (docs/platforms/bigcommerce.md#endpoints); 404 for an unknown tree. */
  tree(treeId: number): BigCommerceCategoryState[] {
    if (!this.trees.has(treeId)) {
      throw new EmulatorHttpError(404, { status: 404, title: `Category tree ${treeId} not found`, type: ERROR_TYPE, errors: {} });
    }
    return this.siblings(treeId, 0);
  }

  /** The children of `parentId` (0: the roots) in `treeId`, in the storefront's order. */
  siblings(treeId: number, parentId: number): BigCommerceCategoryState[] {
    return [...this.categories.values()].filter((c) => c.treeId === treeId && c.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  }

  /** Ancestors' ids from the root down (empty for a root). */
  path(category: BigCommerceCategoryState): number[] {
    const path: number[] = [];
    for (let parent = this.categories.get(category.parentId); parent; parent = this.categories.get(parent.parentId)) path.unshift(parent.id);
    return path;
  }

  /** The flat listing's matches, by ascending category_id. */
  list(filter: CategoryFilter): BigCommerceCategoryState[] {
    const has = (list: number[] | undefined, value: number) => list === undefined || list.includes(value);
    const lacks = (list: number[] | undefined, value: number) => list === undefined || !list.includes(value);
    return [...this.categories.values()]
      .filter(
        (c) =>
          has(filter.categoryIds, c.id) &&
          lacks(filter.notCategoryIds, c.id) &&
          has(filter.treeIds, c.treeId) &&
          lacks(filter.notTreeIds, c.treeId) &&
          has(filter.parentIds, c.parentId) &&
          lacks(filter.notParentIds, c.parentId) &&
          (filter.name === undefined || c.name === filter.name) &&
          (filter.nameLike === undefined || c.name.toLowerCase().includes(filter.nameLike.toLowerCase())) &&
          (filter.isVisible === undefined || c.isVisible === filter.isVisible),
      )
      .sort((a, b) => a.id - b.id);
  }

  /** POST /catalog/trees/categories: each item applied or failed on its own (docs/platforms/bigcommerce.md#writes-and-concurrency). */
  createCategories(items: unknown[]): BatchResult {
    const result: BatchResult = { applied: [], errors: {}, total: items.length };
    items.forEach((raw, index) => {
      const errors = this.validateCreate(raw, index);
      if (Object.keys(errors).length > 0) {
        Object.assign(result.errors, errors);
        return;
      }
      result.applied.push(this.insert(raw as Item));
    });
    return result;
  }

  /** PUT /catalog/trees/categories: sets the fields each item names on the category its category_id names. */
  updateCategories(items: unknown[]): BatchResult {
    const result: BatchResult = { applied: [], errors: {}, total: items.length };
    items.forEach((raw, index) => {
      const errors = this.validateUpdate(raw, index);
      if (Object.keys(errors).length > 0) {
        Object.assign(result.errors, errors);
        return;
      }
      result.applied.push(this.apply(raw as Item));
    });
    return result;
  }

  /** DELETE /catalog/trees/categories: the matches and their descendants, with their assignments; the number deleted. */
  deleteCategories(filter: Pick<CategoryFilter, 'categoryIds' | 'treeIds' | 'parentIds'>): number {
    const doomed = new Set(this.list(filter).map((c) => c.id));
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of this.categories.values()) {
        if (!doomed.has(c.id) && doomed.has(c.parentId)) {
          doomed.add(c.id);
          grew = true;
        }
      }
    }
    for (const id of doomed) {
      this.categories.delete(id);
      this.assignments.delete(id);
    }
    return doomed.size;
  }

  /** Assignment pairs by ascending product_id, then category_id. */
  listAssignments(filter: { productIds?: number[]; categoryIds?: number[] }): Array<{ product_id: number; category_id: number }> {
    const pairs: Array<{ product_id: number; category_id: number }> = [];
    for (const [categoryId, products] of this.assignments) {
      if (filter.categoryIds && !filter.categoryIds.includes(categoryId)) continue;
      for (const productId of products.keys()) {
        if (!filter.productIds || filter.productIds.includes(productId)) pairs.push({ product_id: productId, category_id: categoryId });
      }
    }
    return pairs.sort((a, b) => a.product_id - b.product_id || a.category_id - b.category_id);
  }

  /** PUT /catalog/products/category-assignments: all pairs or none; a pair already there is left as it is. */
  assign(items: unknown[]): ItemErrors {
    const errors: ItemErrors = {};
    const adding = new Map<number, number>();
    items.forEach((raw, index) => {
      const item = isItem(raw) ? raw : {};
      if (!isItem(raw)) errors[`${index}`] = 'An assignment must be an object with product_id and category_id';
      const productId = item.product_id;
      const categoryId = item.category_id;
      if (!isPositiveInteger(productId) || !this.products.has(productId)) errors[`${index}.product_id`] = `Product ${String(productId)} does not exist`;
      if (!isPositiveInteger(categoryId) || !this.categories.has(categoryId)) errors[`${index}.category_id`] = `Category ${String(categoryId)} does not exist`;
      else if (isPositiveInteger(productId) && !this.assignments.get(categoryId)?.has(productId)) {
        const count = this.categoryCount(productId) + (adding.get(productId) ?? 0) + 1;
        adding.set(productId, (adding.get(productId) ?? 0) + 1);
        if (count > MAX_CATEGORIES_PER_PRODUCT) errors[`${index}.category_id`] = `A product can be in at most ${MAX_CATEGORIES_PER_PRODUCT} categories`;
      }
    });
    if (Object.keys(errors).length > 0) return errors;
    for (const item of items as Array<{ product_id: number; category_id: number }>) {
      const products = this.assignments.get(item.category_id) ?? new Map<number, number | null>();
      if (!products.has(item.product_id)) products.set(item.product_id, null);
      this.assignments.set(item.category_id, products);
    }
    return {};
  }

  /** DELETE /catalog/products/category-assignments: removes the matching pairs; none matching is no error. */
  unassign(filter: { productIds?: number[]; categoryIds?: number[] }): number {
    let removed = 0;
    for (const pair of this.listAssignments(filter)) {
      this.assignments.get(pair.category_id)?.delete(pair.product_id);
      removed += 1;
    }
    return removed;
  }

  /**
   * A category's products as GET …/products/sort-order lists them: numbered ones by sort_order then product_id,
   * then the null ones newest first (docs/platforms/bigcommerce.md#ordering-and-positions).
   */
  sortOrder(categoryId: number): SortOrderEntry[] {
    const entries = [...(this.assignments.get(categoryId) ?? new Map<number, number | null>())].map(([product_id, sort_order]) => ({ product_id, sort_order }));
    return entries.sort((a, b) => {
      if (a.sort_order === null || b.sort_order === null) {
        if (a.sort_order !== b.sort_order) return a.sort_order === null ? 1 : -1;
        return b.product_id - a.product_id;
      }
      return a.sort_order - b.sort_order || a.product_id - b.product_id;
    });
  }

  /** PUT …/products/sort-order: all entries or none; products not listed keep theirs. Answers the problem, if any. */
  setSortOrder(categoryId: number, items: unknown[]): string | undefined {
    const products = this.assignments.get(categoryId) ?? new Map<number, number | null>();
    for (const raw of items) {
      if (!isItem(raw) || !isPositiveInteger(raw.product_id) || !Number.isInteger(raw.sort_order) || (raw.sort_order as number) < 0) {
        return 'Each entry needs a product_id (an integer of at least 1) and a sort_order (an integer of at least 0)';
      }
      if (!products.has(raw.product_id)) return `Product ${raw.product_id} is not assigned to category ${categoryId}`;
    }
    for (const raw of items as Array<{ product_id: number; sort_order: number }>) products.set(raw.product_id, raw.sort_order);
    return undefined;
  }

  /** Stores an uploaded image and answers its URL, which becomes the category's image_url. */
  setImage(categoryId: number, extension: string): string {
    const category = this.categories.get(categoryId);
    if (!category) throw new Error(`No category ${categoryId}`);
    const url = `https://cdn11.bigcommerce.example/s-${this.storeHash}/product_images/k/category_${categoryId}__${this.nextImage++}.${extension}`;
    category.imageUrl = url;
    return url;
  }

  private categoryCount(productId: number): number {
    let count = 0;
    for (const products of this.assignments.values()) if (products.has(productId)) count += 1;
    return count;
  }

  private depthOf(id: number): number {
    let depth = 0;
    for (let c = this.categories.get(id); c; c = this.categories.get(c.parentId)) depth += 1;
    return depth;
  }

  private validateCreate(raw: unknown, index: number): ItemErrors {
    const errors: ItemErrors = {};
    const at = (field: string, message: string) => (errors[`${index}.${field}`] = message);
    if (!isItem(raw)) return { [`${index}`]: 'A category must be an object' };
    if (this.categories.size >= MAX_CATEGORIES_PER_STORE) return { [`${index}`]: `The store has reached its limit of ${MAX_CATEGORIES_PER_STORE} categories` };
    const parentId = raw.parent_id ?? 0;
    let treeId = raw.tree_id;
    if (raw.parent_id === undefined && raw.tree_id === undefined) at('tree_id', 'tree_id or parent_id is required');
    else if (!Number.isInteger(parentId) || (parentId as number) < 0) at('parent_id', 'parent_id must be an integer of at least 0');
    else if (parentId !== 0) {
      const parent = this.categories.get(parentId as number);
      if (!parent) at('parent_id', `Parent category ${String(parentId)} does not exist`);
      else if (treeId !== undefined && treeId !== parent.treeId) at('tree_id', `Parent category ${parent.id} is not in tree ${String(treeId)}`);
      else if (this.depthOf(parent.id) + 1 > MAX_CATEGORY_DEPTH) at('parent_id', `Categories can be nested at most ${MAX_CATEGORY_DEPTH} levels deep`);
      treeId ??= parent?.treeId;
    } else if (!Number.isInteger(treeId) || !this.trees.has(treeId as number)) at('tree_id', `Category tree ${String(treeId)} does not exist`);
    this.validateFields(raw, at, { requireName: true });
    if (errors[`${index}.name`] === undefined && errors[`${index}.parent_id`] === undefined && errors[`${index}.tree_id`] === undefined) {
      if (this.nameTaken(treeId as number, parentId as number, raw.name as string)) at('name', `A sibling category is already named "${String(raw.name)}"`);
    }
    return errors;
  }

  private validateUpdate(raw: unknown, index: number): ItemErrors {
    const errors: ItemErrors = {};
    const at = (field: string, message: string) => (errors[`${index}.${field}`] = message);
    if (!isItem(raw)) return { [`${index}`]: 'A category must be an object' };
    const category = isPositiveInteger(raw.category_id) ? this.categories.get(raw.category_id) : undefined;
    if (!category) {
      at('category_id', raw.category_id === undefined ? 'category_id is required' : `Category ${String(raw.category_id)} does not exist`);
      return errors;
    }
    if (raw.tree_id !== undefined && raw.tree_id !== category.treeId) at('tree_id', 'A category cannot move to another tree');
    const parentId = raw.parent_id ?? category.parentId;
    if (!Number.isInteger(parentId) || (parentId as number) < 0) at('parent_id', 'parent_id must be an integer of at least 0');
    else if (parentId !== 0 && parentId !== category.parentId) {
      const parent = this.categories.get(parentId as number);
      if (!parent || parent.treeId !== category.treeId) at('parent_id', `Parent category ${String(parentId)} does not exist`);
      else if (parent.id === category.id || this.path(parent).includes(category.id)) at('parent_id', 'A category cannot be moved under itself or its descendants');
      else if (this.depthOf(parent.id) + this.height(category.id) > MAX_CATEGORY_DEPTH) at('parent_id', `Categories can be nested at most ${MAX_CATEGORY_DEPTH} levels deep`);
    }
    this.validateFields(raw, at, { requireName: false });
    const name = (raw.name as string | undefined) ?? category.name;
    if (Object.keys(errors).length === 0 && (raw.name !== undefined || raw.parent_id !== undefined)) {
      if (this.nameTaken(category.treeId, parentId as number, name, category.id)) at('name', `A sibling category is already named "${name}"`);
    }
    return errors;
  }

  /** Levels from this category down to its deepest descendant, itself counted. */
  private height(id: number): number {
    const children = [...this.categories.values()].filter((c) => c.parentId === id);
    return 1 + Math.max(0, ...children.map((c) => this.height(c.id)));
  }

  private validateFields(raw: Item, at: (field: string, message: string) => void, options: { requireName: boolean }): void {
    if (raw.name !== undefined || options.requireName) {
      if (typeof raw.name !== 'string' || raw.name.trim().length === 0 || raw.name.length > MAX_NAME_LENGTH) {
        at('name', `name is required: 1 to ${MAX_NAME_LENGTH} characters`);
      }
    }
    if (raw.description !== undefined && typeof raw.description !== 'string') at('description', 'description must be a string');
    if (raw.is_visible !== undefined && typeof raw.is_visible !== 'boolean') at('is_visible', 'is_visible must be a boolean');
    if (raw.sort_order !== undefined && (!Number.isInteger(raw.sort_order) || (raw.sort_order as number) < INT32_MIN || (raw.sort_order as number) > INT32_MAX)) {
      at('sort_order', 'sort_order must be a 32-bit integer');
    }
    if (raw.image_url !== undefined && (typeof raw.image_url !== 'string' || (raw.image_url !== '' && !/^https?:\/\/\S+$/.test(raw.image_url)))) {
      at('image_url', 'image_url must be a fully qualified URL or an empty string');
    }
    if (raw.url !== undefined) {
      const url = raw.url;
      if (!isItem(url) || typeof url.path !== 'string' || !/^\/\S{0,254}$/.test(url.path) || (url.is_customized !== undefined && typeof url.is_customized !== 'boolean')) {
        at('url', 'url must be {path, is_customized} with a path that starts with /');
      }
    }
    for (const field of ['page_title', 'meta_description', 'search_keywords', 'layout_file', 'default_product_sort'] as const) {
      if (raw[field] !== undefined && typeof raw[field] !== 'string') at(field, `${field} must be a string`);
    }
  }

  private nameTaken(treeId: number, parentId: number, name: string, except?: number): boolean {
    const wanted = name.trim().toLowerCase();
    return this.siblings(treeId, parentId).some((c) => c.id !== except && c.name.trim().toLowerCase() === wanted);
  }

  private insert(item: Item): BigCommerceCategoryState {
    const parentId = (item.parent_id as number | undefined) ?? 0;
    const treeId = parentId === 0 ? (item.tree_id as number) : this.categories.get(parentId)!.treeId;
    const id = this.nextCategoryId++;
    const name = item.name as string;
    const url = item.url as { path: string; is_customized?: boolean } | undefined;
    const parentPath = parentId === 0 ? '/' : this.categories.get(parentId)!.urlPath;
    const category: BigCommerceCategoryState = {
      id,
      uuid: uuidFor(id),
      treeId,
      parentId,
      name,
      description: (item.description as string | undefined) ?? '',
      views: 0,
      sortOrder: (item.sort_order as number | undefined) ?? 0,
      pageTitle: (item.page_title as string | undefined) ?? '',
      metaKeywords: Array.isArray(item.meta_keywords) ? item.meta_keywords.map(String) : [''],
      metaDescription: (item.meta_description as string | undefined) ?? '',
      layoutFile: (item.layout_file as string | undefined) ?? 'category.html',
      imageUrl: (item.image_url as string | undefined) ?? '',
      isVisible: (item.is_visible as boolean | undefined) ?? true,
      searchKeywords: (item.search_keywords as string | undefined) ?? '',
      defaultProductSort: (item.default_product_sort as string | undefined) ?? 'use_store_settings',
      // "If not provided in POST request, the URL is autogenerated from the category name" (docs/platforms/bigcommerce.md#endpoints).
      urlPath: url?.path ?? `${parentPath}${slug(name)}/`,
      urlCustomized: url ? (url.is_customized ?? true) : false,
    };
    this.categories.set(id, category);
    return category;
  }

  private apply(item: Item): BigCommerceCategoryState {
    const category = this.categories.get(item.category_id as number)!;
    if (item.parent_id !== undefined) category.parentId = item.parent_id as number;
    if (item.name !== undefined) category.name = item.name as string;
    if (item.description !== undefined) category.description = item.description as string;
    if (item.sort_order !== undefined) category.sortOrder = item.sort_order as number;
    if (item.is_visible !== undefined) category.isVisible = item.is_visible as boolean;
    if (item.image_url !== undefined) category.imageUrl = item.image_url as string;
    if (item.page_title !== undefined) category.pageTitle = item.page_title as string;
    if (item.meta_description !== undefined) category.metaDescription = item.meta_description as string;
    if (item.search_keywords !== undefined) category.searchKeywords = item.search_keywords as string;
    if (item.layout_file !== undefined) category.layoutFile = item.layout_file as string;
    if (item.default_product_sort !== undefined) category.defaultProductSort = item.default_product_sort as string;
    if (Array.isArray(item.meta_keywords)) category.metaKeywords = item.meta_keywords.map(String);
    if (isItem(item.url)) {
      category.urlPath = item.url.path as string;
      category.urlCustomized = (item.url.is_customized as boolean | undefined) ?? true;
    }
    return category;
  }
}

/** The `type` the spec's error examples carry (docs/platforms/bigcommerce.md#faults). */
export const ERROR_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'category'
  );
}

/** A stable UUID-shaped id per category, so answers are the same on every run. */
function uuidFor(id: number): string {
  const hex = id.toString(16).padStart(12, '0');
  return `d1964756-5e1d-4c72-9fa0-${hex}`;
}
