import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
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
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE_SIZE}`, { field: ['first'] });
  }
  return { offset: after ? decodeCursor(after) + 1 : 0, limit };
}

/** Edges, nodes and pageInfo of one page that starts at `offset` in a listing of `total` items. */
export function toConnection<T>(items: T[], offset: number, total: number | null): Connection<T> {
  return new Connection(items, offset, total);
}

/**
 * Edges and pageInfo are made only when a query asks for them: most ask for `nodes` alone, and a cursor
 * per item (a Buffer and a base64 string each) was a tenth of a storefront tree query's work.
 */
export class Connection<T> {
  constructor(
    readonly nodes: T[],
    private readonly offset: number,
    readonly totalCount: number | null,
  ) {}

  get edges(): Array<{ cursor: string; node: T }> {
    return this.nodes.map((node, index) => ({ cursor: encodeCursor(this.offset + index), node }));
  }

  get pageInfo(): PageInfo {
    const count = this.nodes.length;
    return {
      hasNextPage: this.totalCount === null ? false : this.offset + count < this.totalCount,
      hasPreviousPage: this.offset > 0,
      startCursor: count > 0 ? encodeCursor(this.offset) : null,
      endCursor: count > 0 ? encodeCursor(this.offset + count - 1) : null,
    };
  }
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'after is not a cursor this connection gave out', { field: ['after'] });
  return Number(match[1]);
}
