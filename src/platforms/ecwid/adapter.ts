import { Answer, Carried } from '../../domain/carried';
import { pageOfKnownChildren } from '../../domain/childrenPage';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
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
  UnassignOutcome,
} from '../../domain/records';
import { moveToPosition } from '../../domain/reorder';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamRequest, UpstreamResponse } from '../../upstream/types';
import type { UpstreamClient } from '../../upstream/upstreamClient';
import { chunk } from '../../util/chunk';
import { MemoKey } from '../../util/requestMemo';
import type { CallContext, CatalogPort } from '../port';
import { ListingIndexes } from '../listingIndexes';
import { notApplied, runUntilFault } from '../partialWrite';
import { RestAdapter } from '../restAdapter';
import { CategoryIndex } from './categoryIndex';
import { CategoryListing, ECWID_ENDPOINTS as API } from './endpoints';
import { ecwidDidNotApply, ecwidFault, EcwidNotFound } from './faults';
import { assignmentRecords, categoryRecord, productRecord } from './mapping';
import {
  ECWID_MAX_IDS_PER_ASSIGN,
  ECWID_PAGE_SIZE,
  EcwidCategory,
  EcwidCategoryPage,
  ecwidAnyBodySchema,
  ecwidCategoryPageSchema,
  ecwidCategorySchema,
  ecwidCreatedSchema,
  ecwidDeletedSchema,
  EcwidCategoryWrite,
  ecwidProductPageSchema,
  ecwidUpdatedSchema,
} from './wire';

/** Ecwid ids are positive integers (docs/platforms/ecwid.md#ids). */
const NATIVE_ID = /^[1-9]\d{0,14}$/;
/** Read-move-write-verify cycles of one move before it is given up as CONFLICT. */
const MAX_REORDER_ATTEMPTS = 3;
/** The request's category index, once it needed one (null: the store is too large, or changed while listed). */
const INDEX = new MemoKey<Promise<CategoryIndex | null>>('Ecwid category index');

const categoryNotFound = (id: string, field = ['categoryId']): EcwidNotFound => ({
  code: ErrorCode.CATEGORY_NOT_FOUND,
  message: `Category ${id} does not exist`,
  field,
});

/** Ecwid REST API v3 behind the catalog port (docs/platforms/ecwid.md). */
export class EcwidAdapter extends RestAdapter<EcwidNotFound> implements CatalogPort {
  private readonly indexes = new ListingIndexes<CategoryIndex>();
  /** The store's category count as Ecwid last said it: what an index would cost. */
  private knownTotal: number | undefined;

  /** `indexMaxTotal`: the most categories a store may have for its index to be used (0: never). */
  constructor(
    http: UpstreamClient,
    private readonly lock: CategoryLock,
    private readonly indexMaxTotal: number,
  ) {
    super(http, 'Ecwid');
  }

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return NATIVE_ID.test(nativeId);
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<CategoryRecord | null>>> {
    const carried = new Carried();
    const index = await this.indexFor(ctx, ids.length, carried);
    if (index) return carried.answer(ids.map((id) => index.category(id)));
    // Ecwid has no batch read by id: one request each, in parallel through the keep-alive pool.
    const categories = await Promise.all(ids.map((id) => this.readCategory(id, ctx, carried)));
    return carried.answer(categories.map((category) => category && categoryRecord(category)));
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Answer<Page<CategoryRecord>>> {
    const carried = new Carried();
    const index = query.parentId === undefined ? undefined : await this.indexFor(ctx, 0, carried);
    if (index) return carried.answer(pageOfKnownChildren(index.childrenOf(query.parentId ?? ''), query)!);
    const parent = query.parentId === undefined ? undefined : (query.parentId ?? '0');
    const pages = await this.listingPages({ parent, includeHidden: query.includeHidden, offset: query.offset, limit: query.limit }, ctx, {
      code: ErrorCode.CATEGORY_NOT_FOUND,
      message: `Category ${query.parentId} does not exist`,
    });
    const [first] = pages;
    const wire = pages.flatMap((page) => page.items);
    // What an index (which includes hidden categories) would cost next time.
    if (parent === undefined && query.includeHidden) this.knownTotal = first.total;

    for (const category of wire) carryCategory(category, carried);
    const items = wire.map(categoryRecord);
    if (parent !== undefined && query.offset === 0 && items.length === first.total) {
      carried.categoryChildren(query.parentId ?? '', items, query.includeHidden);
    }
    return carried.answer({ items, total: first.total });
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<Answer<AssignmentRecord[] | null>> {
    const carried = new Carried();
    const index = await this.indexFor(ctx, 0, carried);
    if (index) return carried.answer(index.productOrder(categoryId));
    const category = await this.readCategory(categoryId, ctx, carried);
    return carried.answer(category && assignmentRecords(category.productIds ?? []));
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<ProductRecord | null>>> {
    const carried = new Carried();
    return carried.answer(await this.readProducts(ids, ctx, carried));
  }

  async createCategory(input: CategoryCreate, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const write: EcwidCategoryWrite = {
      name: input.name,
      parentId: input.parentId ? Number(input.parentId) : undefined,
      orderBy: orderByOf(input.position),
      description: input.description ?? undefined,
      enabled: input.enabled ?? undefined,
    };
    const created = await this.json(API.createCategory.request(write), ctx, categoryNotFound(input.parentId ?? '', ['parentId']), ecwidCreatedSchema);
    return this.categoryAnswer(String(created.id), ctx);
  }

  async updateCategory(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const write: EcwidCategoryWrite = {
      name: patch.name ?? undefined,
      // Ecwid makes a category a root when its parentId is 0.
      parentId: patch.parentId === undefined ? undefined : Number(patch.parentId ?? 0),
      orderBy: orderByOf(patch.position),
      // null clears the description; Ecwid clears with an empty string.
      description: patch.description === undefined ? undefined : (patch.description ?? ''),
      enabled: patch.enabled ?? undefined,
    };
    const response = await this.send(API.updateCategory.request(categoryId, write), ctx);
    if (response.status === 404) {
      // Either the category or the new parent is missing; only a read tells which.
      const exists = await this.readCategory(categoryId, ctx, new Carried());
      throw ecwidFault(response, exists ? categoryNotFound(patch.parentId ?? '', ['parentId']) : categoryNotFound(categoryId));
    }
    this.ensureOk(response, categoryNotFound(categoryId));
    return this.categoryAnswer(categoryId, ctx);
  }

  async deleteCategory(categoryId: string, ctx: CallContext): Promise<Answer<void>> {
    const result = await this.json(API.deleteCategory.request(categoryId), ctx, categoryNotFound(categoryId), ecwidDeletedSchema);
    // Ecwid answers deleteCount 0, not 404, for an unknown category.
    if (result.deleteCount === 0) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field: ['categoryId'] });
    return new Carried().answer(undefined);
  }

  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<AssignOutcome>> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked = { ...ctx, lease };
      const carried = new Carried();
      // A read made before a write primes nothing: what it says is about to change.
      const current = (await this.requireCategoryWire(categoryId, locked, new Carried())).productIds ?? [];
      const assigned = new Set(current.map(String));
      const candidates = productIds.filter((id) => !assigned.has(id));
      const existing = await this.readProducts(candidates, locked, carried);
      const failures = candidates
        .filter((_, index) => existing[index] === null)
        .map((id) => new GatewayFault(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} does not exist`, { productId: id }));
      const toAssign = candidates.filter((_, index) => existing[index] !== null).map(Number);

      const parts = chunk(toAssign, ECWID_MAX_IDS_PER_ASSIGN);
      const { completed, stopped } = await runUntilFault(parts, async (part) => {
        await this.json(
          API.assignProducts.request(categoryId, part),
          locked,
          { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'A product was deleted while it was being assigned' },
          ecwidUpdatedSchema,
        );
      });

      // The order as Ecwid now holds it (the read primes the loaders for the payload too).
      let order = assignmentRecords(current);
      if (stopped) {
        // After a chunk failed the read says what landed; should it fail too, the chunks Ecwid confirmed do.
        const landed = await this.readCategory(categoryId, locked, carried).catch(() => null);
        order = assignmentRecords(landed?.productIds ?? [...current, ...parts.slice(0, completed).flat()]);
      } else if (toAssign.length > 0) {
        order = assignmentRecords((await this.requireCategoryWire(categoryId, locked, carried)).productIds ?? []);
      }
      const requested = new Set(productIds);
      const assignments = order.filter((a) => requested.has(a.productId));
      const now = new Set(assignments.map((a) => a.productId));
      const unapplied = stopped
        ? notApplied(
            toAssign.map(String).filter((id) => !now.has(id)),
            stopped,
            'assigned',
          )
        : [];
      return carried.answer({ assignments, failures: [...failures, ...unapplied] });
    });
  }

  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<UnassignOutcome>> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked = { ...ctx, lease };
      const parts = chunk(productIds, ECWID_MAX_IDS_PER_ASSIGN);
      const { completed, stopped } = await runUntilFault(parts, async (part) => {
        await this.json(API.unassignProducts.request(categoryId, part.map(Number)), locked, categoryNotFound(categoryId), ecwidDeletedSchema);
      });
      return new Carried().answer({ failures: stopped ? notApplied(parts.slice(completed).flat(), stopped, 'unassigned') : [] });
    });
  }

  moveProduct(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<Answer<AssignmentRecord>> {
    // Ecwid reorders by replacing the whole list: read, move, write back, all under the category's lock,
    // then read once more to verify: another client of the store may have written the list meanwhile.
    return this.lock.withLock(categoryId, async (lease) => {
      const locked = { ...ctx, lease };
      const carried = new Carried();
      const product = Number(productId);
      for (let attempt = 0; ; attempt += 1) {
        const current = (await this.requireCategoryWire(categoryId, locked, new Carried())).productIds ?? [];
        if (!current.includes(product)) {
          throw new GatewayFault(ErrorCode.ASSIGNMENT_NOT_FOUND, `Product ${productId} is not assigned to category ${categoryId}`, {
            field: ['productId'],
            productId,
          });
        }
        const reordered = moveToPosition(current, product, position);
        if (reordered.every((id, index) => id === current[index])) {
          carried.categoryProducts(categoryId, assignmentRecords(current));
          return carried.answer({ productId, position: current.indexOf(product) });
        }
        await this.json(API.reorderProducts.request(categoryId, reordered), locked, categoryNotFound(categoryId), ecwidUpdatedSchema);
        const written = (await this.requireCategoryWire(categoryId, locked, carried)).productIds ?? [];
        if (written.indexOf(product) === reordered.indexOf(product)) return carried.answer({ productId, position: reordered.indexOf(product) });
        if (attempt >= MAX_REORDER_ATTEMPTS - 1) {
          throw new GatewayFault(ErrorCode.CONFLICT, `The product order of category ${categoryId} keeps changing elsewhere; retry the move`, {
            retryable: true,
          });
        }
      }
    });
  }

  async setCategoryImage(categoryId: string, image: ImageUpload, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const response = await this.send(API.uploadImage.request(categoryId, image), ctx);
    if (response.status === 413 || response.status === 422) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, response.status === 413 ? 'The image is larger than Ecwid accepts (20 MB)' : 'Ecwid could not process the image', {
        upstreamStatus: response.status,
        field: ['image'],
      });
    }
    this.ensureOk(response, categoryNotFound(categoryId));
    return this.categoryAnswer(categoryId, ctx);
  }

  async deleteCategoryImage(categoryId: string, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    await this.json(API.deleteImage.request(categoryId), ctx, categoryNotFound(categoryId), ecwidAnyBodySchema);
    return this.categoryAnswer(categoryId, ctx);
  }

  protected errorFromResponse(response: UpstreamResponse, notFound: EcwidNotFound): GatewayFault {
    return ecwidFault(response, notFound);
  }

  /** Every request may be sent again where Ecwid says it applied nothing; a write makes the request's index stale. */
  protected willSendRequest(request: UpstreamRequest, ctx: CallContext): UpstreamRequest {
    if (request.method !== 'GET') ctx.memo.delete(INDEX);
    return { ...request, notApplied: ecwidDidNotApply };
  }

  /**
   * The store's category index for this request, when it is worth its ⌈total/100⌉ requests: the
   * operation walks the tree, or it asks for at least as many ids as the index costs. Undefined otherwise,
   * and while the store is known to be larger than the configured bound. The call that loads it carries
   * every category and child list it holds.
   */
  private indexFor(ctx: CallContext, idsWanted: number, carried: Carried): Promise<CategoryIndex | null> | undefined {
    const loaded = ctx.memo.get(INDEX);
    if (loaded) return loaded;
    const known = this.knownTotal;
    if (this.indexMaxTotal === 0 || (known !== undefined && known > this.indexMaxTotal)) return undefined;
    const worthIt = ctx.walksCategoryTree || (known !== undefined && idsWanted >= Math.max(1, Math.ceil(known / ECWID_PAGE_SIZE)));
    if (!worthIt) return undefined;
    return ctx.memo.set(INDEX, this.loadIndex(ctx, carried));
  }

  /**
   * Lists every category, 100 a request in parallel after the first. Null when the store is over the
   * bound, or when the pages disagree (the store changed while it was being listed): an index that missed
   * a category would call it missing, so per-id reads answer instead.
   */
  private async loadIndex(ctx: CallContext, carried: Carried): Promise<CategoryIndex | null> {
    const pages = await this.listingPages(
      { includeHidden: true, offset: 0, limit: Number.POSITIVE_INFINITY },
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
    const index = this.indexes.of(pages, () => new CategoryIndex(listed));
    index.carryInto(carried);
    return index;
  }

  /**
   * GET /categories pages from `listing.offset`, at most `listing.limit` categories (product orders
   * included): 100 a request, the first saying the total, the rest in parallel; `wanted(total)` false
   * stops at the first.
   */
  private async listingPages(listing: CategoryListing, ctx: CallContext, notFound: EcwidNotFound, wanted: (total: number) => boolean = () => true): Promise<EcwidCategoryPage[]> {
    const fetchPage = (offset: number, limit: number) => this.json(API.listCategories.request({ ...listing, offset, limit }), ctx, notFound, ecwidCategoryPageSchema);
    const firstLimit = Math.min(listing.limit, ECWID_PAGE_SIZE);
    const first = await fetchPage(listing.offset, firstLimit);
    if (!wanted(first.total)) return [first];
    const end = Math.min(listing.offset + listing.limit, first.total);
    const rest: Array<Promise<EcwidCategoryPage>> = [];
    for (let at = listing.offset + firstLimit; at < end; at += ECWID_PAGE_SIZE) rest.push(fetchPage(at, Math.min(ECWID_PAGE_SIZE, end - at)));
    return [first, ...(await Promise.all(rest))];
  }

  /** Products by id, a page of ids a request, in parallel. */
  private async readProducts(ids: readonly string[], ctx: CallContext, carried: Carried): Promise<Array<ProductRecord | null>> {
    const notFound = { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'Products were not found' };
    const pages = await Promise.all(chunk(ids, ECWID_PAGE_SIZE).map((part) => this.json(API.searchProducts.request(part), ctx, notFound, ecwidProductPageSchema)));
    const found = new Map<string, ProductRecord>();
    for (const product of pages.flatMap((page) => page.items)) {
      const record = productRecord(product);
      found.set(record.nativeId, record);
      carried.product(record);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  /** GET /categories/{id}: the category with its product order, or null on 404; `carried` takes both. */
  private async readCategory(id: string, ctx: CallContext, carried: Carried): Promise<EcwidCategory | null> {
    const response = await this.send(API.getCategory.request(id), ctx);
    if (response.status === 404) return null;
    this.ensureOk(response, categoryNotFound(id));
    const category = this.parseBody(response, ecwidCategorySchema);
    carryCategory(category, carried);
    return category;
  }

  private async requireCategoryWire(id: string, ctx: CallContext, carried: Carried): Promise<EcwidCategory> {
    const category = await this.readCategory(id, ctx, carried);
    if (!category) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${id} does not exist`, { field: ['categoryId'], upstreamStatus: 404 });
    return category;
  }

  /** The category as it is after a write, with what its read carried. */
  private async categoryAnswer(id: string, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const carried = new Carried();
    return carried.answer(categoryRecord(await this.requireCategoryWire(id, ctx, carried)));
  }
}

/** What a category answer carries: the category and its product order. */
function carryCategory(category: EcwidCategory, carried: Carried): void {
  carried.category(categoryRecord(category));
  if (category.productIds) carried.categoryProducts(String(category.id), assignmentRecords(category.productIds));
}

function orderByOf(position: number | null | undefined): number | undefined {
  if (position === undefined || position === null) return undefined;
  if (!Number.isInteger(position) || position < 0) {
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'Ecwid positions (orderBy) are whole numbers of at least 0', { field: ['position'] });
  }
  return position;
}
