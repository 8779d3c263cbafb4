import { EmulatorHttpError } from '../kit';

/** Ecwid's category as the store keeps it; wire fields are derived in routes.ts. */
export interface EcwidCategoryState {
  id: number;
  parentId?: number;
  orderBy: number;
  name: string;
  description?: string;
  enabled: boolean;
  productIds: number[];
  imageId?: number;
}

export interface EcwidProductState {
  id: number;
  sku: string;
  name: string;
  price: number;
  enabled: boolean;
}

export interface CategoryWrite {
  name?: unknown;
  parentId?: unknown;
  orderBy?: unknown;
  description?: unknown;
  enabled?: unknown;
  productIds?: unknown;
}

/** The most ids Ecwid takes in one assignProducts/unassignProducts call. */
export const MAX_PRODUCT_IDS_PER_CALL = 2000;

const fail = (status: number, errorMessage: string) => new EmulatorHttpError(status, { errorMessage });

/** An Ecwid store's catalog in memory, with the rules of docs/platforms/ecwid.md. */
export class EcwidCatalog {
  readonly categories = new Map<number, EcwidCategoryState>();
  readonly products = new Map<number, EcwidProductState>();
  private nextCategoryId = 9691000;
  private nextProductId = 37208000;
  private nextImageId = 240198000;
  /** Told of every change made through the API or these methods (the webhooks' source), as Ecwid's event type and entity id. */
  onChange?: (eventType: string, entityId: number) => void;

  constructor(private readonly limits: { maxCategories: number }) {}

  addProduct(product: Omit<EcwidProductState, 'id'> & { id?: number }): EcwidProductState {
    const id = product.id ?? this.nextProductId++;
    const stored = { ...product, id };
    this.products.set(id, stored);
    return stored;
  }

  category(id: number): EcwidCategoryState {
    const category = this.categories.get(id);
    if (!category) throw fail(404, 'Category is not found');
    return category;
  }

  /** Siblings by orderBy like the storefront shows them; the whole store in creation order. */
  list(filter: { parent?: number; includeHidden: boolean }): EcwidCategoryState[] {
    let found = [...this.categories.values()];
    if (!filter.includeHidden) found = found.filter((c) => c.enabled);
    if (filter.parent !== undefined) {
      const parent = filter.parent === 0 ? undefined : filter.parent;
      found = found.filter((c) => c.parentId === parent).sort((a, b) => a.orderBy - b.orderBy || a.id - b.id);
    }
    return found;
  }

  create(write: CategoryWrite): number {
    const name = requireName(write.name);
    if (this.categories.size >= this.limits.maxCategories) throw fail(402, 'The merchant plan category limit is reached');
    const parentId = this.existingParent(write.parentId);
    const productIds = this.existingProducts(write.productIds ?? [], 'productIds');
    const id = this.nextCategoryId++;
    this.categories.set(id, {
      id,
      parentId,
      orderBy: optionalNumber(write.orderBy, 'orderBy') ?? this.nextOrderBy(parentId),
      name,
      description: optionalString(write.description, 'description'),
      enabled: optionalBoolean(write.enabled, 'enabled') ?? true,
      productIds: unique(productIds),
    });
    this.onChange?.('category.created', id);
    return id;
  }

  update(id: number, write: CategoryWrite): void {
    const category = this.category(id);
    const name = write.name === undefined ? undefined : requireName(write.name);
    const parentId = write.parentId === undefined ? undefined : this.existingParent(write.parentId);
    if (parentId !== undefined && (parentId === id || this.isDescendant(parentId, id))) {
      throw fail(409, 'Data validation error: a category cannot be its own ancestor');
    }
    const productIds = write.productIds === undefined ? undefined : this.existingProducts(write.productIds, 'productIds');
    const orderBy = optionalNumber(write.orderBy, 'orderBy');
    const description = optionalString(write.description, 'description');
    const enabled = optionalBoolean(write.enabled, 'enabled');
    // Validated in full before anything changes, as Ecwid rejects a request whole.
    if (name !== undefined) category.name = name;
    if (write.parentId !== undefined) category.parentId = parentId === 0 ? undefined : parentId;
    if (productIds !== undefined) category.productIds = unique(productIds);
    if (orderBy !== undefined) category.orderBy = orderBy;
    if (description !== undefined) category.description = description;
    if (enabled !== undefined) category.enabled = enabled;
    this.onChange?.('category.updated', id);
  }

  /** Ecwid deletes the subcategories with the category; an unknown id deletes nothing. */
  delete(id: number): number {
    if (!this.categories.has(id)) return 0;
    for (const child of [...this.categories.values()].filter((c) => c.parentId === id)) this.delete(child.id);
    this.categories.delete(id);
    this.onChange?.('category.deleted', id);
    return 1;
  }

  assign(id: number, rawIds: unknown): void {
    const category = this.category(id);
    const productIds = this.existingProducts(rawIds, 'productIds');
    for (const productId of productIds) {
      if (!category.productIds.includes(productId)) category.productIds.push(productId);
    }
    this.onChange?.('category.updated', id);
  }

  unassign(id: number, rawIds: unknown): number {
    const category = this.category(id);
    const productIds = new Set(numberList(rawIds, 'productIds'));
    const before = category.productIds.length;
    category.productIds = category.productIds.filter((productId) => !productIds.has(productId));
    this.onChange?.('category.updated', id);
    return before - category.productIds.length;
  }

  setImage(id: number): number {
    const category = this.category(id);
    category.imageId = this.nextImageId++;
    this.onChange?.('category.updated', id);
    return category.imageId;
  }

  deleteImage(id: number): number {
    const category = this.category(id);
    const had = category.imageId !== undefined;
    category.imageId = undefined;
    this.onChange?.('category.updated', id);
    return had ? 1 : 0;
  }

  /** Products in the category and its subcategories, as Ecwid's productCount counts them. */
  productCount(id: number): number {
    const seen = new Set<number>();
    const visit = (categoryId: number) => {
      const category = this.categories.get(categoryId);
      if (!category) return;
      category.productIds.forEach((productId) => seen.add(productId));
      for (const child of this.categories.values()) if (child.parentId === categoryId) visit(child.id);
    };
    visit(id);
    return seen.size;
  }

  private existingParent(raw: unknown): number | undefined {
    if (raw === undefined || raw === null || raw === 0) return raw === 0 ? 0 : undefined;
    const parentId = requireNumber(raw, 'parentId');
    if (!this.categories.has(parentId)) throw fail(404, 'The parent category is not found');
    return parentId;
  }

  private existingProducts(raw: unknown, field: string): number[] {
    const ids = numberList(raw, field);
    if (ids.length > MAX_PRODUCT_IDS_PER_CALL) throw fail(400, `Too many product IDs: at most ${MAX_PRODUCT_IDS_PER_CALL}`);
    const missing = ids.find((productId) => !this.products.has(productId));
    if (missing !== undefined) throw fail(404, `Product is not found: ${missing}`);
    return ids;
  }

  private isDescendant(candidate: number, ancestor: number): boolean {
    for (let at = this.categories.get(candidate); at?.parentId !== undefined; at = this.categories.get(at.parentId)) {
      if (at.parentId === ancestor) return true;
    }
    return false;
  }

  private nextOrderBy(parentId: number | undefined): number {
    const siblings = [...this.categories.values()].filter((c) => c.parentId === (parentId || undefined));
    return siblings.reduce((max, c) => Math.max(max, c.orderBy), 0) + 10;
  }
}

function requireName(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw fail(400, 'Category name must not be empty');
  return raw;
}

function requireNumber(raw: unknown, field: string): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw fail(400, `Wrong numeric parameter '${field}' value: not a number or a number out of range`);
  }
  return raw;
}

function optionalNumber(raw: unknown, field: string): number | undefined {
  return raw === undefined ? undefined : requireNumber(raw, field);
}

function optionalString(raw: unknown, field: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw fail(400, `Wrong parameter '${field}' value`);
  return raw;
}

function optionalBoolean(raw: unknown, field: string): boolean | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'boolean') throw fail(400, `Wrong boolean parameter '${field}' value`);
  return raw;
}

function numberList(raw: unknown, field: string): number[] {
  if (!Array.isArray(raw)) throw fail(400, `Wrong parameter '${field}' value: an array of numbers expected`);
  return raw.map((value) => requireNumber(value, field));
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}
