import { ErrorCode } from '../../domain/errorCode';
import { Platform } from '../../domain/platform';
import { PlatformFault } from '../../domain/platformFault';
import type { AssignOutcome, AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../../domain/records';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../../upstream/upstreamClient';
import { garbageFault, parseJsonBody } from '../../upstream/upstreamFaults';
import type { CallContext, CatalogPort, StoreCapabilities } from '../port';
import { ZAVEIT_ENDPOINTS } from './endpoints';
import { categoryNotFound, idsNamedIn, NotFound, PLATFORM_NAME, zaveitFault, zaveitMessage } from './faults';
import { assignmentRecords, categoryRecord, productRecord } from './mapping';
import { isZaveitCategory, ZaveitCategory } from './wire';

/** Zaveit ids are MongoDB-style strings (UUIDs in the vendor's examples): one safe path segment. */
const NATIVE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** What a write left: the category as Zaveit last answered it (null when nothing was applied) and the unknown products. */
interface WriteResult {
  after: ZaveitCategory | null;
  missing: string[];
}

/**
 * Zaveit API v2 behind the catalog port. Zaveit documents only adding and removing a category's
 * products; reading and deleting categories use the assumed endpoints of `ZAVEIT_ENDPOINTS`, and it
 * has no way to create, update or reorder categories (those are UNSUPPORTED_OPERATION).
 *
 * Reads: one category is `GET /{id}`; anything wider (a listing, several categories, products) is one
 * `GET /`, whose answer primes every category, every parent's child list, every product order and
 * every embedded product for the rest of the GraphQL request. Zaveit has no product endpoint: a
 * product is known from the categories that embed it.
 */
export class ZaveitAdapter implements CatalogPort {
  readonly platform = Platform.ZAVEIT;
  readonly capabilities: StoreCapabilities = {
    moveProduct: false,
    createCategory: false,
    updateCategory: false,
    deleteCategory: true,
    categoryImages: false,
    createRequiresNativeId: false,
  };

  /**
   * The listing each GraphQL request read (CallContext is one per request and store), so differently
   * filtered listings, product look-ups and category batches of one request cost one `GET /`. Every
   * write through the request forgets it: a later read in the same request sees the write.
   */
  private readonly listings = new WeakMap<CallContext, Promise<ZaveitCategory[]>>();

  constructor(
    private readonly http: UpstreamClient,
    private readonly lock: CategoryLock,
  ) {}

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return NATIVE_ID.test(nativeId);
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Array<CategoryRecord | null>> {
    if (ids.length === 1) {
      const category = await this.readCategory(ids[0], ctx);
      return [category && categoryRecord(category)];
    }
    // Several at once (nodes, a page of parents): one listing beats one request each.
    const byId = new Map((await this.readAll(ctx)).map((category) => [category._id, category]));
    return ids.map((id) => {
      const category = byId.get(id);
      return category ? categoryRecord(category) : null;
    });
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Page<CategoryRecord>> {
    // Zaveit's listing has no filter or paging (and no hidden categories): filter and slice it here.
    const all = await this.readAll(ctx);
    const matching = query.parentId === undefined ? all : all.filter((category) => (category.parent ?? null) === query.parentId);
    const items = matching.map((category) => categoryRecord(category));
    return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<AssignmentRecord[] | null> {
    const category = await this.readCategory(categoryId, ctx);
    return category && assignmentRecords(category);
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Array<ProductRecord | null>> {
    // No product endpoint: products are found where categories embed them; one in no category is null.
    const found = new Map<string, ProductRecord>();
    for (const category of await this.readAll(ctx)) {
      for (const product of category.products) found.set(product._id, productRecord(product));
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async deleteCategory(categoryId: string, ctx: CallContext): Promise<void> {
    this.listings.delete(ctx);
    // Only the 200 is assumed; its body is not read.
    const response = await this.send(ZAVEIT_ENDPOINTS.deleteCategory.request(categoryId), ctx);
    this.ensureOk(response, categoryNotFound(categoryId));
  }

  /**
   * Reads the category (it must exist; its answer says the parent, which add's answer lacks and the
   * payload needs), then one PUT .../products/add with the products not yet in it. Zaveit rejects the
   * whole add when one id is unknown: the unknown ones become PRODUCT_NOT_FOUND failures and the rest
   * is sent again (see `write`). Under the category's lock, so no other write through the gateway falls
   * between the read and the write.
   */
  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<AssignOutcome> {
    this.listings.delete(ctx);
    return this.lock.withLock(categoryId, async () => {
      const before = await this.requireCategory(categoryId, ctx);
      const assigned = new Set(before.products.map((product) => product._id));
      const toAdd = productIds.filter((id) => !assigned.has(id));
      const { after, missing } = toAdd.length > 0 ? await this.write('addProducts', categoryId, toAdd, ctx) : { after: null, missing: [] };

      const current = after ?? before;
      this.observe(current, ctx, before.parent ?? null);
      const requested = new Set(productIds);
      return {
        assignments: assignmentRecords(current).filter((assignment) => requested.has(assignment.productId)),
        failures: missing.map((id) => new PlatformFault(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} does not exist`, { productId: id, upstreamStatus: 404 })),
      };
    });
  }

  /**
   * Reads the category, then one PUT .../products/remove with the requested products that are in it:
   * one that is not (unknown ones included) is no error, and is never sent for Zaveit to reject.
   */
  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<void> {
    this.listings.delete(ctx);
    return this.lock.withLock(categoryId, async () => {
      const before = await this.requireCategory(categoryId, ctx);
      const assigned = new Set(before.products.map((product) => product._id));
      const toRemove = productIds.filter((id) => assigned.has(id));
      const { after } = toRemove.length > 0 ? await this.write('removeProducts', categoryId, toRemove, ctx) : { after: null };
      this.observe(after ?? before, ctx, before.parent ?? null);
    });
  }

  createCategory(): Promise<CategoryRecord> {
    return Promise.reject(unsupported('create categories'));
  }

  updateCategory(): Promise<CategoryRecord> {
    return Promise.reject(unsupported('update categories'));
  }

  moveProduct(): Promise<AssignmentRecord> {
    return Promise.reject(unsupported('order the products of a category'));
  }

  setCategoryImage(): Promise<CategoryRecord> {
    return Promise.reject(unsupported('set category images'));
  }

  deleteCategoryImage(): Promise<CategoryRecord> {
    return Promise.reject(unsupported('delete category images'));
  }

  /**
   * One add or remove of `ids`. On a 404 naming some of the ids, those are unknown: they are left out
   * and the rest sent again. A 404 naming the category is CATEGORY_NOT_FOUND. A 404 naming neither
   * is split in halves, left first, until each unknown product is alone (so the products still go in,
   * in input order, whatever Zaveit's message says).
   */
  private async write(operation: 'addProducts' | 'removeProducts', categoryId: string, ids: readonly string[], ctx: CallContext): Promise<WriteResult> {
    let remaining = [...ids];
    const missing: string[] = [];
    while (remaining.length > 0) {
      const response = await this.send(ZAVEIT_ENDPOINTS[operation].request(categoryId, remaining), ctx);
      if (response.status !== 404) {
        this.ensureOk(response, categoryNotFound(categoryId));
        return { after: this.categoryOf(response), missing };
      }
      const message = zaveitMessage(response);
      const named = idsNamedIn(message, remaining);
      if (named.length > 0) {
        missing.push(...named);
        remaining = remaining.filter((id) => !named.includes(id));
        continue;
      }
      if (idsNamedIn(message, [categoryId]).length > 0) throw zaveitFault(response, categoryNotFound(categoryId));
      if (remaining.length === 1) return { after: null, missing: [...missing, ...remaining] };
      const half = Math.ceil(remaining.length / 2);
      const left = await this.write(operation, categoryId, remaining.slice(0, half), ctx);
      const right = await this.write(operation, categoryId, remaining.slice(half), ctx);
      return { after: right.after ?? left.after, missing: [...missing, ...left.missing, ...right.missing] };
    }
    return { after: null, missing };
  }

  /** GET /{id}: the category with its products (primed unless told otherwise), or null on 404. */
  private async readCategory(id: string, ctx: CallContext, observe = true): Promise<ZaveitCategory | null> {
    const response = await this.send(ZAVEIT_ENDPOINTS.getCategory.request(id), ctx);
    if (response.status === 404) return null;
    this.ensureOk(response, categoryNotFound(id));
    const category = this.categoryOf(response);
    if (observe) this.observe(category, ctx);
    return category;
  }

  /** The category before a write: read, not primed (the write's answer is what the request sees). */
  private async requireCategory(id: string, ctx: CallContext): Promise<ZaveitCategory> {
    const category = await this.readCategory(id, ctx, false);
    if (!category) throw new PlatformFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${id} does not exist`, { field: ['categoryId'], upstreamStatus: 404 });
    return category;
  }

  /** The request's listing: read once, then shared by every read of the same request until it writes. */
  private readAll(ctx: CallContext): Promise<ZaveitCategory[]> {
    let listing = this.listings.get(ctx);
    if (!listing) {
      listing = this.fetchAll(ctx);
      this.listings.set(ctx, listing);
      listing.catch(() => this.listings.delete(ctx));
    }
    return listing;
  }

  /** GET /: every category of the tenant, each primed with its products, and every parent's child list. */
  private async fetchAll(ctx: CallContext): Promise<ZaveitCategory[]> {
    const response = await this.send(ZAVEIT_ENDPOINTS.listCategories.request(), ctx);
    this.ensureOk(response, { code: ErrorCode.UPSTREAM_ERROR, message: 'Zaveit has no category listing at this baseUrl' });
    const body = parseJsonBody<unknown>(PLATFORM_NAME, response);
    if (!Array.isArray(body) || !body.every(isZaveitCategory)) throw garbageFault(PLATFORM_NAME, response);
    const categories = body as ZaveitCategory[];

    const children = new Map<string, CategoryRecord[]>([['', []]]);
    for (const category of categories) children.set(category._id, []);
    for (const category of categories) {
      const record = this.observe(category, ctx);
      children.get(record.parentId ?? '')?.push(record);
    }
    // The listing is complete, so every category's children are known, leaves' empty lists included.
    for (const [parentId, list] of children) ctx.sink.categoryChildren(parentId, list, true);
    return categories;
  }

  /** Hands the loaders what a category answer carried: the category, its product order, its products. */
  private observe(category: ZaveitCategory, ctx: CallContext, parentId: string | null = category.parent ?? null): CategoryRecord {
    const record = categoryRecord(category, parentId);
    ctx.sink.category(record);
    ctx.sink.categoryProducts(category._id, assignmentRecords(category));
    for (const product of category.products) ctx.sink.product(productRecord(product));
    return record;
  }

  private categoryOf(response: UpstreamResponse): ZaveitCategory {
    const body = parseJsonBody<unknown>(PLATFORM_NAME, response);
    if (!isZaveitCategory(body)) throw garbageFault(PLATFORM_NAME, response);
    return body;
  }

  private send(request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    return this.http.send(request, ctx);
  }

  private ensureOk(response: UpstreamResponse, notFound: NotFound): void {
    if (response.status < 200 || response.status >= 300) throw zaveitFault(response, notFound);
  }
}

function unsupported(what: string): PlatformFault {
  return new PlatformFault(ErrorCode.UNSUPPORTED_OPERATION, `Zaveit has no API to ${what}`);
}
