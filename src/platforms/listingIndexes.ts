/**
 * Indexes of a whole store, by the listing pages they were built from: requests that shared the same
 * listing reads in flight (and so the same parsed pages) share the index too, built once.
 */
export class ListingIndexes<I> {
  private readonly built = new WeakMap<object, { pages: readonly object[]; index: I }>();

  /** The index of exactly these pages: the one built from them before, else `build()`'s. */
  of(pages: readonly object[], build: () => I): I {
    const [first] = pages;
    const known = this.built.get(first);
    if (known && known.pages.length === pages.length && known.pages.every((page, at) => page === pages[at])) return known.index;
    const index = build();
    this.built.set(first, { pages, index });
    return index;
  }
}
