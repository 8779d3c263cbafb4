/** Pages of one size (one-based, as BigCommerce pages) that hold a window of a listing. */
export interface PageCover {
  perPage: number;
  firstPage: number;
  lastPage: number;
  /** Items of the first page before the window starts. */
  skip: number;
}

/**
 * The pages that hold the window [offset, offset + limit) of a listing BigCommerce pages by `page` and
 * `limit` (docs/platforms/bigcommerce.md#paging): one page where a page size up to `maxPerPage` holds the
 * whole window (the smallest such size, to read least), else pages of `maxPerPage`.
 */
export function pagesCovering(offset: number, limit: number, maxPerPage: number): PageCover {
  const end = offset + Math.max(1, limit) - 1;
  for (let size = Math.max(1, limit); size <= maxPerPage; size += 1) {
    if (Math.floor(offset / size) === Math.floor(end / size)) return cover(offset, end, size);
  }
  return cover(offset, end, maxPerPage);
}

function cover(offset: number, end: number, perPage: number): PageCover {
  const firstPage = Math.floor(offset / perPage) + 1;
  return { perPage, firstPage, lastPage: Math.floor(end / perPage) + 1, skip: offset - (firstPage - 1) * perPage };
}
