import type { Carried } from '../../domain/carried';
import { MemoKey } from '../../util/requestMemo';
import { ListingIndexes } from '../listingIndexes';
import type { CallContext } from '../port';
import { CategoryIndex } from './categoryIndex';
import { SFCC_PAGE_SIZE, SfccCategoryList } from './wire';

/** The request's catalog index, once it read one (undefined: the listing turned out dearer than the reads by id). */
const INDEX = new MemoKey<Promise<CategoryIndex | undefined>>('SFCC category index');

/** Ids read at once from which, while the catalog's size is unknown, its listing's first page is read to learn it. */
const PROBE_FROM = 3;

/** One page of `GET /categories`, SFCC_PAGE_SIZE categories from `start`. */
export type ListingPageReader = (start: number) => Promise<SfccCategoryList>;

/**
 * When the SFCC adapter reads the whole catalog instead of categories one by one
 * (docs/platforms/sfcc.md#reads-by-id). The Data API has no batch read by id: a category costs a request,
 * the listing ⌈total/200⌉. So the listing is read for a batch of more ids than it has pages, and then answers
 * every other read of the request (parents, children, more ids) too.
 */
export class CatalogIndexes {
  private readonly indexes = new ListingIndexes<CategoryIndex>();
  /** The catalog's category count as SFCC last said it: what the listing costs. */
  private knownTotal: number | undefined;

  constructor(
    private readonly catalogId: string,
    /** Told of every listing read (the adapter keeps its resource states). */
    private readonly listed: (index: CategoryIndex) => void,
  ) {}

  /** The index this request read already, complete (the catalog did not change while it was listed). */
  async loaded(ctx: CallContext): Promise<CategoryIndex | undefined> {
    const index = await ctx.memo.get(INDEX);
    return index?.complete ? index : undefined;
  }

  /**
   * A complete index to read `count` categories by id from, when the listing costs fewer requests than
   * reading them: the request's own, else a listing of fewer pages than `count`. With the catalog's size not
   * known yet, the first page says it (for `PROBE_FROM` ids or more, which a listing would save at least two
   * requests on), and the rest is read only when it is worth it: else that page cost one request more, once.
   * Undefined when the reads by id are cheaper. A listing read here carries everything it holds into `carried`.
   */
  async forIds(count: number, ctx: CallContext, readPage: ListingPageReader, carried: Carried): Promise<CategoryIndex | undefined> {
    const worthIt = (total: number) => pagesOf(total) < count;
    const dearer = this.knownTotal === undefined ? count < PROBE_FROM : !worthIt(this.knownTotal);
    const index = await (ctx.memo.get(INDEX) ?? (dearer ? undefined : this.load(ctx, readPage, worthIt, carried)));
    return index?.complete ? index : undefined;
  }

  /** The whole catalog, listed unless the request read it already (a listing read here carries into `carried`). */
  async whole(ctx: CallContext, readPage: ListingPageReader, carried: Carried): Promise<CategoryIndex> {
    // A listing read for ids may have stopped at its first page: then this one reads it all.
    const index = (await ctx.memo.get(INDEX)) ?? (await this.load(ctx, readPage, () => true, carried));
    // A listing that reads every page always answers an index.
    return index!;
  }

  /** A write makes the request's index stale. */
  forget(ctx: CallContext): void {
    ctx.memo.delete(INDEX);
  }

  /** The listing's pages, 200 a request, the rest in parallel after the first, when `worthIt(total)`. */
  private load(ctx: CallContext, readPage: ListingPageReader, worthIt: (total: number) => boolean, carried: Carried): Promise<CategoryIndex | undefined> {
    const loading = (async () => {
      const first = await readPage(0);
      this.knownTotal = first.total;
      if (!worthIt(first.total)) return undefined;
      const rest: Array<Promise<SfccCategoryList>> = [];
      for (let start = SFCC_PAGE_SIZE; start < first.total; start += SFCC_PAGE_SIZE) rest.push(readPage(start));
      const pages = [first, ...(await Promise.all(rest))];
      const index = this.indexes.of(pages, () => CategoryIndex.of(pages, this.catalogId));
      this.listed(index);
      index.carryInto(carried);
      return index;
    })();
    // A listing not worth reading is no answer for the request's later reads: they decide again.
    const settled = loading.then(
      (index) => {
        if (!index && ctx.memo.get(INDEX) === settled) ctx.memo.delete(INDEX);
        return index;
      },
      (error: unknown) => {
        if (ctx.memo.get(INDEX) === settled) ctx.memo.delete(INDEX);
        throw error;
      },
    );
    return ctx.memo.set(INDEX, settled);
  }
}

/** Requests the whole listing costs. */
function pagesOf(total: number): number {
  return Math.max(1, Math.ceil(total / SFCC_PAGE_SIZE));
}
