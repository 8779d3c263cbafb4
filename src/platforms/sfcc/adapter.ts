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
  Page,
  ProductRecord,
} from '../../domain/records';
import { moveToPosition } from '../../domain/reorder';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../../upstream/upstreamClient';
import { garbageFault, parseJsonBody } from '../../upstream/upstreamFaults';
import type { CallContext, CatalogPort, StoreCapabilities } from '../port';
import { forEachBounded, mapBounded } from './bounded';
import { SFCC_ENDPOINTS as API } from './endpoints';
import { CATEGORY_INPUT_FIELDS, faultDocumentOf, SfccFaultContext, sfccFault } from './faults';
import {
  assignmentRecords,
  categoryRecord,
  CategoryTree,
  categoryTree,
  childListsOf,
  localized,
  productOfAssignment,
  productRecord,
} from './mapping';
import { ResourceStates } from './resourceStates';
import {
  SFCC_PAGE_SIZE,
  SFCC_READ_LEVELS,
  SFCC_ROOT_CATEGORY_ID,
  SFCC_WRITE_CONCURRENCY,
  SfccAssignment,
  SfccAssignmentSearchResult,
  SfccCategory,
  SfccCategoryList,
  SfccCategoryWrite,
  SfccProduct,
} from './wire';

const PLATFORM = 'SFCC';

/** OCAPI ids: 1–256 characters (seed 004's constraints), no control characters, no surrounding blanks, no dot segments. */
/** Re-reads after a stale `_resource_state` before the write is given up as CONFLICT. */
const MAX_STALE_STATE_RETRIES = 2;
const MAX_ID_LENGTH = 256;
const CONTROL = /[\u0000-\u001f\u007f]/;

const CATEGORY_FAULTS: SfccFaultContext = { categoryField: ['categoryId'], fields: { ...CATEGORY_INPUT_FIELDS, id: 'categoryId' } };

/**
 * Salesforce B2C Commerce (OCAPI Data API 23.2) behind the catalog port. Reads use `levels` and prime the
 * loaders with every category an answer carries; product order is SFCC's own (positions normalized by the
 * platform); writes send back the `_resource_state` the gateway last saw.
 */
export class SfccAdapter implements CatalogPort {
  readonly platform = Platform.SFCC;
  readonly capabilities: StoreCapabilities = {
    moveProduct: true,
    createCategory: true,
    updateCategory: true,
    deleteCategory: true,
    // The Data API sets an image by the name of a file already in the catalog's static content; it takes no upload.
    categoryImages: false,
    createRequiresNativeId: true,
  };
  private readonly states = new ResourceStates();

  constructor(
    private readonly http: UpstreamClient,
    private readonly catalogId: string,
    private readonly lock: CategoryLock,
  ) {}

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return (
      nativeId.length > 0 &&
      nativeId.length <= MAX_ID_LENGTH &&
      nativeId.trim() === nativeId &&
      !CONTROL.test(nativeId) &&
      nativeId !== '.' &&
      nativeId !== '..'
    );
  }

  getCategories(ids: readonly string[], ctx: CallContext): Promise<Array<CategoryRecord | null>> {
    // No batch read by id: one levels read each, in parallel; each primes the subtree it carries.
    return Promise.all(ids.map(async (id) => (await this.readTree(id, ctx))?.records[0] ?? null));
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Page<CategoryRecord>> {
    let children: CategoryRecord[];
    if (query.parentId === undefined) {
      children = await this.listAll(ctx);
    } else {
      const parentId = query.parentId ?? SFCC_ROOT_CATEGORY_ID;
      const tree = await this.readTree(parentId, ctx);
      if (!tree) throw notFound(parentId, ['parentId']);
      children = tree.childLists.get(parentId) ?? [];
    }
    const visible = query.includeHidden ? children : children.filter((category) => category.enabled);
    return { items: visible.slice(query.offset, query.offset + query.limit), total: visible.length };
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<AssignmentRecord[] | null> {
    const hits = await this.searchAssignments(categoryId, ctx);
    // The search answers nothing alike for an empty and for an unknown category: only a read tells which.
    if (hits.length === 0 && !(await this.readTree(categoryId, ctx))) return null;
    return assignmentRecords(hits);
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Array<ProductRecord | null>> {
    // One read per product (no batch read by id), bounded like the writes so a 100-id batch does not take the pool.
    return mapBounded(ids, SFCC_WRITE_CONCURRENCY, async (id) => {
      const response = await this.send({ method: API.product.method, path: API.product.path(id) }, ctx);
      if (response.status === 404 && faultDocumentOf(response)?.type === 'ProductNotFoundException') return null;
      const product = this.expect<SfccProduct>(response, { productId: id }, (body) => typeof (body as SfccProduct).id === 'string');
      const record = productRecord(product);
      ctx.sink.product(record);
      return record;
    });
  }

  async createCategory(input: CategoryCreate, ctx: CallContext): Promise<CategoryRecord> {
    const id = input.nativeId;
    if (!id || !this.isValidNativeId('Category', id)) {
      throw new PlatformFault(ErrorCode.BAD_USER_INPUT, 'SFCC stores need a nativeId (1–256 characters) for a new category', { field: ['nativeId'] });
    }
    const write: SfccCategoryWrite = {
      name: localized(input.name),
      description: input.description ? localized(input.description) : undefined,
      // Business Manager creates categories offline; the gateway creates them visible, as on the other platforms.
      online: input.enabled ?? true,
      parent_category_id: input.parentId ?? SFCC_ROOT_CATEGORY_ID,
      position: input.position ?? undefined,
    };
    const response = await this.send({ method: API.createCategory.method, path: API.createCategory.path(this.catalogId, id), json: write }, ctx);
    const created = this.expect<SfccCategory>(response, { categoryField: ['parentId'], fields: CATEGORY_INPUT_FIELDS }, isCategory);
    return this.observeWritten(created, ctx);
  }

  async updateCategory(categoryId: string, patch: CategoryPatch, ctx: CallContext): Promise<CategoryRecord> {
    const write: SfccCategoryWrite = {
      name: patch.name == null ? undefined : localized(patch.name),
      // null clears the description: an empty text in the gateway's locale.
      description: patch.description === undefined ? undefined : localized(patch.description ?? ''),
      online: patch.enabled ?? undefined,
      parent_category_id: patch.parentId === undefined ? undefined : (patch.parentId ?? SFCC_ROOT_CATEGORY_ID),
      position: patch.position ?? undefined,
    };
    const response = await this.writeWithFreshState(categoryId, ctx, (state) =>
      this.send({ method: API.updateCategory.method, path: API.updateCategory.path(this.catalogId, categoryId), json: { ...write, _resource_state: state } }, ctx),
    );
    return this.observeWritten(this.expect<SfccCategory>(response, CATEGORY_FAULTS, isCategory), ctx);
  }

  async deleteCategory(categoryId: string, ctx: CallContext): Promise<void> {
    if (categoryId === SFCC_ROOT_CATEGORY_ID) {
      throw new PlatformFault(ErrorCode.BAD_USER_INPUT, "The catalog's root category cannot be deleted", { field: ['categoryId'] });
    }
    const response = await this.writeWithFreshState(categoryId, ctx, (state) =>
      this.send(
        {
          method: API.deleteCategory.method,
          path: API.deleteCategory.path(this.catalogId, categoryId),
          headers: state ? { 'x-dw-resource-state': state } : undefined,
        },
        ctx,
      ),
    );
    if (!isOk(response)) throw sfccFault(response, CATEGORY_FAULTS);
    this.states.forget(categoryId);
  }

  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<AssignOutcome> {
    // Appending needs the count of positioned products: serialize with the other writes of this category's order.
    return this.lock.withLock(categoryId, async () => {
      const current = await this.requireProductOrder(categoryId, ctx);
      const assigned = new Set(current.map((assignment) => assignment.productId));
      const positioned = current.filter((assignment) => assignment.position !== null).map((assignment) => assignment.productId);
      const unpositioned = current.filter((assignment) => assignment.position === null).map((assignment) => assignment.productId);
      const candidates = productIds.filter((id) => !assigned.has(id));

      // One PUT per product, each aimed at the slot after the existing positions plus its index in the input.
      const placedAt = new Array<number | null | undefined>(candidates.length);
      const failures = new Array<PlatformFault | undefined>(candidates.length);
      await forEachBounded(candidates, SFCC_WRITE_CONCURRENCY, async (productId, index) => {
        const path = API.assignProduct.path(this.catalogId, categoryId, productId);
        const response = await this.send({ method: API.assignProduct.method, path, json: { position: positioned.length + 1 + index } }, ctx);
        if (response.status === 404 && faultDocumentOf(response)?.type === 'ProductNotFoundException') {
          failures[index] = sfccFault(response, { productId });
          return;
        }
        const assignment = this.expect<SfccAssignment>(response, { categoryField: ['categoryId'], productId }, isAssignment);
        placedAt[index] = typeof assignment.position === 'number' ? assignment.position : null;
        const product = productOfAssignment(assignment);
        if (product) ctx.sink.product(product);
      });

      const added = candidates.filter((_, index) => placedAt[index] !== undefined);
      // Concurrent PUTs may apply out of order; each answer's position says where it landed when it applied.
      // When every one landed on its own slot, nothing was missing before it: the order is the input's.
      const inOrder = failures.every((failure) => !failure) && placedAt.every((position, index) => position === positioned.length + 1 + index);
      const order = inOrder
        ? [...positioned, ...added].map((productId, position) => ({ productId, position }))
        : await this.restoreInputOrder(categoryId, added, ctx);
      const placed = new Set(order.map((assignment) => assignment.productId));
      const all = [...order, ...unpositioned.filter((id) => !placed.has(id)).map((productId) => ({ productId, position: null }))];

      ctx.sink.categoryProducts(categoryId, all);
      const requested = new Set(productIds);
      return { assignments: all.filter((assignment) => requested.has(assignment.productId)), failures: failures.filter((f): f is PlatformFault => !!f) };
    });
  }

  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<void> {
    return this.lock.withLock(categoryId, () =>
      forEachBounded(productIds, SFCC_WRITE_CONCURRENCY, async (productId) => {
        const response = await this.send(
          { method: API.unassignProduct.method, path: API.unassignProduct.path(this.catalogId, categoryId, productId) },
          ctx,
        );
        if (isOk(response)) return;
        // A product that was not assigned (or does not exist) is not an error here.
        const type = faultDocumentOf(response)?.type;
        if (type === 'CategoryProductAssignmentNotFoundException' || type === 'ProductNotFoundException') return;
        throw sfccFault(response, { categoryField: ['categoryId'], productId });
      }),
    );
  }

  moveProduct(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<AssignmentRecord> {
    if (!Number.isInteger(position) || position < 0) {
      throw new PlatformFault(ErrorCode.BAD_USER_INPUT, 'position must be a whole number of at least 0', { field: ['position'] });
    }
    return this.lock.withLock(categoryId, async () => {
      // SFCC normalizes: the product lands at that slot among the positioned ones (past the end: last) and the
      // others are renumbered 1..n keeping their order, which is the contract's move.
      const moved = await this.patchPosition(categoryId, productId, position + 1, ctx);
      if (typeof moved.position === 'number' && Number.isInteger(moved.position) && moved.position >= 1) {
        return { productId, position: moved.position - 1 };
      }
      const order = await this.requireProductOrder(categoryId, ctx);
      return order.find((assignment) => assignment.productId === productId) ?? { productId, position: null };
    });
  }

  setCategoryImage(): Promise<CategoryRecord> {
    return Promise.reject(unsupportedImages());
  }

  deleteCategoryImage(): Promise<CategoryRecord> {
    return Promise.reject(unsupportedImages());
  }

  /** The category with `levels` of subcategories, everything it carries handed to the loaders; null when none exists. */
  private async readTree(id: string, ctx: CallContext): Promise<CategoryTree | null> {
    const response = await this.send(
      { method: API.category.method, path: API.category.path(this.catalogId, id), query: { levels: SFCC_READ_LEVELS } },
      ctx,
    );
    if (response.status === 404 && faultDocumentOf(response)?.type === 'CategoryNotFoundException') return null;
    const category = this.expect<SfccCategory>(response, CATEGORY_FAULTS, isCategory);
    const tree = categoryTree(category, SFCC_READ_LEVELS, this.catalogId);
    this.rememberStates(category);
    for (const record of tree.records) ctx.sink.category(record);
    for (const [parentId, children] of tree.childLists) this.primeChildren(parentId, children, ctx);
    return tree;
  }

  /**
   * Every category of the catalog but the root, in the platform's order, `count` 200 a page (the first page
   * says the total; the rest are fetched in parallel). Hidden ones are filtered by the caller, so the whole
   * listing is read: it also proves every category's children list, which primes the loaders.
   */
  private async listAll(ctx: CallContext): Promise<CategoryRecord[]> {
    const page = (start: number) =>
      this.send({ method: API.listCategories.method, path: API.listCategories.path(this.catalogId), query: { start, count: SFCC_PAGE_SIZE } }, ctx).then(
        (response) => this.expect<SfccCategoryList>(response, CATEGORY_FAULTS, isListing),
      );
    const first = await page(0);
    const rest: Array<Promise<SfccCategoryList>> = [];
    for (let start = SFCC_PAGE_SIZE; start < first.total; start += SFCC_PAGE_SIZE) rest.push(page(start));
    const documents = [first, ...(await Promise.all(rest))].flatMap((list) => list.data ?? []);

    const byId = new Map<string, CategoryRecord>();
    for (const document of documents) {
      if (!isCategory(document) || byId.has(document.id)) continue;
      this.states.remember(document.id, document._resource_state);
      byId.set(document.id, categoryRecord(document, this.catalogId));
    }
    byId.delete(SFCC_ROOT_CATEGORY_ID);
    const all = [...byId.values()];
    for (const record of all) ctx.sink.category(record);
    const lists = childListsOf(all, all.filter((record) => record.parentId === null));
    for (const [parentId, children] of lists) this.primeChildren(parentId, children, ctx);
    return all;
  }

  /** The contract's assumed search, `count` 200 a page, by position: positioned first, then unpositioned. */
  private async searchAssignments(categoryId: string, ctx: CallContext): Promise<SfccAssignment[]> {
    const page = (start: number) =>
      this.send(
        {
          method: API.searchAssignments.method,
          path: API.searchAssignments.path(this.catalogId),
          json: {
            query: { term_query: { fields: ['category_id'], operator: 'is', values: [categoryId] } },
            sorts: [{ field: 'position', sort_order: 'asc' }],
            start,
            count: SFCC_PAGE_SIZE,
          },
        },
        ctx,
      ).then((response) => this.expect<SfccAssignmentSearchResult>(response, { categoryField: ['categoryId'] }, isSearchResult));
    const first = await page(0);
    const rest: Array<Promise<SfccAssignmentSearchResult>> = [];
    for (let start = SFCC_PAGE_SIZE; start < first.total; start += SFCC_PAGE_SIZE) rest.push(page(start));
    const hits = [first, ...(await Promise.all(rest))].flatMap((result) => result.hits ?? []).filter(isAssignment);
    for (const hit of hits) {
      const product = productOfAssignment(hit);
      if (product) ctx.sink.product(product);
    }
    return hits;
  }

  private async requireProductOrder(categoryId: string, ctx: CallContext): Promise<AssignmentRecord[]> {
    const order = await this.getCategoryProducts(categoryId, ctx);
    if (!order) throw notFound(categoryId, ['categoryId']);
    return order;
  }

  /**
   * After concurrent PUTs applied out of order (or around a missing product): reads the order and moves each
   * added product, in input order, to the slot after the previous one. Sequential PATCHes are deterministic
   * under SFCC's normalization, so the local model stays the platform's order without another read.
   */
  private async restoreInputOrder(categoryId: string, added: string[], ctx: CallContext): Promise<AssignmentRecord[]> {
    const read = await this.requireProductOrder(categoryId, ctx);
    let positioned = read.filter((assignment) => assignment.position !== null).map((assignment) => assignment.productId);
    const addedSet = new Set(added);
    const before = positioned.filter((id) => !addedSet.has(id)).length;
    for (const [offset, productId] of added.entries()) {
      if (positioned[before + offset] === productId) continue;
      await this.patchPosition(categoryId, productId, before + offset + 1, ctx);
      positioned = moveToPosition(positioned, productId, before + offset);
    }
    return positioned.map((productId, position) => ({ productId, position }));
  }

  private async patchPosition(categoryId: string, productId: string, position: number, ctx: CallContext): Promise<SfccAssignment> {
    const response = await this.send(
      { method: API.moveProduct.method, path: API.moveProduct.path(this.catalogId, categoryId, productId), json: { position } },
      ctx,
    );
    const assignment = this.expect<SfccAssignment>(response, { categoryField: ['categoryId'], productId }, isAssignment);
    const product = productOfAssignment(assignment);
    if (product) ctx.sink.product(product);
    return assignment;
  }

  /** A category a write answered with (no subcategories: it proves no children list). */
  private observeWritten(category: SfccCategory, ctx: CallContext): CategoryRecord {
    this.states.remember(category.id, category._resource_state);
    const record = categoryRecord(category, this.catalogId);
    ctx.sink.category(record);
    return record;
  }

  private rememberStates(category: SfccCategory): void {
    this.states.remember(category.id, category._resource_state);
    for (const child of category.categories ?? []) if (isCategory(child)) this.rememberStates(child);
  }

  /** The root's children are the store's roots: the loaders know them under both keys. */
  private primeChildren(parentId: string, children: CategoryRecord[], ctx: CallContext): void {
    ctx.sink.categoryChildren(parentId, children, true);
    if (parentId === SFCC_ROOT_CATEGORY_ID) ctx.sink.categoryChildren('', children, true);
  }

  /**
   * A write that carries the category's `_resource_state`, serialized with the category's other writes.
   * When SFCC says the state is stale (changed elsewhere), the category is read again and the write sent
   * with the fresh state, a bounded number of times; a category that keeps changing is CONFLICT.
   */
  private writeWithFreshState(categoryId: string, ctx: CallContext, write: (state: string | undefined) => Promise<UpstreamResponse>): Promise<UpstreamResponse> {
    return this.lock.withLock(categoryId, async () => {
      for (let attempt = 0; ; attempt += 1) {
        const response = await write(this.states.get(categoryId));
        if (faultDocumentOf(response)?.type !== 'ResourceStateConflictException') return response;
        this.states.forget(categoryId);
        if (attempt >= MAX_STALE_STATE_RETRIES) return response;
        await this.readTree(categoryId, ctx);
      }
    });
  }

  private send(request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    return this.http.send(request, ctx);
  }

  /** The answer's document, or the fault it stands for; a 2xx body that is not the expected JSON is a fault too. */
  private expect<T>(response: UpstreamResponse, context: SfccFaultContext, isExpected: (body: unknown) => boolean): T {
    if (!isOk(response)) throw sfccFault(response, context);
    const body = parseJsonBody<T>(PLATFORM, response);
    if (!body || typeof body !== 'object' || !isExpected(body)) throw garbageFault(PLATFORM, response);
    return body;
  }
}

function notFound(categoryId: string, field: string[]): PlatformFault {
  return new PlatformFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${categoryId} does not exist`, { field, upstreamStatus: 404 });
}

function unsupportedImages(): PlatformFault {
  return new PlatformFault(ErrorCode.UNSUPPORTED_OPERATION, 'Category images are not supported on SFCC stores (the Data API takes no image upload)');
}

function isOk(response: UpstreamResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function isCategory(body: unknown): body is SfccCategory {
  return !!body && typeof body === 'object' && typeof (body as SfccCategory).id === 'string';
}

function isAssignment(body: unknown): body is SfccAssignment {
  return !!body && typeof body === 'object' && typeof (body as SfccAssignment).product_id === 'string';
}

function isListing(body: unknown): boolean {
  const list = body as SfccCategoryList;
  return typeof list.total === 'number' && (list.data === undefined || Array.isArray(list.data));
}

function isSearchResult(body: unknown): boolean {
  const result = body as SfccAssignmentSearchResult;
  return typeof result.total === 'number' && (result.hits === undefined || Array.isArray(result.hits));
}
