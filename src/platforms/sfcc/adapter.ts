import { Answer, Carried } from '../../domain/carried';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { AssignOutcome, AssignmentRecord, CategoryCreate, CategoryListQuery, CategoryPatch, CategoryRecord, Page, ProductRecord, UnassignOutcome } from '../../domain/records';
import { moveToPosition } from '../../domain/reorder';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamRequest, UpstreamResponse } from '../../upstream/types';
import type { UpstreamClient } from '../../upstream/upstreamClient';
import { faultAfterSomeLanded, notApplied } from '../partialWrite';
import type { CallContext, CatalogPort } from '../port';
import { isOk, RestAdapter } from '../restAdapter';
import { CatalogIndexes, ListingPageReader } from './catalogIndexes';
import { CategoryIndex, carryChildren } from './categoryIndex';
import { SFCC_ENDPOINTS as API } from './endpoints';
import { CATEGORY_INPUT_FIELDS, faultDocumentOf, SfccFaultContext, sfccFault } from './faults';
import { assignmentRecords, assignmentsByCategory, categoryRecord, CategoryTree, categoryTree, localized, productOfAssignment, productRecord } from './mapping';
import { productOrderBatches } from './productOrderBatches';
import { ResourceStates } from './resourceStates';
import {
  SFCC_PAGE_SIZE,
  SFCC_READ_LEVELS,
  SFCC_ROOT_CATEGORY_ID,
  SFCC_WRITE_CONCURRENCY,
  SfccAssignment,
  SfccAssignmentSchema,
  SfccAssignmentSearchResultSchema,
  SfccCategory,
  SfccCategoryListSchema,
  SfccCategorySchema,
  SfccCategoryWrite,
  SfccProductSchema,
} from './wire';
import { forEachBounded, mapBounded } from './writeConcurrency';

/** Re-reads after a stale `_resource_state` before the write is given up as CONFLICT (docs/platforms/sfcc.md#writes-and-concurrency). */
const MAX_STALE_STATE_RETRIES = 2;
/** OCAPI ids: 1–256 characters, no control characters, no surrounding blanks, no dot segments (docs/platforms/sfcc.md#ids). */
const MAX_ID_LENGTH = 256;
// eslint-disable-next-line no-control-regex -- matching control characters is the point: ids must not hold them.
const CONTROL = /[\u0000-\u001f\u007f]/;

const CATEGORY_FAULTS: SfccFaultContext = { categoryField: ['categoryId'], fields: { ...CATEGORY_INPUT_FIELDS, id: 'categoryId' } };

/**
 * Salesforce B2C Commerce (OCAPI Data API 23.2) behind the catalog port (docs/platforms/sfcc.md). Reads use
 * `levels` and carry every category an answer holds to the loaders; product order is SFCC's own (positions
 * normalized by the platform); writes send back the `_resource_state` the gateway last saw.
 */
export class SfccAdapter extends RestAdapter<SfccFaultContext> implements CatalogPort {
  private readonly states = new ResourceStates();
  private readonly catalog: CatalogIndexes;

  constructor(
    http: UpstreamClient,
    private readonly catalogId: string,
    private readonly lock: CategoryLock,
  ) {
    super(http, 'SFCC');
    this.catalog = new CatalogIndexes(catalogId, (index) => this.rememberListed(index));
  }

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return nativeId.length > 0 && nativeId.length <= MAX_ID_LENGTH && nativeId.trim() === nativeId && !CONTROL.test(nativeId) && nativeId !== '.' && nativeId !== '..';
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<CategoryRecord | null>>> {
    const carried = new Carried();
    return carried.answer(await this.categoriesById(ids, ctx, carried));
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Answer<Page<CategoryRecord>>> {
    const carried = new Carried();
    let children: CategoryRecord[];
    if (query.parentId === undefined) {
      // Hidden ones are filtered below, so the whole listing is read: it also proves every children list.
      children = (await this.catalog.whole(ctx, this.listingPages(ctx), carried)).all();
    } else {
      const parentId = query.parentId ?? SFCC_ROOT_CATEGORY_ID;
      const listed = (await this.catalog.loaded(ctx))?.childrenOf(parentId);
      const known = listed ?? (await this.readTree(parentId, ctx, carried))?.childLists.get(parentId);
      if (!known) throw notFound(parentId, ['parentId']);
      children = known;
    }
    const visible = query.includeHidden ? children : children.filter((category) => category.enabled);
    return carried.answer({ items: visible.slice(query.offset, query.offset + query.limit), total: visible.length });
  }

  getCategoryProducts(categoryId: string, ctx: CallContext): Promise<Answer<AssignmentRecord[] | null>> {
    return productOrderBatches(ctx, (ids, carried) => this.productOrders(ids, ctx, carried)).load(categoryId);
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<ProductRecord | null>>> {
    const carried = new Carried();
    // One read per product (no batch read by id), bounded like the writes so a 100-id batch does not take the pool.
    const products = await mapBounded(ids, SFCC_WRITE_CONCURRENCY, async (id): Promise<ProductRecord | null> => {
      const response = await this.send(API.product.request(id), ctx);
      if (response.status === 404 && faultDocumentOf(response)?.type === 'ProductNotFoundException') return null;
      this.ensureOk(response, { productId: id });
      const record = productRecord(this.parseBody(response, SfccProductSchema));
      carried.product(record);
      return record;
    });
    return carried.answer(products);
  }

  async createCategory(input: CategoryCreate, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const id = input.nativeId;
    if (!id || !this.isValidNativeId('Category', id)) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'SFCC stores need a nativeId (1–256 characters) for a new category', { field: ['nativeId'] });
    }
    const write: SfccCategoryWrite = {
      name: localized(input.name),
      description: input.description ? localized(input.description) : undefined,
      // Business Manager creates categories offline; the gateway creates them visible, as on the other platforms.
      online: input.enabled ?? true,
      parent_category_id: input.parentId ?? SFCC_ROOT_CATEGORY_ID,
      position: input.position ?? undefined,
    };
    const created = await this.json(API.createCategory.request(this.catalogId, id, write), ctx, { categoryField: ['parentId'], fields: CATEGORY_INPUT_FIELDS }, SfccCategorySchema);
    const carried = new Carried();
    return carried.answer(this.carryWritten(created, carried));
  }

  async updateCategory(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<Answer<CategoryRecord>> {
    const write: SfccCategoryWrite = {
      name: patch.name == null ? undefined : localized(patch.name),
      // null clears the description: an empty text in the gateway's locale.
      description: patch.description === undefined ? undefined : localized(patch.description ?? ''),
      online: patch.enabled ?? undefined,
      parent_category_id: patch.parentId === undefined ? undefined : (patch.parentId ?? SFCC_ROOT_CATEGORY_ID),
      position: patch.position ?? undefined,
    };
    const carried = new Carried();
    const response = await this.writeWithFreshState(categoryId, ctx, carried, (state, locked) =>
      this.send(API.updateCategory.request(this.catalogId, categoryId, { ...write, _resource_state: state }), locked),
    );
    this.ensureOk(response, CATEGORY_FAULTS);
    return carried.answer(this.carryWritten(this.parseBody(response, SfccCategorySchema), carried));
  }

  async deleteCategory(categoryId: string, ctx: CallContext): Promise<Answer<void>> {
    if (categoryId === SFCC_ROOT_CATEGORY_ID) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, "The catalog's root category cannot be deleted", { field: ['categoryId'] });
    }
    const carried = new Carried();
    const response = await this.writeWithFreshState(categoryId, ctx, carried, (state, locked) => this.send(API.deleteCategory.request(this.catalogId, categoryId, state), locked));
    this.ensureOk(response, CATEGORY_FAULTS);
    this.states.forget(categoryId);
    return carried.answer(undefined);
  }

  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<AssignOutcome>> {
    // Appending needs the count of positioned products: serialize with the other writes of this category's order.
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      const carried = new Carried();
      const current = await this.requireProductOrder(categoryId, locked, carried);
      const assigned = new Set(current.map((assignment) => assignment.productId));
      const positioned = current.filter((assignment) => assignment.position !== null).map((assignment) => assignment.productId);
      const unpositioned = current.filter((assignment) => assignment.position === null).map((assignment) => assignment.productId);
      const candidates = productIds.filter((id) => !assigned.has(id));

      // One PUT per product, each aimed at the slot after the existing positions plus its index in the input.
      const placedAt = new Array<number | null | undefined>(candidates.length);
      const failures = new Array<GatewayFault | undefined>(candidates.length);
      const stopped = await faultAfterSomeLanded(
        forEachBounded(candidates, SFCC_WRITE_CONCURRENCY, async (productId, index) => {
          const response = await this.send(API.assignProduct.request(this.catalogId, categoryId, productId, positioned.length + 1 + index), locked);
          if (response.status === 404 && faultDocumentOf(response)?.type === 'ProductNotFoundException') {
            failures[index] = this.errorFromResponse(response, { productId });
            return;
          }
          this.ensureOk(response, { categoryField: ['categoryId'], productId });
          const assignment = this.parseBody(response, SfccAssignmentSchema);
          placedAt[index] = typeof assignment.position === 'number' ? assignment.position : null;
          const product = productOfAssignment(assignment);
          if (product) carried.product(product);
        }),
        () => placedAt.some((position) => position !== undefined),
      );

      const added = candidates.filter((_, index) => placedAt[index] !== undefined);
      // Concurrent PUTs may apply out of order; each answer's position says where it landed when it applied.
      // When every one landed on its own slot, nothing was missing before it: the order is the input's.
      const inOrder = failures.every((failure) => !failure) && placedAt.every((position, index) => position === positioned.length + 1 + index);
      const confirmed = () => [...positioned, ...added].map((productId, position) => ({ productId, position }));
      let order: AssignmentRecord[];
      if (stopped) {
        // Stopped part-way: no reordering against a failing platform; the read says what landed (or, failing too, the PUTs' answers do).
        const read = await this.productOrder(categoryId, locked, carried).catch(() => null);
        order = read?.filter((assignment) => assignment.position !== null) ?? confirmed();
      } else {
        order = inOrder ? confirmed() : await this.restoreInputOrder(categoryId, added, locked, carried);
      }
      const placed = new Set(order.map((assignment) => assignment.productId));
      const all = [...order, ...unpositioned.filter((id) => !placed.has(id)).map((productId) => ({ productId, position: null }))];

      carried.categoryProducts(categoryId, all);
      const requested = new Set(productIds);
      const unapplied = stopped
        ? notApplied(
            candidates.filter((id, index) => !failures[index] && !placed.has(id)),
            stopped,
            'assigned',
          )
        : [];
      return carried.answer({
        assignments: all.filter((assignment) => requested.has(assignment.productId)),
        failures: [...failures.filter((f): f is GatewayFault => !!f), ...unapplied],
      });
    });
  }

  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<UnassignOutcome>> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      const removed = new Array<boolean>(productIds.length).fill(false);
      const stopped = await faultAfterSomeLanded(
        forEachBounded(productIds, SFCC_WRITE_CONCURRENCY, async (productId, index) => {
          const response = await this.send(API.unassignProduct.request(this.catalogId, categoryId, productId), locked);
          // A product that was not assigned (or does not exist) is not an error here.
          const type = faultDocumentOf(response)?.type;
          if (!isOk(response) && type !== 'CategoryProductAssignmentNotFoundException' && type !== 'ProductNotFoundException') {
            throw this.errorFromResponse(response, { categoryField: ['categoryId'], productId });
          }
          removed[index] = true;
        }),
        () => removed.includes(true),
      );
      return new Carried().answer({
        failures: stopped
          ? notApplied(
              productIds.filter((_, index) => !removed[index]),
              stopped,
              'unassigned',
            )
          : [],
      });
    });
  }

  moveProduct(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<Answer<AssignmentRecord>> {
    if (!Number.isInteger(position) || position < 0) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'position must be a whole number of at least 0', { field: ['position'] });
    }
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      const carried = new Carried();
      // SFCC normalizes: the product lands at that slot among the positioned ones (past the end: last) and the
      // others are renumbered 1..n keeping their order, which is moveProduct's semantics
      // (docs/platforms/sfcc.md#ordering-and-positions).
      const moved = await this.patchPosition(categoryId, productId, position + 1, locked, carried);
      if (typeof moved.position === 'number' && Number.isInteger(moved.position) && moved.position >= 1) {
        return carried.answer({ productId, position: moved.position - 1 });
      }
      const order = await this.requireProductOrder(categoryId, locked, carried);
      return carried.answer(order.find((assignment) => assignment.productId === productId) ?? { productId, position: null });
    });
  }

  /** The fault a non-2xx OCAPI answer stands for (docs/platforms/sfcc.md#faults). */
  protected errorFromResponse(response: UpstreamResponse, context: SfccFaultContext): GatewayFault {
    return sfccFault(response, context);
  }

  /** A write (PUT, PATCH, DELETE; the one POST is the assignment search, a read) makes the request's catalog index stale. */
  protected willSendRequest(request: UpstreamRequest, ctx: CallContext): UpstreamRequest {
    if (request.method !== 'GET' && request.method !== 'POST') this.catalog.forget(ctx);
    return request;
  }

  /**
   * Categories by id: from the whole catalog's listing when it costs fewer requests (docs/platforms/sfcc.md#reads-by-id),
   * else one levels read each, in parallel, each carrying the subtree it read.
   */
  private async categoriesById(ids: readonly string[], ctx: CallContext, carried: Carried): Promise<Array<CategoryRecord | null>> {
    const index = await this.catalog.forIds(ids.length, ctx, this.listingPages(ctx), carried);
    if (index) return ids.map((id) => index.category(id));
    return Promise.all(ids.map(async (id) => (await this.readTree(id, ctx, carried))?.records[0] ?? null));
  }

  /** The category with `levels` of subcategories, everything it carries handed to `carried`; null when none exists. */
  private async readTree(id: string, ctx: CallContext, carried: Carried): Promise<CategoryTree | null> {
    const response = await this.send(API.category.request(this.catalogId, id, SFCC_READ_LEVELS), ctx);
    if (response.status === 404 && faultDocumentOf(response)?.type === 'CategoryNotFoundException') return null;
    this.ensureOk(response, CATEGORY_FAULTS);
    const category = this.parseBody(response, SfccCategorySchema);
    const tree = categoryTree(category, SFCC_READ_LEVELS, this.catalogId);
    this.rememberStates(category);
    for (const record of tree.records) carried.category(record);
    for (const [parentId, children] of tree.childLists) carryChildren(parentId, children, carried);
    return tree;
  }

  /** Pages of the catalog's category listing, `count` 200 a page (docs/platforms/sfcc.md#paging). */
  private listingPages(ctx: CallContext): ListingPageReader {
    return (start) => this.json(API.listCategories.request(this.catalogId, start, SFCC_PAGE_SIZE), ctx, CATEGORY_FAULTS, SfccCategoryListSchema);
  }

  private rememberListed(index: CategoryIndex): void {
    for (const document of index.documents) this.states.remember(document.id, document._resource_state);
  }

  /**
   * The assumed assignment search (docs/platforms/sfcc.md#reads-by-id) about these categories, `count` 200 a
   * page, by position: positioned first, then unpositioned.
   */
  private async searchAssignments(categoryIds: readonly string[], ctx: CallContext, carried: Carried): Promise<SfccAssignment[]> {
    const page = (start: number) =>
      this.json(API.searchAssignments.request(this.catalogId, categoryIds, start, SFCC_PAGE_SIZE), ctx, { categoryField: ['categoryId'] }, SfccAssignmentSearchResultSchema);
    const first = await page(0);
    const rest: Array<ReturnType<typeof page>> = [];
    for (let start = SFCC_PAGE_SIZE; start < first.total; start += SFCC_PAGE_SIZE) rest.push(page(start));
    // The search schema has already skipped the hits that are not assignments.
    const hits = [first, ...(await Promise.all(rest))].flatMap((result) => result.hits ?? []);
    for (const hit of hits) {
      const product = productOfAssignment(hit);
      if (product) carried.product(product);
    }
    return hits;
  }

  /** Several categories' products in their orders, one search for them all; null for a category that does not exist. */
  private async productOrders(categoryIds: readonly string[], ctx: CallContext, carried: Carried): Promise<Array<AssignmentRecord[] | null>> {
    const byCategory = assignmentsByCategory(await this.searchAssignments(categoryIds, ctx, carried), categoryIds);
    if (!byCategory) return Promise.all(categoryIds.map((id) => this.productOrder(id, ctx, carried)));
    // The search answers nothing alike for an empty and for an unknown category: only a read tells which.
    const empty = [...byCategory].filter(([, hits]) => hits.length === 0).map(([id]) => id);
    const found = empty.length === 0 ? [] : await this.categoriesById(empty, ctx, carried);
    const missing = new Set(empty.filter((_, index) => found[index] === null));
    return categoryIds.map((id) => (missing.has(id) ? null : assignmentRecords(byCategory.get(id)!)));
  }

  /** The category's products in its order; null when the category does not exist. */
  private async productOrder(categoryId: string, ctx: CallContext, carried: Carried): Promise<AssignmentRecord[] | null> {
    const [order] = await this.productOrders([categoryId], ctx, carried);
    return order;
  }

  private async requireProductOrder(categoryId: string, ctx: CallContext, carried: Carried): Promise<AssignmentRecord[]> {
    const order = await this.productOrder(categoryId, ctx, carried);
    if (!order) throw notFound(categoryId, ['categoryId']);
    return order;
  }

  /**
   * After concurrent PUTs applied out of order (or around a missing product): reads the order and moves each
   * added product, in input order, to the slot after the previous one. Sequential PATCHes are deterministic
   * under SFCC's normalization, so the local model stays the platform's order without another read.
   */
  private async restoreInputOrder(categoryId: string, added: string[], ctx: CallContext, carried: Carried): Promise<AssignmentRecord[]> {
    const read = await this.requireProductOrder(categoryId, ctx, carried);
    let positioned = read.filter((assignment) => assignment.position !== null).map((assignment) => assignment.productId);
    const addedSet = new Set(added);
    const before = positioned.filter((id) => !addedSet.has(id)).length;
    for (const [offset, productId] of added.entries()) {
      if (positioned[before + offset] === productId) continue;
      await this.patchPosition(categoryId, productId, before + offset + 1, ctx, carried);
      positioned = moveToPosition(positioned, productId, before + offset);
    }
    return positioned.map((productId, position) => ({ productId, position }));
  }

  private async patchPosition(categoryId: string, productId: string, position: number, ctx: CallContext, carried: Carried): Promise<SfccAssignment> {
    const assignment = await this.json(
      API.moveProduct.request(this.catalogId, categoryId, productId, position),
      ctx,
      { categoryField: ['categoryId'], productId },
      SfccAssignmentSchema,
    );
    const product = productOfAssignment(assignment);
    if (product) carried.product(product);
    return assignment;
  }

  /** A category a write answered with (no subcategories: it proves no children list). */
  private carryWritten(category: SfccCategory, carried: Carried): CategoryRecord {
    this.states.remember(category.id, category._resource_state);
    const record = categoryRecord(category, this.catalogId);
    carried.category(record);
    return record;
  }

  private rememberStates(category: SfccCategory): void {
    this.states.remember(category.id, category._resource_state);
    for (const child of category.categories ?? []) this.rememberStates(child);
  }

  /**
   * A write that carries the category's `_resource_state`, serialized with the category's other writes.
   * When SFCC says the state is stale (changed elsewhere), the category is read again and the write sent
   * with the fresh state, a bounded number of times; a category that keeps changing is CONFLICT
   * (docs/platforms/sfcc.md#writes-and-concurrency). `write` sends with the lock's call context.
   */
  private writeWithFreshState(
    categoryId: string,
    ctx: CallContext,
    carried: Carried,
    write: (state: string | undefined, locked: CallContext) => Promise<UpstreamResponse>,
  ): Promise<UpstreamResponse> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      for (let attempt = 0; ; attempt += 1) {
        const response = await write(this.states.get(categoryId), locked);
        if (faultDocumentOf(response)?.type !== 'ResourceStateConflictException') return response;
        this.states.forget(categoryId);
        if (attempt >= MAX_STALE_STATE_RETRIES) return response;
        await this.readTree(categoryId, locked, carried);
      }
    });
  }
}

function notFound(categoryId: string, field: string[]): GatewayFault {
  return new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field, upstreamStatus: 404 });
}
