import { Answer, Carried } from '../../domain/carried';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { AssignOutcome, AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord, UnassignOutcome } from '../../domain/records';
import type { CategoryLock } from '../../locks/categoryLock';
import type { UpstreamClient } from '../../upstream/upstreamClient';
import type { UpstreamResponse } from '../../upstream/types';
import { chunk } from '../../util/chunk';
import { MemoKey } from '../../util/requestMemo';
import type { CallContext, CatalogPort } from '../port';
import { faultAfterSomeLanded, notApplied } from '../partialWrite';
import { RestAdapter } from '../restAdapter';
import { ZAVEIT_ENDPOINTS as API } from './endpoints';
import { categoryNotFound, idsNamedIn, NotFound, zaveitFault, zaveitFullMessage } from './faults';
import { assignmentRecords, categoryRecord, productRecord } from './mapping';
import { ZaveitCategory, ZaveitCategorySchema, ZaveitListingSchema } from './wire';

/** Zaveit ids are MongoDB-style strings (UUIDs in the vendor's examples): one safe path segment (docs/platforms/zaveit.md#ids). */
const NATIVE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * The listing the GraphQL request read, so differently filtered listings, product look-ups and category
 * batches of one request cost one `GET /`. Every write through the request forgets it: a later read in
 * the same request sees the write.
 */
const LISTING = new MemoKey<Promise<ZaveitCategory[]>>('Zaveit category listing');

/**
 * What a write left: the category as Zaveit last answered it (null when nothing was applied), the unknown
 * products, and when a fault stopped it part-way, that fault and the products it left unsent.
 */
interface WriteResult {
  after: ZaveitCategory | null;
  missing: string[];
  stopped?: { fault: GatewayFault; unsent: string[] };
}

/**
 * Zaveit API v2 behind the catalog port (docs/platforms/zaveit.md). Zaveit documents only adding and
 * removing a category's products; reading and deleting categories use the assumed endpoints of
 * `ZAVEIT_ENDPOINTS`, and it has no way to create, update or reorder categories (those operations are
 * left out: the descriptor's capabilities say so).
 *
 * Reads: one category is `GET /{id}`; anything wider (a listing, several categories, products) is one
 * `GET /` for the whole GraphQL request (docs/platforms/zaveit.md#paging). The call that reads it carries
 * every category, every parent's child list, every product order and every embedded product, so the
 * loaders hold them for the rest of the request; later calls answer from the same listing. Zaveit has
 * no product endpoint: a product is known from the categories that embed it.
 */
export class ZaveitAdapter extends RestAdapter<NotFound> implements CatalogPort {
  constructor(
    http: UpstreamClient,
    private readonly lock: CategoryLock,
  ) {
    super(http, 'Zaveit');
  }

  isValidNativeId(_kind: 'Category' | 'Product', nativeId: string): boolean {
    return NATIVE_ID.test(nativeId);
  }

  async getCategories(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<CategoryRecord | null>>> {
    const carried = new Carried();
    if (ids.length === 1) {
      const category = await this.readCategory(ids[0], ctx, carried);
      return carried.answer([category && categoryRecord(category)]);
    }
    // Several at once (nodes, a page of parents): one listing beats one request each.
    const byId = new Map((await this.readAll(ctx, carried)).map((category) => [category._id, category]));
    const records = ids.map((id) => {
      const category = byId.get(id);
      return category ? categoryRecord(category) : null;
    });
    return carried.answer(records);
  }

  async listCategories(query: CategoryListQuery, ctx: CallContext): Promise<Answer<Page<CategoryRecord>>> {
    const carried = new Carried();
    // Zaveit's listing has no filter or paging (and no hidden categories): filter and slice it here.
    const all = await this.readAll(ctx, carried);
    const matching = query.parentId === undefined ? all : all.filter((category) => (category.parent ?? null) === query.parentId);
    const items = matching.map((category) => categoryRecord(category));
    return carried.answer({ items: items.slice(query.offset, query.offset + query.limit), total: items.length });
  }

  async getCategoryProducts(categoryId: string, ctx: CallContext): Promise<Answer<AssignmentRecord[] | null>> {
    const carried = new Carried();
    const category = await this.readCategory(categoryId, ctx, carried);
    return carried.answer(category && assignmentRecords(category));
  }

  async getProducts(ids: readonly string[], ctx: CallContext): Promise<Answer<Array<ProductRecord | null>>> {
    const carried = new Carried();
    // No product endpoint: products are found where categories embed them; one in no category is null.
    const found = new Map<string, ProductRecord>();
    for (const category of await this.readAll(ctx, carried)) {
      for (const product of category.products) found.set(product._id, productRecord(product));
    }
    return carried.answer(ids.map((id) => found.get(id) ?? null));
  }

  /** DELETE /{id} (docs/platforms/zaveit.md#writes-and-concurrency). */
  async deleteCategory(categoryId: string, ctx: CallContext): Promise<Answer<void>> {
    ctx.memo.delete(LISTING);
    // Only the 200 is assumed; its body is not read.
    const response = await this.send(API.deleteCategory.request(categoryId), ctx);
    this.ensureOk(response, categoryNotFound(categoryId));
    return new Carried().answer(undefined);
  }

  /**
   * Reads the category (it must exist; its answer says the parent, which add's answer lacks and the
   * payload needs), then one PUT .../products/add with the products not yet in it. Zaveit rejects the
   * whole add when one id is unknown: the unknown ones become PRODUCT_NOT_FOUND failures and the rest
   * is sent again (see `write`). Under the category's lock, so no other write through the gateway falls
   * between the read and the write (docs/platforms/zaveit.md#writes-and-concurrency).
   */
  assignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<AssignOutcome>> {
    ctx.memo.delete(LISTING);
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      const before = await this.requireCategory(categoryId, locked);
      const assigned = new Set(before.products.map((product) => product._id));
      const toAdd = productIds.filter((id) => !assigned.has(id));
      const { after, missing, stopped }: WriteResult = toAdd.length > 0 ? await this.write('addProducts', categoryId, toAdd, locked) : { after: null, missing: [] };

      const current = after ?? before;
      const carried = new Carried();
      carryCategory(current, carried, before.parent ?? null);
      const requested = new Set(productIds);
      return carried.answer({
        assignments: assignmentRecords(current).filter((assignment) => requested.has(assignment.productId)),
        failures: [
          ...missing.map((id) => new GatewayFault(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} does not exist`, { productId: id, upstreamStatus: 404 })),
          ...(stopped ? notApplied(stopped.unsent, stopped.fault, 'assigned') : []),
        ],
      });
    });
  }

  /**
   * Reads the category, then one PUT .../products/remove with the requested products that are in it:
   * one that is not (unknown ones included) is no error, and is never sent for Zaveit to reject.
   */
  unassignProducts(categoryId: string, productIds: readonly string[], ctx: CallContext): Promise<Answer<UnassignOutcome>> {
    ctx.memo.delete(LISTING);
    return this.lock.withLock(categoryId, async (lease) => {
      const locked: CallContext = { ...ctx, lease };
      const before = await this.requireCategory(categoryId, locked);
      const assigned = new Set(before.products.map((product) => product._id));
      const toRemove = productIds.filter((id) => assigned.has(id));
      const { after, stopped }: Partial<WriteResult> = toRemove.length > 0 ? await this.write('removeProducts', categoryId, toRemove, locked) : {};
      const carried = new Carried();
      carryCategory(after ?? before, carried, before.parent ?? null);
      return carried.answer({ failures: stopped ? notApplied(stopped.unsent, stopped.fault, 'unassigned') : [] });
    });
  }

  protected errorFromResponse(response: UpstreamResponse, notFound: NotFound): GatewayFault {
    return zaveitFault(response, notFound);
  }

  /**
   * One add or remove of `ids` in O(n) requests and bytes (docs/platforms/zaveit.md#writes-and-concurrency):
   * the whole list in one PUT; after a 404 naming some of the ids, the rest once more. After a 404 naming
   * none (or a second 404), one pass over what is pending, in input order: groups of about √n ids, and the
   * ids of a group that 404s each alone (a lone id's 404 is that product unknown). So no list is sent again
   * and again, and each id goes out at most four times. A 404 naming the category is CATEGORY_NOT_FOUND; a
   * fault in the pass after something landed stops the write part-way (`stopped`).
   */
  private async write(operation: 'addProducts' | 'removeProducts', categoryId: string, ids: readonly string[], ctx: CallContext): Promise<WriteResult> {
    let pending = [...ids];
    const missing: string[] = [];
    for (let round = 0; round < 2 && pending.length > 0; round += 1) {
      const answer = await this.put(operation, categoryId, pending, ctx);
      if (!Array.isArray(answer)) return { after: answer, missing };
      if (answer.length === 0) break;
      const unknown = new Set(answer);
      missing.push(...answer);
      pending = pending.filter((id) => !unknown.has(id));
    }

    let after: ZaveitCategory | null = null;
    const settled = new Set<string>();
    const settle = async (group: readonly string[]): Promise<void> => {
      const answer = await this.put(operation, categoryId, group, ctx);
      if (!Array.isArray(answer)) after = answer;
      else if (group.length === 1) missing.push(group[0]);
      else for (const id of group) await settle([id]);
      if (!Array.isArray(answer) || group.length === 1) for (const id of group) settled.add(id);
    };
    const stopped = await faultAfterSomeLanded(
      (async () => {
        for (const group of chunk(pending, Math.ceil(Math.sqrt(pending.length)))) await settle(group);
      })(),
      () => after !== null,
    );
    return { after, missing, stopped: stopped && { fault: stopped, unsent: pending.filter((id) => !settled.has(id)) } };
  }

  /** One PUT of `ids`: the category Zaveit answered, or on a 404 the ids its message names (none when it names none). */
  private async put(operation: 'addProducts' | 'removeProducts', categoryId: string, ids: readonly string[], ctx: CallContext): Promise<ZaveitCategory | string[]> {
    const response = await this.send(API[operation].request(categoryId, ids), ctx);
    if (response.status !== 404) {
      this.ensureOk(response, categoryNotFound(categoryId));
      return this.parseBody(response, ZaveitCategorySchema);
    }
    const message = zaveitFullMessage(response);
    const named = idsNamedIn(message, ids);
    if (named.length === 0 && idsNamedIn(message, [categoryId]).length > 0) throw this.errorFromResponse(response, categoryNotFound(categoryId));
    return named;
  }

  /** GET /{id}: the category with its products (`carried` takes them), or null on 404. */
  private async readCategory(id: string, ctx: CallContext, carried: Carried): Promise<ZaveitCategory | null> {
    const response = await this.send(API.getCategory.request(id), ctx);
    if (response.status === 404) return null;
    this.ensureOk(response, categoryNotFound(id));
    const category = this.parseBody(response, ZaveitCategorySchema);
    carryCategory(category, carried);
    return category;
  }

  /** The category before a write: read, not carried (the write's answer is what the request sees). */
  private async requireCategory(id: string, ctx: CallContext): Promise<ZaveitCategory> {
    const category = await this.readCategory(id, ctx, new Carried());
    if (!category) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${id} does not exist`, { field: ['categoryId'], upstreamStatus: 404 });
    return category;
  }

  /**
   * The request's listing: read once, then shared by every read of the same request until it writes.
   * The call that reads it carries what it holds (into `carried`); later calls answer from it alone.
   */
  private readAll(ctx: CallContext, carried: Carried): Promise<ZaveitCategory[]> {
    let listing = ctx.memo.get(LISTING);
    if (!listing) {
      listing = ctx.memo.set(LISTING, this.fetchAll(ctx, carried));
      listing.catch(() => ctx.memo.delete(LISTING));
    }
    return listing;
  }

  /** GET /: every category of the tenant, each carried with its products, and every parent's child list. */
  private async fetchAll(ctx: CallContext, carried: Carried): Promise<ZaveitCategory[]> {
    const categories = await this.json(
      API.listCategories.request(),
      ctx,
      { code: ErrorCode.UPSTREAM_ERROR, message: 'Zaveit has no category listing at this baseUrl' },
      ZaveitListingSchema,
    );

    const children = new Map<string, CategoryRecord[]>([['', []]]);
    for (const category of categories) children.set(category._id, []);
    for (const category of categories) {
      const record = carryCategory(category, carried);
      children.get(record.parentId ?? '')?.push(record);
    }
    // The listing is complete, so every category's children are known, leaves' empty lists included.
    for (const [parentId, list] of children) carried.categoryChildren(parentId, list, true);
    return categories;
  }
}

/** What a category answer carries: the category, its product order and its products. */
function carryCategory(category: ZaveitCategory, carried: Carried, parentId: string | null = category.parent ?? null): CategoryRecord {
  const record = categoryRecord(category, parentId);
  carried.category(record);
  carried.categoryProducts(category._id, assignmentRecords(category));
  for (const product of category.products) carried.product(productRecord(product));
  return record;
}
