import { ErrorCode } from '../../domain/errorCode';
import { Platform } from '../../domain/platform';
import { PlatformFault } from '../../domain/platformFault';
import type {
  AssignOutcome,
  AssignmentRecord,
  CategoryCreate,
  CategoryListQuery,
  CategoryPatch,
  CategoryRecord,
  ImageUpload,
  Page,
  ProductRecord,
} from '../../domain/records';
import { pageOfKnownChildren } from '../../domain/childrenPage';
import { moveToPosition } from '../../domain/reorder';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../../upstream/upstreamClient';
import { garbageFault, parseJsonBody } from '../../upstream/upstreamFaults';
import { chunk } from '../../util/chunk';
import type { CallContext, CatalogPort, StoreCapabilities } from '../port';
import { CategoryIndex } from './categoryIndex';
import { ecwidDidNotApply, ecwidFault } from './faults';
import { assignmentRecords, categoryRecord, productRecord } from './mapping';
import {
  ECWID_MAX_IDS_PER_ASSIGN,
  ECWID_PAGE_SIZE,
  EcwidCategory,
  EcwidCategoryWrite,
  EcwidProduct,
  EcwidSearchResult,
} from './wire';

const NATIVE_ID = /^[1-9]\d{0,14}$/;
/** Read-move-write-verify cycles of one move before it is given up as CONFLICT. */
const MAX_REORDER_ATTEMPTS = 3;

const categoryNotFound = (id: string, field = ['categoryId']) => ({
  code: ErrorCode.CATEGORY_NOT_FOUND,
  message: `Category ${id} does not exist`,
  field,
});

/** Ecwid REST API v3 behind the catalog port. */
export class EcwidAdapter implements CatalogPort {
  readonly platform = Platform.ECWID;
  readonly capabilities: StoreCapabilities = {
    moveProduct: true,
    createCategory: true,
    updateCategory: true,
    deleteCategory: true,
    categoryImages: true,
    createRequiresNativeId: false,
  };

  /** Per request: the store's category index, once the request needed it (null: the store is too large). */
  private readonly indexes = new WeakMap<CallContext, Promise<CategoryIndex | null>>();
  /**
   * Indexes by the answers they were built from: requests that shared the same listing reads in flight
   * (and so the same parsed pages) share the index too.
   */
  private readonly indexesByListing = new WeakMap<object, { pages: readonly object[]; index: CategoryIndex }>();
  /** The store's category count as Ecwid last said it: what an index would cost. */
  private knownTotal: number | undefined;

  /** `indexMaxTotal`: the most categories a store may have for its index to be used (0: never). */
  constructor(
    private readonly http: UpstreamClient,
    private readonly lock: CategoryLock,
    private readonly indexMaxTotal: number,
  ) {}

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return NATIVE_ID.test(nativeId);
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Array<CategoryRecord | null>> {
    const index = await this.indexFor(ctx, ids.length);
    if (index) return ids.map((id) => index.category(id));
    // Ecwid has no batch read by id: one request each, in parallel through the keep-alive pool.
    return Promise.all(
      ids.map(async (id) => {
        const category = await this.readCategory(id, ctx);
        return category && categoryRecord(category);
      }),
    );
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Page<CategoryRecord>> {
    const index = query.parentId === undefined ? undefined : await this.indexFor(ctx, 0);
    if (index) return pageOfKnownChildren(index.childrenOf(query.parentId ?? ''), query)!;
    const parent = query.parentId === undefined ? undefined : (query.parentId ?? '0');
    const pages = await this.listingPages({ parent, includeHidden: query.includeHidden }, query.offset, query.limit, ctx, {
      code: ErrorCode.CATEGORY_NOT_FOUND,
      message: `Category ${query.parentId} does not exist`,
    });
    const [first] = pages;
    const wire = pages.flatMap((page) => page.items);
    // What an index (which includes hidden categories) would cost next time.
    if (parent === undefined && query.includeHidden) this.knownTotal = first.total;

    for (const category of wire) this.observe(category, ctx);
    const items = wire.map(categoryRecord);
    if (parent !== undefined && query.offset === 0 && items.length === first.total) {
      ctx.sink.categoryChildren(query.parentId ?? '', items, query.includeHidden);
    }
    return { items, total: first.total };
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<AssignmentRecord[] | null> {
    const index = await this.indexFor(ctx, 0);
    if (index) return index.productOrder(categoryId);
    const category = await this.readCategory(categoryId, ctx);
    return category && assignmentRecords(category.productIds ?? []);
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Array<ProductRecord | null>> {
    const chunks = chunk(ids, ECWID_PAGE_SIZE);
    const pages = await Promise.all(
      chunks.map((part) =>
        this.json<EcwidSearchResult<EcwidProduct>>(
          { method: 'GET', path: '/products', query: { productId: part.join(','), limit: ECWID_PAGE_SIZE } },
          ctx,
          { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'Products were not found' },
          isSearchResult,
        ),
      ),
    );
    const found = new Map<string, ProductRecord>();
    for (const product of pages.flatMap((page) => page.items)) {
      const record = productRecord(product);
      found.set(record.nativeId, record);
      ctx.sink.product(record);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async createCategory(input: CategoryCreate, ctx: CallContext): Promise<CategoryRecord> {
    const write: EcwidCategoryWrite = {
      name: input.name,
      parentId: input.parentId ? Number(input.parentId) : undefined,
      orderBy: orderByOf(input.position),
      description: input.description ?? undefined,
      enabled: input.enabled ?? undefined,
    };
    const created = await this.json<{ id: number }>(
      { method: 'POST', path: '/categories', json: write },
      ctx,
      categoryNotFound(input.parentId ?? '', ['parentId']),
      (body) => typeof (body as { id?: unknown }).id === 'number',
    );
    return this.requireCategory(String(created.id), ctx);
  }

  async updateCategory(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<CategoryRecord> {
    const write: EcwidCategoryWrite = {
      name: patch.name ?? undefined,
      // Ecwid makes a category a root when its parentId is 0.
      parentId: patch.parentId === undefined ? undefined : Number(patch.parentId ?? 0),
      orderBy: orderByOf(patch.position),
      // null clears the description; Ecwid clears with an empty string.
      description: patch.description === undefined ? undefined : (patch.description ?? ''),
      enabled: patch.enabled ?? undefined,
    };
    const response = await this.send({ method: 'PUT', path: `/categories/${categoryId}`, json: write }, ctx);
    if (response.status === 404) {
      // Either the category or the new parent is missing; only a read tells which.
      const exists = await this.readCategory(categoryId, ctx);
      throw ecwidFault(response, exists ? categoryNotFound(patch.parentId ?? '', ['parentId']) : categoryNotFound(categoryId));
    }
    this.ensureOk(response, categoryNotFound(categoryId));
    return this.requireCategory(categoryId, ctx);
  }

  async deleteCategory(categoryId: string, ctx: CallContext): Promise<void> {
    const result = await this.json<{ deleteCount: number }>(
      { method: 'DELETE', path: `/categories/${categoryId}` },
      ctx,
      categoryNotFound(categoryId),
      (body) => typeof (body as { deleteCount?: unknown }).deleteCount === 'number',
    );
    // Ecwid answers deleteCount 0, not 404, for an unknown category.
    if (result.deleteCount === 0) throw new PlatformFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field: ['categoryId'] });
  }

  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<AssignOutcome> {
    return this.lock.withLock(categoryId, async () => {
      const current = (await this.requireCategoryWire(categoryId, ctx, false)).productIds ?? [];
      const assigned = new Set(current.map(String));
      const candidates = productIds.filter((id) => !assigned.has(id));
      const existing = await this.getProducts(candidates, ctx);
      const failures = candidates
        .filter((_, index) => existing[index] === null)
        .map((id) => new PlatformFault(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} does not exist`, { productId: id }));
      const toAssign = candidates.filter((_, index) => existing[index] !== null).map(Number);

      for (const part of chunk(toAssign, ECWID_MAX_IDS_PER_ASSIGN)) {
        await this.json(
          { method: 'POST', path: `/categories/${categoryId}/assignProducts`, json: { productIds: part }, idempotent: true },
          ctx,
          { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'A product was deleted while it was being assigned' },
          (body) => typeof (body as { updateCount?: unknown }).updateCount === 'number',
        );
      }

      // The order as Ecwid now holds it (the read primes the loaders for the payload too).
      const order = toAssign.length === 0 ? assignmentRecords(current) : assignmentRecords((await this.requireCategoryWire(categoryId, ctx)).productIds ?? []);
      const requested = new Set(productIds);
      return { assignments: order.filter((a) => requested.has(a.productId)), failures };
    });
  }

  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<void> {
    return this.lock.withLock(categoryId, async () => {
      for (const part of chunk(productIds.map(Number), ECWID_MAX_IDS_PER_ASSIGN)) {
        await this.json(
          { method: 'POST', path: `/categories/${categoryId}/unassignProducts`, json: { productIds: part }, idempotent: true },
          ctx,
          categoryNotFound(categoryId),
          (body) => typeof (body as { deleteCount?: unknown }).deleteCount === 'number',
        );
      }
    });
  }

  moveProduct(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<AssignmentRecord> {
    // Ecwid reorders by replacing the whole list: read, move, write back, all under the category's lock,
    // then read once more to verify: another client of the store may have written the list meanwhile.
    return this.lock.withLock(categoryId, async () => {
      const product = Number(productId);
      for (let attempt = 0; ; attempt += 1) {
        const current = (await this.requireCategoryWire(categoryId, ctx, false)).productIds ?? [];
        if (!current.includes(product)) {
          throw new PlatformFault(ErrorCode.ASSIGNMENT_NOT_FOUND, `Product ${productId} is not assigned to category ${categoryId}`, {
            field: ['productId'],
            productId,
          });
        }
        const reordered = moveToPosition(current, product, position);
        if (reordered.every((id, index) => id === current[index])) {
          ctx.sink.categoryProducts(categoryId, assignmentRecords(current));
          return { productId, position: current.indexOf(product) };
        }
        await this.json(
          { method: 'PUT', path: `/categories/${categoryId}`, json: { productIds: reordered }, idempotent: true },
          ctx,
          categoryNotFound(categoryId),
          (body) => typeof (body as { updateCount?: unknown }).updateCount === 'number',
        );
        const written = (await this.requireCategoryWire(categoryId, ctx)).productIds ?? [];
        if (written.indexOf(product) === reordered.indexOf(product)) return { productId, position: reordered.indexOf(product) };
        if (attempt >= MAX_REORDER_ATTEMPTS - 1) {
          throw new PlatformFault(ErrorCode.CONFLICT, `The product order of category ${categoryId} keeps changing elsewhere; retry the move`, {
            retryable: true,
          });
        }
      }
    });
  }

  async setCategoryImage(categoryId: string, image: ImageUpload, ctx: CallContext): Promise<CategoryRecord> {
    const response = await this.send(
      { method: 'POST', path: `/categories/${categoryId}/image`, body: image.bytes, contentType: image.contentType },
      ctx,
    );
    if (response.status === 413 || response.status === 422) {
      throw new PlatformFault(ErrorCode.BAD_USER_INPUT, response.status === 413 ? 'The image is larger than Ecwid accepts (20 MB)' : 'Ecwid could not process the image', {
        upstreamStatus: response.status,
        field: ['image'],
      });
    }
    this.ensureOk(response, categoryNotFound(categoryId));
    return this.requireCategory(categoryId, ctx);
  }

  async deleteCategoryImage(categoryId: string, ctx: CallContext): Promise<CategoryRecord> {
    await this.json({ method: 'DELETE', path: `/categories/${categoryId}/image` }, ctx, categoryNotFound(categoryId), () => true);
    return this.requireCategory(categoryId, ctx);
  }

  /**
   * The store's category index for this request, when it is worth its ⌈total/100⌉ requests: the
   * operation walks the tree, or it asks for at least as many ids as the index costs. Undefined otherwise,
   * and while the store is known to be larger than the configured bound.
   */
  private indexFor(ctx: CallContext, idsWanted: number): Promise<CategoryIndex | null> | undefined {
    const loaded = this.indexes.get(ctx);
    if (loaded) return loaded;
    const known = this.knownTotal;
    if (this.indexMaxTotal === 0 || (known !== undefined && known > this.indexMaxTotal)) return undefined;
    const worthIt = ctx.walksCategoryTree || (known !== undefined && idsWanted >= Math.max(1, Math.ceil(known / ECWID_PAGE_SIZE)));
    if (!worthIt) return undefined;
    const index = this.loadIndex(ctx);
    this.indexes.set(ctx, index);
    return index;
  }

  /**
   * Lists every category, 100 a request in parallel after the first. Null when the store is over the
   * bound, or when the pages disagree (the store changed while it was being listed): an index that missed
   * a category would call it missing, so per-id reads answer instead.
   */
  private async loadIndex(ctx: CallContext): Promise<CategoryIndex | null> {
    const pages = await this.listingPages(
      { includeHidden: true },
      0,
      Number.POSITIVE_INFINITY,
      ctx,
      { code: ErrorCode.UPSTREAM_ERROR, message: "Ecwid did not list the store's categories" },
      (total) => total <= this.indexMaxTotal,
    );
    const [first] = pages;
    this.knownTotal = first.total;
    if (first.total > this.indexMaxTotal) return null;
    const listed = pages.flatMap((page) => page.items);
    const distinct = new Set(listed.map((category) => category.id)).size;
    if (pages.some((page) => page.total !== first.total) || distinct !== first.total) return null;
    const built = this.indexesByListing.get(first);
    const index = built && built.pages.every((page, at) => page === pages[at]) ? built.index : new CategoryIndex(listed);
    if (index !== built?.index) this.indexesByListing.set(first, { pages, index });
    index.primeInto(ctx.sink);
    return index;
  }

  /**
   * GET /categories pages from `offset`, at most `limit` categories (product orders included): 100 a
   * request, the first saying the total, the rest in parallel; `wanted(total)` false stops at the first.
   */
  private async listingPages(
    filter: { parent?: string; includeHidden: boolean },
    offset: number,
    limit: number,
    ctx: CallContext,
    notFound: Parameters<typeof ecwidFault>[1],
    wanted: (total: number) => boolean = () => true,
  ): Promise<Array<EcwidSearchResult<EcwidCategory>>> {
    const fetchPage = (at: number, count: number) =>
      this.json<EcwidSearchResult<EcwidCategory>>(
        { method: 'GET', path: '/categories', query: { parent: filter.parent, hidden_categories: filter.includeHidden, productIds: true, offset: at, limit: count } },
        ctx,
        notFound,
        isSearchResult,
      );
    const firstLimit = Math.min(limit, ECWID_PAGE_SIZE);
    const first = await fetchPage(offset, firstLimit);
    if (!wanted(first.total)) return [first];
    const end = Math.min(offset + limit, first.total);
    const rest: Array<Promise<EcwidSearchResult<EcwidCategory>>> = [];
    for (let at = offset + firstLimit; at < end; at += ECWID_PAGE_SIZE) rest.push(fetchPage(at, Math.min(ECWID_PAGE_SIZE, end - at)));
    return [first, ...(await Promise.all(rest))];
  }

  /**
   * GET /categories/{id}: the category with its product order, or null on 404. A read made before a
   * write does not prime the loaders (`observe: false`): what it says is about to change.
   */
  private async readCategory(id: string, ctx: CallContext, observe = true): Promise<EcwidCategory | null> {
    const response = await this.send({ method: 'GET', path: `/categories/${id}` }, ctx);
    if (response.status === 404) return null;
    this.ensureOk(response, categoryNotFound(id));
    const category = parseJsonBody<EcwidCategory>('Ecwid', response);
    if (!isCategory(category)) throw garbageFault('Ecwid', response);
    if (observe) this.observe(category, ctx);
    return category;
  }

  private async requireCategoryWire(id: string, ctx: CallContext, observe = true): Promise<EcwidCategory> {
    const category = await this.readCategory(id, ctx, observe);
    if (!category) throw new PlatformFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${id} does not exist`, { field: ['categoryId'], upstreamStatus: 404 });
    return category;
  }

  private async requireCategory(id: string, ctx: CallContext): Promise<CategoryRecord> {
    return categoryRecord(await this.requireCategoryWire(id, ctx));
  }

  /** Hands the loaders what a category answer carried. */
  private observe(category: EcwidCategory, ctx: CallContext): void {
    ctx.sink.category(categoryRecord(category));
    if (category.productIds) ctx.sink.categoryProducts(String(category.id), assignmentRecords(category.productIds));
  }

  private send(request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    // A write makes the request's index stale: later reads of the request list the store anew.
    if (request.method !== 'GET') this.indexes.delete(ctx);
    return this.http.send({ ...request, notApplied: ecwidDidNotApply }, ctx);
  }

  private ensureOk(response: UpstreamResponse, notFound: Parameters<typeof ecwidFault>[1]): void {
    if (response.status < 200 || response.status >= 300) throw ecwidFault(response, notFound);
  }

  private async json<T>(
    request: UpstreamRequest,
    ctx: CallContext,
    notFound: Parameters<typeof ecwidFault>[1],
    isExpected: (body: unknown) => boolean,
  ): Promise<T> {
    const response = await this.send(request, ctx);
    this.ensureOk(response, notFound);
    const body = parseJsonBody<T>('Ecwid', response);
    if (!body || typeof body !== 'object' || !isExpected(body)) throw garbageFault('Ecwid', response);
    return body;
  }
}

function orderByOf(position: number | null | undefined): number | undefined {
  if (position === undefined || position === null) return undefined;
  if (!Number.isInteger(position) || position < 0) {
    throw new PlatformFault(ErrorCode.BAD_USER_INPUT, 'Ecwid positions (orderBy) are whole numbers of at least 0', { field: ['position'] });
  }
  return position;
}

function isCategory(body: unknown): body is EcwidCategory {
  const category = body as EcwidCategory;
  return !!category && typeof category === 'object' && typeof category.id === 'number' && typeof category.name === 'string';
}

function isSearchResult(body: unknown): boolean {
  const result = body as EcwidSearchResult<unknown>;
  return typeof result.total === 'number' && Array.isArray(result.items);
}
