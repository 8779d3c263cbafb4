import { Answer, Carried } from '../../domain/carried';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { AssignOutcome, AssignmentRecord, CategoryCreate, CategoryListQuery, CategoryPatch, CategoryRecord, Page, ProductRecord } from '../../domain/records';
import { moveToPosition } from '../../domain/reorder';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamResponse } from '../../upstream/types';
import type { UpstreamClient } from '../../upstream/upstreamClient';
import type { CallContext, CatalogPort } from '../port';
import { isOk, RestAdapter } from '../restAdapter';
import { SFCC_ENDPOINTS as API } from './endpoints';
import { CATEGORY_INPUT_FIELDS, faultDocumentOf, SfccFaultContext, sfccFault } from './faults';
import { assignmentRecords, categoryRecord, CategoryTree, categoryTree, childListsOf, localized, productOfAssignment, productRecord } from './mapping';
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

  constructor(
    http: UpstreamClient,
    private readonly catalogId: string,
    private readonly lock: CategoryLock,
  ) {
    super(http, 'SFCC');
  }

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return nativeId.length > 0 && nativeId.length <= MAX_ID_LENGTH && nativeId.trim() === nativeId && !CONTROL.test(nativeId) && nativeId !== '.' && nativeId !== '..';
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<CategoryRecord | null>>> {
    const carried = new Carried();
    // No batch read by id: one levels read each, in parallel; each carries the subtree it read.
    const records = await Promise.all(ids.map(async (id) => (await this.readTree(id, ctx, carried))?.records[0] ?? null));
    return carried.answer(records);
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Answer<Page<CategoryRecord>>> {
    const carried = new Carried();
    let children: CategoryRecord[];
    if (query.parentId === undefined) {
      children = await this.listAll(ctx, carried);
    } else {
      const parentId = query.parentId ?? SFCC_ROOT_CATEGORY_ID;
      const tree = await this.readTree(parentId, ctx, carried);
      if (!tree) throw notFound(parentId, ['parentId']);
      children = tree.childLists.get(parentId) ?? [];
    }
    const visible = query.includeHidden ? children : children.filter((category) => category.enabled);
    return carried.answer({ items: visible.slice(query.offset, query.offset + query.limit), total: visible.length });
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<Answer<AssignmentRecord[] | null>> {
    const carried = new Carried();
    return carried.answer(await this.productOrder(categoryId, ctx, carried));
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
      await forEachBounded(candidates, SFCC_WRITE_CONCURRENCY, async (productId, index) => {
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
      });

      const added = candidates.filter((_, index) => placedAt[index] !== undefined);
      // Concurrent PUTs may apply out of order; each answer's position says where it landed when it applied.
      // When every one landed on its own slot, nothing was missing before it: the order is the input's.
      const inOrder = failures.every((failure) => !failure) && placedAt.every((position, index) => position === positioned.length + 1 + index);
      const order = inOrder ? [...positioned, ...added].map((productId, position) => ({ productId, position })) : await this.restoreInputOrder(categoryId, added, locked, carried);
      const placed = new Set(order.map((assignment) => assignment.productId));
      const all = [...order, ...unpositioned.filter((id) => !placed.has(id)).map((productId) => ({ productId, position: null }))];

      carried.categoryProducts(categoryId, all);
      const requested = new Set(productIds);
      return carried.answer({
        assignments: all.filter((assignment) => requested.has(assignment.productId)),
        failures: failures.filter((f): f is GatewayFault => !!f),
      });
    });
  }

  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<void>> {
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      await forEachBounded(productIds, SFCC_WRITE_CONCURRENCY, async (productId) => {
        const response = await this.send(API.unassignProduct.request(this.catalogId, categoryId, productId), locked);
        if (isOk(response)) return;
        // A product that was not assigned (or does not exist) is not an error here.
        const type = faultDocumentOf(response)?.type;
        if (type === 'CategoryProductAssignmentNotFoundException' || type === 'ProductNotFoundException') return;
        throw this.errorFromResponse(response, { categoryField: ['categoryId'], productId });
      });
      return new Carried().answer(undefined);
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

  /** The category with `levels` of subcategories, everything it carries handed to `carried`; null when none exists. */
  private async readTree(id: string, ctx: CallContext, carried: Carried): Promise<CategoryTree | null> {
    const response = await this.send(API.category.request(this.catalogId, id, SFCC_READ_LEVELS), ctx);
    if (response.status === 404 && faultDocumentOf(response)?.type === 'CategoryNotFoundException') return null;
    this.ensureOk(response, CATEGORY_FAULTS);
    const category = this.parseBody(response, SfccCategorySchema);
    const tree = categoryTree(category, SFCC_READ_LEVELS, this.catalogId);
    this.rememberStates(category);
    for (const record of tree.records) carried.category(record);
    for (const [parentId, children] of tree.childLists) this.primeChildren(parentId, children, carried);
    return tree;
  }

  /**
   * Every category of the catalog but the root, in the platform's order, `count` 200 a page (the first page
   * says the total; the rest are fetched in parallel; docs/platforms/sfcc.md#paging). Hidden ones are filtered
   * by the caller, so the whole listing is read: it also proves every category's children list, which it carries.
   */
  private async listAll(ctx: CallContext, carried: Carried): Promise<CategoryRecord[]> {
    const page = (start: number) => this.json(API.listCategories.request(this.catalogId, start, SFCC_PAGE_SIZE), ctx, CATEGORY_FAULTS, SfccCategoryListSchema);
    const first = await page(0);
    const rest: Array<ReturnType<typeof page>> = [];
    for (let start = SFCC_PAGE_SIZE; start < first.total; start += SFCC_PAGE_SIZE) rest.push(page(start));
    // The listing schema has already skipped the documents that are not categories.
    const documents = [first, ...(await Promise.all(rest))].flatMap((list) => list.data ?? []);

    const byId = new Map<string, CategoryRecord>();
    for (const document of documents) {
      if (byId.has(document.id)) continue;
      this.states.remember(document.id, document._resource_state);
      byId.set(document.id, categoryRecord(document, this.catalogId));
    }
    byId.delete(SFCC_ROOT_CATEGORY_ID);
    const all = [...byId.values()];
    for (const record of all) carried.category(record);
    const lists = childListsOf(
      all,
      all.filter((record) => record.parentId === null),
    );
    for (const [parentId, children] of lists) this.primeChildren(parentId, children, carried);
    return all;
  }

  /**
   * The assumed assignment search (docs/platforms/sfcc.md#endpoints), `count` 200 a page, by position:
   * positioned first, then unpositioned.
   */
  private async searchAssignments(categoryId: string, ctx: CallContext, carried: Carried): Promise<SfccAssignment[]> {
    const page = (start: number) =>
      this.json(API.searchAssignments.request(this.catalogId, categoryId, start, SFCC_PAGE_SIZE), ctx, { categoryField: ['categoryId'] }, SfccAssignmentSearchResultSchema);
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

  /** The category's products in its order; null when the category does not exist. */
  private async productOrder(categoryId: string, ctx: CallContext, carried: Carried): Promise<AssignmentRecord[] | null> {
    const hits = await this.searchAssignments(categoryId, ctx, carried);
    // The search answers nothing alike for an empty and for an unknown category: only a read tells which.
    if (hits.length === 0 && !(await this.readTree(categoryId, ctx, carried))) return null;
    return assignmentRecords(hits);
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

  /** The root's children are the store's roots: the loaders know them under both keys. */
  private primeChildren(parentId: string, children: CategoryRecord[], carried: Carried): void {
    carried.categoryChildren(parentId, children, true);
    if (parentId === SFCC_ROOT_CATEGORY_ID) carried.categoryChildren('', children, true);
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
