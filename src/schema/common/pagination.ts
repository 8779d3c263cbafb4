import { ErrorCode } from '../../domain/errorCode';
import { PlatformFault } from '../../domain/platformFault';
import type { PageInfo } from './PageInfo';

/** The most items one connection field returns; larger `first` is refused before any upstream request. */
export const MAX_PAGE_SIZE = 500;
/** The page size when `first` is left out or null. */
export const DEFAULT_PAGE_SIZE = 50;

export interface PageWindow {
  offset: number;
  limit: number;
}

/** Cursors are opaque to clients: base64 of the item's offset in the listing. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

export function pageWindow(first: number | null | undefined, after: string | null | undefined): PageWindow {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new PlatformFault(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE_SIZE}`, { field: ['first'] });
  }
  return { offset: after ? decodeCursor(after) + 1 : 0, limit };
}

/** Edges, nodes and pageInfo of one page that starts at `offset` in a listing of `total` items. */
export function toConnection<T>(items: T[], offset: number, total: number | null) {
  const edges = items.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  const pageInfo: PageInfo = {
    hasNextPage: total === null ? false : offset + items.length < total,
    hasPreviousPage: offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return { edges, nodes: items, pageInfo, totalCount: total };
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new PlatformFault(ErrorCode.BAD_USER_INPUT, 'after is not a cursor this connection gave out', { field: ['after'] });
  return Number(match[1]);
}
