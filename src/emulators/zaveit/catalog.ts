import { randomUUID } from 'node:crypto';
import type { ZaveitCategoryBody, ZaveitCategoryWithParent, ZaveitProduct } from './types';

export const BAD_PRODUCT_IDS = 'Body must be a non-empty JSON array of product ids (strings)';

/** A rule the platform enforces, answered as the status with `{"message": ...}`. */
export class ZaveitError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** A category as the emulator keeps it: products by id, in the order they were added. */
export interface ZaveitCategoryState {
  _id: string;
  name: string;
  parent: string | null;
  tenant: string;
  productIds: string[];
}

/**
 * Zaveit's categories and products in memory, for any number of tenants. Every lookup is scoped to
 * the caller's tenant: another tenant's category or product is as unknown as one that never existed.
 */
export class ZaveitCatalog {
  private readonly tenantsByToken = new Map<string, string>();
  private readonly categories = new Map<string, ZaveitCategoryState>();
  private readonly products = new Map<string, ZaveitProduct>();
  /** For tests: whether a 404 for unknown products names them (the vendor's message is not documented). */
  namesUnknownProducts = true;

  /** Lets `token` act for `tenant`. */
  addToken(token: string, tenant: string): void {
    this.tenantsByToken.set(token, tenant);
  }

  tenantOf(token: string | undefined): string | undefined {
    return token === undefined ? undefined : this.tenantsByToken.get(token);
  }

  /** Creates a category (no HTTP route: the vendor documents none) and returns its id. */
  addCategory(input: { tenant: string; name: string; parent?: string | null; _id?: string }): string {
    const parent = input.parent ?? null;
    if (parent !== null && this.categories.get(parent)?.tenant !== input.tenant) {
      throw new Error(`Parent category ${parent} does not exist for tenant ${input.tenant}`);
    }
    const _id = input._id ?? randomUUID();
    this.categories.set(_id, { _id, name: input.name, parent, tenant: input.tenant, productIds: [] });
    return _id;
  }

  /** Stores a copy of the product; its `categories` start empty because assignments are the catalog's. */
  addProduct(product: ZaveitProduct): string {
    this.products.set(product._id, structuredClone({ ...product, categories: [] }));
    return product._id;
  }

  /** Appends the products not yet in the category, in body order; those already there keep their place. */
  addProducts(tenant: string, categoryId: string, body: unknown): ZaveitCategoryBody {
    const ids = productIdList(body);
    const category = this.ownCategory(tenant, categoryId);
    this.requireProducts(tenant, ids);
    for (const id of ids) {
      if (category.productIds.includes(id)) continue;
      category.productIds.push(id);
      this.products.get(id)?.categories.push(category._id);
    }
    return this.body(category);
  }

  /** Removes the products from the category; known products that were not in it are ignored. */
  removeProducts(tenant: string, categoryId: string, body: unknown): ZaveitCategoryBody {
    const ids = new Set(productIdList(body));
    const category = this.ownCategory(tenant, categoryId);
    this.requireProducts(tenant, [...ids]);
    category.productIds = category.productIds.filter((id) => !ids.has(id));
    for (const id of ids) this.unlink(id, category._id);
    return this.body(category);
  }

  getCategory(tenant: string, categoryId: string): ZaveitCategoryWithParent {
    return this.withParent(this.ownCategory(tenant, categoryId));
  }

  /** The tenant's categories in creation order, so a parent comes before its children. */
  listCategories(tenant: string): ZaveitCategoryWithParent[] {
    return [...this.categories.values()].filter((c) => c.tenant === tenant).map((c) => this.withParent(c));
  }

  /** Deletes the category; its products stay in the catalog and its children move up to its parent. */
  deleteCategory(tenant: string, categoryId: string): void {
    const category = this.ownCategory(tenant, categoryId);
    for (const id of category.productIds) this.unlink(id, category._id);
    for (const child of this.categories.values()) {
      if (child.parent === category._id) child.parent = category.parent;
    }
    this.categories.delete(category._id);
  }

  /** For tests: the category's state (a copy), whichever tenant owns it. */
  category(categoryId: string): ZaveitCategoryState | undefined {
    const category = this.categories.get(categoryId);
    return category && structuredClone(category);
  }

  /** For tests: the product (a copy), whichever tenant owns it. */
  product(productId: string): ZaveitProduct | undefined {
    const product = this.products.get(productId);
    return product && structuredClone(product);
  }

  /** For tests: the tenant's products (copies) in creation order. */
  productsOf(tenant: string): ZaveitProduct[] {
    return [...this.products.values()].filter((p) => p.tenant === tenant).map((p) => structuredClone(p));
  }

  private ownCategory(tenant: string, categoryId: string): ZaveitCategoryState {
    const category = this.categories.get(categoryId);
    if (!category || category.tenant !== tenant) throw new ZaveitError(404, `Category ${categoryId} not found`);
    return category;
  }

  /** All or nothing: one unknown id fails the request before anything changes. */
  private requireProducts(tenant: string, ids: string[]): void {
    const missing = ids.filter((id) => this.products.get(id)?.tenant !== tenant);
    if (missing.length > 0) throw new ZaveitError(404, this.namesUnknownProducts ? `Products not found: ${missing.join(', ')}` : 'Product not found');
  }

  private unlink(productId: string, categoryId: string): void {
    const product = this.products.get(productId);
    if (product) product.categories = product.categories.filter((id) => id !== categoryId);
  }

  private body(category: ZaveitCategoryState): ZaveitCategoryBody {
    return { _id: category._id, name: category.name, products: this.embedded(category) };
  }

  private withParent(category: ZaveitCategoryState): ZaveitCategoryWithParent {
    return { _id: category._id, name: category.name, parent: category.parent, products: this.embedded(category) };
  }

  private embedded(category: ZaveitCategoryState): ZaveitProduct[] {
    return category.productIds.map((id) => structuredClone(this.products.get(id) as ZaveitProduct));
  }
}

function productIdList(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0 || !body.every((id) => typeof id === 'string' && id !== '')) {
    throw new ZaveitError(400, BAD_PRODUCT_IDS);
  }
  return body;
}
