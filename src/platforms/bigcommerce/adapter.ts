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
import { isOk, RestAdapter } from '../restAdapter';
import { CategoryIndex, siblingOrder } from './categoryIndex';
import { BIGCOMMERCE_ENDPOINTS as API, CategoryListing } from './endpoints';
import { BigCommerceNotFound, bigCommerceFault, categoryNotFound, errorMessageOf, itemErrorsOf, PLATFORM_NAME, rateLimitResetMs } from './faults';
import { assignmentRecords, categoryRecord, orderedProductIds, productRecord } from './mapping';
import { pagesCovering } from './paging';
import {
  BIGCOMMERCE_MAX_ASSIGNMENTS,
  BIGCOMMERCE_MAX_IDS_PER_FILTER,
  BIGCOMMERCE_MAX_IMAGE_BYTES,
  BIGCOMMERCE_MAX_PAGE_SIZE,
  BigCommerceCategory,
  BigCommerceCategoryPage,
  bigCommerceCategoryPageSchema,
  BigCommerceCategoryWrite,
  bigCommerceCreatedSchema,
  bigCommerceProductPageSchema,
  BigCommerceSortOrder,
  bigCommerceSortOrderPageSchema,
  BigCommerceSortOrderWrite,
} from './wire';

/** BigCommerce ids are positive integers (docs/platforms/bigcommerce.md#ids). */
const NATIVE_ID = /^[1-9]\d{0,14}$/;
/** Read-move-write-verify cycles of one move before it is given up as CONFLICT. */
const MAX_REORDER_ATTEMPTS = 3;
/** Sends of one batch of assignments, each without the products the last refusal named. */
const MAX_ASSIGN_ROUNDS = 3;
/**
 * The most categories a tree may have for a walk to read it whole, at 250 a page of the flat listing
 * (docs/platforms/bigcommerce.md#paging): beyond 8 pages, reading per parent and per id costs less.
 */
const INDEX_MAX_CATEGORIES = 8 * BIGCOMMERCE_MAX_PAGE_SIZE;
/** The request's whole tree, once it needed it (null: the tree is too large, or changed while it was read). */
const INDEX = new MemoKey<Promise<CategoryIndex | null>>('BigCommerce category tree');
/** A category's sort_order is a 32-bit integer (docs/platforms/bigcommerce.md#ordering-and-positions). */
const SORT_ORDER_RANGE = { min: -2_147_483_648, max: 2_147_483_647 };

const productNotFound = (id: string) => new GatewayFault(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} does not exist`, { productId: id });

/** A category's products as BigCommerce keeps them: in its order, each with its sort_order. */
interface ProductOrder {
  entries: BigCommerceSortOrder[];
  ids: number[];
}

/** BigCommerce Catalog API v3 (category trees) behind the catalog port (docs/platforms/bigcommerce.md). */
export class BigCommerceAdapter extends RestAdapter<BigCommerceNotFound> implements CatalogPort {
  /** The tree's size as BigCommerce last said it: what reading it whole would cost. */
  private knownTotal: number | undefined;
  private readonly indexes = new ListingIndexes<CategoryIndex | null>();
  private readonly storeNotFound: BigCommerceNotFound;

  constructor(
    http: UpstreamClient,
    private readonly lock: CategoryLock,
    private readonly treeId: number,
  ) {
    super(http, PLATFORM_NAME);
    // The listing is a filter: it answers 404 only where the path is wrong, i.e. the store hash (docs/platforms/bigcommerce.md#faults).
    this.storeNotFound = { code: ErrorCode.STORE_MISCONFIGURED, message: 'BigCommerce has no store at the configured storeHash' };
  }

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return NATIVE_ID.test(nativeId);
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<CategoryRecord | null>>> {
    const carried = new Carried();
    const index = await this.indexFor(ctx, carried);
    if (index) return carried.answer(ids.map((id) => index.category(id)));
    const found = await this.readCategories(ids, ctx);
    for (const category of found.values()) carried.category(categoryRecord(category));
    return carried.answer(ids.map((id) => (found.has(id) ? categoryRecord(found.get(id)!) : null)));
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Answer<Page<CategoryRecord>>> {
    const carried = new Carried();
    const index = await this.indexFor(ctx, carried);
    if (index) {
      const known = query.parentId === undefined ? index.all() : index.childrenOf(query.parentId ?? '');
      return carried.answer(pageOfKnownChildren(known, query)!);
    }
    if (query.parentId === undefined) {
      const { items: wire, total } = await this.listingWindow({ treeId: this.treeId, visibleOnly: !query.includeHidden }, query.offset, query.limit, ctx);
      const items = wire.map(categoryRecord);
      for (const record of items) carried.category(record);
      return carried.answer({ items, total });
    }
    // One parent's children: the listing orders by id, siblings go by sort_order then id
    // (docs/platforms/bigcommerce.md#ordering-and-positions), so all of them are read (a page, mostly) and
    // ordered here. Roots are the children of parent 0 (docs/platforms/bigcommerce.md#ids).
    const pages = await this.allListingPages({ treeId: this.treeId, parentId: query.parentId ?? '0', visibleOnly: !query.includeHidden }, ctx);
    const children = siblingOrder(pages.flatMap((page) => page.data)).map(categoryRecord);
    for (const record of children) carried.category(record);
    carried.categoryChildren(query.parentId ?? '', children, query.includeHidden);
    return carried.answer({ items: children.slice(query.offset, query.offset + query.limit), total: children.length });
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<Answer<AssignmentRecord[] | null>> {
    const order = await this.readProductOrder(categoryId, ctx);
    return new Carried().answer(order && assignmentRecords(order.ids));
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<ProductRecord | null>>> {
    const carried = new Carried();
    return carried.answer(await this.readProducts(ids, ctx, carried));
  }

  async createCategory(input: CategoryCreate, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    // BigCommerce makes the URL from the name when none is given (docs/platforms/bigcommerce.md#endpoints);
    // the tree is named too, so a parent in another tree is refused rather than followed.
    const write: BigCommerceCategoryWrite = {
      name: input.name,
      tree_id: this.treeId,
      parent_id: input.parentId ? Number(input.parentId) : 0,
      description: input.description ?? undefined,
      is_visible: input.enabled ?? undefined,
      sort_order: sortOrderOf(input.position),
    };
    const response = await this.send(API.createCategories.request([write]), ctx);
    const applied = isOk(response) && response.status !== 207;
    const [created] = applied ? this.parseBody(response, bigCommerceCreatedSchema).data : [];
    if (applied && !created) throw this.garbage(response);
    if (!created) {
      // A refused item about its parent: only a read tells whether the parent is missing (from the tree).
      if (input.parentId && itemErrorsOf(response).some((item) => item.field === 'parent_id' || item.field === 'tree_id')) {
        if (!(await this.readCategories([input.parentId], ctx)).has(input.parentId)) throw notFoundFault(response, categoryNotFound(input.parentId, ['parentId']));
      }
      throw this.errorFromResponse(isOk(response) ? { ...response, status: 422 } : response, categoryNotFound(input.parentId ?? '', ['parentId']));
    }
    const carried = new Carried();
    const record = categoryRecord(created);
    carried.category(record);
    return carried.answer(record);
  }

  async updateCategory(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const write: BigCommerceCategoryWrite = {
      category_id: Number(categoryId),
      name: patch.name ?? undefined,
      // A root's parent_id is 0; its tree stays the one it is in.
      parent_id: patch.parentId === undefined ? undefined : Number(patch.parentId ?? 0),
      // null clears the description; BigCommerce clears with an empty string.
      description: patch.description === undefined ? undefined : (patch.description ?? ''),
      is_visible: patch.enabled ?? undefined,
      sort_order: sortOrderOf(patch.position),
    };
    const response = await this.send(API.updateCategories.request([write]), ctx);
    if (response.status === 207 || response.status === 404 || response.status === 422) {
      // The category or its new parent may be missing; only a read tells which.
      const found = await this.readCategories(patch.parentId ? [categoryId, patch.parentId] : [categoryId], ctx);
      if (!found.has(categoryId)) throw notFoundFault(response, categoryNotFound(categoryId));
      if (patch.parentId && !found.has(patch.parentId)) throw notFoundFault(response, categoryNotFound(patch.parentId, ['parentId']));
      throw this.errorFromResponse(response, categoryNotFound(categoryId));
    }
    this.ensureOk(response, categoryNotFound(categoryId));
    return this.categoryAnswer(categoryId, ctx);
  }

  async deleteCategory(categoryId: string, ctx: CallContext): Promise<Answer<void>> {
    // The delete answers 204 whether or not the category existed (it is a filter): a read tells.
    if (!(await this.readCategories([categoryId], ctx)).has(categoryId)) {
      throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field: ['categoryId'] });
    }
    const response = await this.send(API.deleteCategories.request([categoryId]), ctx);
    this.ensureOk(response, categoryNotFound(categoryId));
    return new Carried().answer(undefined);
  }

  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<AssignOutcome>> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked = { ...ctx, lease };
      const carried = new Carried();
      // A read made before a write primes nothing: what it says is about to change.
      const current = await this.requireProductOrder(categoryId, locked);
      const assigned = new Set(current.ids.map(String));
      const candidates = productIds.filter((id) => !assigned.has(id));
      // BigCommerce refuses a whole batch for one unknown product: they are found first, in one read.
      const existing = await this.readProducts(candidates, locked, carried);
      const failures = candidates.filter((_, at) => existing[at] === null).map(productNotFound);
      let toAssign = candidates.filter((_, at) => existing[at] !== null);

      const refused = new Map<string, GatewayFault>();
      let partly = false;
      const { stopped } = await runUntilFault(chunk(toAssign, BIGCOMMERCE_MAX_ASSIGNMENTS), async (part) => {
        // One bad pair fails the whole batch (docs/platforms/bigcommerce.md#writes-and-concurrency): the
        // products its errors name (deleted since the read above) are left out and the rest sent again.
        let pending = part;
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          const response = await this.send(API.assignProducts.request(pending.map((id) => ({ product_id: Number(id), category_id: Number(categoryId) }))), locked);
          if (isOk(response)) break;
          if (response.status !== 422 || attempt >= MAX_ASSIGN_ROUNDS - 1) throw this.errorFromResponse(response, categoryNotFound(categoryId));
          const bad = new Map<string, GatewayFault>();
          for (const item of itemErrorsOf(response)) {
            const id = item.index === undefined ? undefined : pending[item.index];
            if (id === undefined || bad.has(id)) continue;
            // A product_id error is a product gone; another (its category limit, the category gone) is said as BigCommerce says it.
            bad.set(
              id,
              item.field === 'product_id'
                ? productNotFound(id)
                : new GatewayFault(ErrorCode.BAD_USER_INPUT, `Product ${id} could not be assigned: ${item.message}`, { productId: id, upstreamStatus: 422 }),
            );
          }
          if (bad.size === 0) throw this.errorFromResponse(response, categoryNotFound(categoryId));
          for (const [id, fault] of bad) refused.set(id, fault);
          pending = pending.filter((id) => !bad.has(id));
          partly = true;
        }
      });

      let after = current;
      if (stopped) {
        // A batch failed after others landed: the read says which landed (failing too, none is claimed: assigning
        // again is harmless), and no sort order is written to a failing platform.
        after = (await this.requireProductOrder(categoryId, locked).catch(() => null)) ?? current;
        const nowAssigned = new Set(after.ids.map(String));
        const unapplied = toAssign.filter((id) => !nowAssigned.has(id) && !refused.has(id));
        notApplied(unapplied, stopped, 'assigned').forEach((fault, index) => refused.set(unapplied[index], fault));
        toAssign = [];
      } else if (partly) {
        after = await this.requireProductOrder(categoryId, locked);
        const nowAssigned = new Set(after.ids.map(String));
        // What BigCommerce did not take failed, whether or not its errors named it.
        for (const id of toAssign) {
          if (nowAssigned.has(id)) refused.delete(id);
          else if (!refused.has(id)) refused.set(id, productNotFound(id));
        }
        toAssign = toAssign.filter((id) => nowAssigned.has(id));
      }
      if (toAssign.length > 0) {
        await this.putSortOrder(categoryId, appendedSortOrder(current, toAssign.map(Number)), locked);
        after = await this.requireProductOrder(categoryId, locked);
      }

      const requested = new Set(productIds);
      const order = assignmentRecords(after.ids);
      carried.categoryProducts(categoryId, order);
      return carried.answer({
        assignments: order.filter((assignment) => requested.has(assignment.productId)),
        failures: [...failures, ...productIds.flatMap((id) => refused.get(id) ?? [])],
      });
    });
  }

  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<UnassignOutcome>> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked = { ...ctx, lease };
      // The delete is a filter that answers 204 for anything: the read says whether the category exists
      // and which of the products are there to remove.
      const assigned = new Set((await this.requireProductOrder(categoryId, locked)).ids.map(String));
      const parts = chunk(
        productIds.filter((id) => assigned.has(id)),
        BIGCOMMERCE_MAX_IDS_PER_FILTER,
      );
      const { completed, stopped } = await runUntilFault(parts, async (part) => {
        this.ensureOk(await this.send(API.unassignProducts.request(categoryId, part), locked), categoryNotFound(categoryId));
      });
      return new Carried().answer({ failures: stopped ? notApplied(parts.slice(completed).flat(), stopped, 'unassigned') : [] });
    });
  }

  moveProduct(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<Answer<AssignmentRecord>> {
    // BigCommerce orders by sort_order: read the order, move, write the renumbered order back, all under
    // the category's lock, then read once more to verify: another client of the store may have written
    // meanwhile (docs/platforms/bigcommerce.md#writes-and-concurrency).
    return this.lock.withLock(categoryId, async (lease) => {
      const locked = { ...ctx, lease };
      const carried = new Carried();
      const product = Number(productId);
      for (let attempt = 0; ; attempt += 1) {
        const current = await this.requireProductOrder(categoryId, locked);
        if (!current.ids.includes(product)) {
          throw new GatewayFault(ErrorCode.ASSIGNMENT_NOT_FOUND, `Product ${productId} is not assigned to category ${categoryId}`, {
            field: ['productId'],
            productId,
          });
        }
        const reordered = moveToPosition(current.ids, product, position);
        if (reordered.every((id, at) => id === current.ids[at])) {
          carried.categoryProducts(categoryId, assignmentRecords(current.ids));
          return carried.answer({ productId, position: current.ids.indexOf(product) });
        }
        // A 422 here means the list changed since the read (a product left the category): read again.
        const applied = await this.putSortOrder(categoryId, renumbered(current, reordered), locked);
        const written = await this.requireProductOrder(categoryId, locked);
        if (applied && written.ids.indexOf(product) === reordered.indexOf(product)) {
          carried.categoryProducts(categoryId, assignmentRecords(written.ids));
          return carried.answer({ productId, position: reordered.indexOf(product) });
        }
        if (attempt >= MAX_REORDER_ATTEMPTS - 1) {
          throw new GatewayFault(ErrorCode.CONFLICT, `The product order of category ${categoryId} keeps changing elsewhere; retry the move`, {
            retryable: true,
          });
        }
      }
    });
  }

  async setCategoryImage(categoryId: string, image: ImageUpload, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    if (image.bytes.length > BIGCOMMERCE_MAX_IMAGE_BYTES) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'The image is larger than BigCommerce accepts (1 MB)', { field: ['imageBase64'] });
    }
    const response = await this.send(API.uploadImage.request(categoryId, image), ctx);
    if (response.status === 422) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `BigCommerce could not take the image: ${errorMessageOf(response) ?? 'not a valid image'}`, {
        upstreamStatus: 422,
        field: ['imageBase64'],
      });
    }
    this.ensureOk(response, categoryNotFound(categoryId));
    return this.categoryAnswer(categoryId, ctx);
  }

  async deleteCategoryImage(categoryId: string, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    this.ensureOk(await this.send(API.deleteImage.request(categoryId), ctx), categoryNotFound(categoryId));
    return this.categoryAnswer(categoryId, ctx);
  }

  protected errorFromResponse(response: UpstreamResponse, notFound: BigCommerceNotFound): GatewayFault {
    return bigCommerceFault(response, notFound);
  }

  /**
   * A 429 is tried again when BigCommerce's quota window resets (docs/platforms/bigcommerce.md#rate-limits);
   * a write makes the request's tree stale.
   */
  protected willSendRequest(request: UpstreamRequest, ctx: CallContext): UpstreamRequest {
    if (request.method !== 'GET') ctx.memo.delete(INDEX);
    return { ...request, retryAfterMs: rateLimitResetMs };
  }

  /**
   * The request's whole tree, when the operation walks it and the tree is not known to be larger than
   * the bound; undefined otherwise. The call that loads it carries every category and child list it holds.
   */
  private indexFor(ctx: CallContext, carried: Carried): Promise<CategoryIndex | null> | undefined {
    const loaded = ctx.memo.get(INDEX);
    if (loaded) return loaded;
    if (!ctx.walksCategoryTree || (this.knownTotal !== undefined && this.knownTotal > INDEX_MAX_CATEGORIES)) return undefined;
    return ctx.memo.set(INDEX, this.loadIndex(ctx, carried));
  }

  /**
   * The flat listing of the whole tree, 250 a request, the first saying how many, the rest in parallel:
   * one request for a tree of up to 250 categories. Null when the tree is over the bound or the pages
   * disagree (the tree changed while they were read): per-id and per-parent reads answer instead.
   */
  private async loadIndex(ctx: CallContext, carried: Carried): Promise<CategoryIndex | null> {
    const pages = await this.wholeListing(ctx);
    if (!pages) return null;
    const index = this.indexes.of(pages, () => {
      const [first] = pages;
      const listed = pages.flatMap((page) => page.data);
      const consistent = pages.every((page) => page.meta.pagination.total === first.meta.pagination.total) && listed.length === first.meta.pagination.total;
      return consistent ? CategoryIndex.of(listed) : null;
    });
    index?.carryInto(carried);
    return index;
  }

  /** Every page of the tree's flat listing; undefined when the tree is over the bound (and only its first page was read). */
  private async wholeListing(ctx: CallContext): Promise<BigCommerceCategoryPage[] | undefined> {
    const pages = await this.allListingPages({ treeId: this.treeId, visibleOnly: false }, ctx, (total) => total <= INDEX_MAX_CATEGORIES);
    this.knownTotal = pages[0].meta.pagination.total;
    return this.knownTotal > INDEX_MAX_CATEGORIES ? undefined : pages;
  }

  /** Every page of a flat listing, 250 a request, the first saying how many, the rest in parallel; `wanted(total)` false stops at the first. */
  private async allListingPages(
    filter: Omit<CategoryListing, 'page' | 'limit'>,
    ctx: CallContext,
    wanted: (total: number) => boolean = () => true,
  ): Promise<BigCommerceCategoryPage[]> {
    const fetchPage = (page: number) =>
      this.json(API.listCategories.request({ ...filter, page, limit: BIGCOMMERCE_MAX_PAGE_SIZE }), ctx, this.storeNotFound, bigCommerceCategoryPageSchema);
    const first = await fetchPage(1);
    if (!wanted(first.meta.pagination.total)) return [first];
    return [first, ...(await Promise.all(pageNumbers(2, first.meta.pagination.total_pages).map(fetchPage)))];
  }

  /** The window [offset, offset + limit) of a flat listing, from as few pages as hold it, and the listing's total. */
  private async listingWindow(
    filter: Omit<CategoryListing, 'page' | 'limit'>,
    offset: number,
    limit: number,
    ctx: CallContext,
  ): Promise<{ items: BigCommerceCategory[]; total: number }> {
    const cover = pagesCovering(offset, limit, BIGCOMMERCE_MAX_PAGE_SIZE);
    const fetchPage = (page: number) => this.json(API.listCategories.request({ ...filter, page, limit: cover.perPage }), ctx, this.storeNotFound, bigCommerceCategoryPageSchema);
    const first = await fetchPage(cover.firstPage);
    const rest = await Promise.all(pageNumbers(cover.firstPage + 1, Math.min(cover.lastPage, first.meta.pagination.total_pages)).map(fetchPage));
    const items = [first, ...rest].flatMap((page) => page.data).slice(cover.skip, cover.skip + limit);
    return { items, total: first.meta.pagination.total };
  }

  /** Categories of the tree by id, a page of ids a request, in parallel: the ones that exist, by id. */
  private async readCategories(ids: readonly string[], ctx: CallContext): Promise<Map<string, BigCommerceCategory>> {
    const pages = await Promise.all(
      chunk([...new Set(ids)], BIGCOMMERCE_MAX_PAGE_SIZE).map((part) =>
        this.json(
          API.listCategories.request({ treeId: this.treeId, categoryIds: part, visibleOnly: false, page: 1, limit: BIGCOMMERCE_MAX_PAGE_SIZE }),
          ctx,
          this.storeNotFound,
          bigCommerceCategoryPageSchema,
        ),
      ),
    );
    return new Map(pages.flatMap((page) => page.data).map((category) => [String(category.category_id), category]));
  }

  /** Products by id, a page of ids a request, in parallel; `carried` takes each one found. */
  private async readProducts(ids: readonly string[], ctx: CallContext, carried: Carried): Promise<Array<ProductRecord | null>> {
    const notFound = { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'Products were not found' };
    const pages = await Promise.all(
      chunk(ids, BIGCOMMERCE_MAX_PAGE_SIZE).map((part) => this.json(API.products.request(part, BIGCOMMERCE_MAX_PAGE_SIZE), ctx, notFound, bigCommerceProductPageSchema)),
    );
    const found = new Map<string, ProductRecord>();
    for (const product of pages.flatMap((page) => page.data)) {
      const record = productRecord(product);
      found.set(record.nativeId, record);
      carried.product(record);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  /** The category's products in its order, every page of them; null when the category does not exist. */
  private async readProductOrder(categoryId: string, ctx: CallContext): Promise<ProductOrder | null> {
    const response = await this.send(API.productSortOrder.request(categoryId, 1, BIGCOMMERCE_MAX_PAGE_SIZE), ctx);
    if (response.status === 404) return null;
    this.ensureOk(response, categoryNotFound(categoryId));
    const first = this.parseBody(response, bigCommerceSortOrderPageSchema);
    const totalPages = first.meta?.pagination?.total_pages ?? 1;
    const rest = await Promise.all(
      pageNumbers(2, totalPages).map((page) =>
        this.json(API.productSortOrder.request(categoryId, page, BIGCOMMERCE_MAX_PAGE_SIZE), ctx, categoryNotFound(categoryId), bigCommerceSortOrderPageSchema),
      ),
    );
    const entries = [first, ...rest].flatMap((page) => page.data);
    const ids = orderedProductIds(entries);
    const byId = new Map(entries.map((entry) => [entry.product_id, entry]));
    return { entries: ids.map((id) => byId.get(id)!), ids };
  }

  /** The category as it is after a write, with what its read carried. */
  private async categoryAnswer(categoryId: string, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const category = (await this.readCategories([categoryId], ctx)).get(categoryId);
    if (!category) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field: ['categoryId'] });
    const carried = new Carried();
    const record = categoryRecord(category);
    carried.category(record);
    return carried.answer(record);
  }

  private async requireProductOrder(categoryId: string, ctx: CallContext): Promise<ProductOrder> {
    const order = await this.readProductOrder(categoryId, ctx);
    if (!order) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field: ['categoryId'], upstreamStatus: 404 });
    return order;
  }

  /** Sets sort_orders; false where BigCommerce refused them because a product is no longer in the category (422). */
  private async putSortOrder(categoryId: string, entries: BigCommerceSortOrderWrite[], ctx: CallContext): Promise<boolean> {
    if (entries.length === 0) return true;
    const response = await this.send(API.setProductSortOrder.request(categoryId, entries), ctx);
    if (response.status === 422) return false;
    this.ensureOk(response, categoryNotFound(categoryId));
    return true;
  }
}

/**
 * The sort_order writes that put `added` after every product of `current`, in the order given: after
 * the largest sort_order, when every product has one; else the whole order renumbered 0..n-1, since
 * products without one would otherwise stay after the newcomers.
 */
export function appendedSortOrder(current: ProductOrder, added: readonly number[]): BigCommerceSortOrderWrite[] {
  const numbered = current.entries.every((entry) => typeof entry.sort_order === 'number');
  if (!numbered) return renumbered(current, [...current.ids.filter((id) => !added.includes(id)), ...added]);
  const after = current.entries.reduce((max, entry) => Math.max(max, entry.sort_order!), -1) + 1;
  return added.map((id, at) => ({ product_id: id, sort_order: after + at }));
}

/**
 * The writes that make `order` the category's order, numbered 0..n-1: only the products whose sort_order
 * changes are sent (the rest already hold their number), which is the whole list renumbered in effect.
 */
export function renumbered(current: ProductOrder, order: readonly number[]): BigCommerceSortOrderWrite[] {
  const was = new Map(current.entries.map((entry) => [entry.product_id, entry.sort_order]));
  return order.flatMap((id, at) => (was.get(id) === at ? [] : [{ product_id: id, sort_order: at }]));
}

/** The numbers from `first` to `last`, none when `last` is smaller. */
function pageNumbers(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, at) => first + at);
}

/** A 404's fault as the read found it: `notFound` says what is missing. */
function notFoundFault(response: UpstreamResponse, notFound: BigCommerceNotFound): GatewayFault {
  return new GatewayFault(notFound.code, notFound.message, { upstreamStatus: response.status, field: notFound.field });
}

function sortOrderOf(position: number | null | undefined): number | undefined {
  if (position === undefined || position === null) return undefined;
  if (!Number.isInteger(position) || position < SORT_ORDER_RANGE.min || position > SORT_ORDER_RANGE.max) {
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'BigCommerce positions (sort_order) are whole numbers within 32 bits', { field: ['position'] });
  }
  return position;
}
