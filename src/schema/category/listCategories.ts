import type { CategoryRecord, Page } from '../../domain/records';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { StoreSession } from '../../loaders/storeSession';
import { Connection, pageWindow, toConnection } from '../common/pagination';
import type { SchemaContext } from '../context';
import { resolveIdInStore } from '../ids';
import type { CategoryFilterArgs, PageArgs } from './CategoryListArgs';
import { CategoryNode, categoryNode } from './CategoryType';

/** A page of a store's categories (all, roots, or one parent's children) as a connection. */
export async function listCategories(ctx: SchemaContext, session: StoreSession, args: CategoryFilterArgs) {
  if (args.parentId && args.rootsOnly) {
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'parentId and rootsOnly exclude each other', { field: ['rootsOnly'] });
  }
  const parentId = args.parentId ? resolveIdInStore(ctx, args.parentId, 'Category', session, ['parentId']) : args.rootsOnly ? null : undefined;
  return childrenConnection(session, parentId, args.includeHidden ?? false, args.first, args.after);
}

/**
 * A parent's children as a connection: in hand, not a promise, when the request already holds them (a
 * tree walk's index carried every child list), so a tree's levels complete without a promise per node.
 */
export function childrenConnection(
  session: StoreSession,
  parentId: string | null | undefined,
  includeHidden: boolean,
  first: number | null | undefined,
  after: string | null | undefined,
): Connection<CategoryNode> | Promise<Connection<CategoryNode>> {
  const { offset, limit } = pageWindow(first, after);
  const connection = (page: Page<CategoryRecord>) =>
    toConnection(
      page.items.map((record) => categoryNode(session.store.id, record)),
      offset,
      page.total,
    );
  if (limit === 0) return connection({ items: [], total: null });
  const page = session.listCategories({ parentId, includeHidden, offset, limit });
  return page instanceof Promise ? page.then(connection) : connection(page);
}

/** Category.children with graphql-js's arguments: its resolver, installed past type-graphql's wrapper (see buildGatewaySchema). */
export function categoryChildren(category: CategoryNode, { first, after, includeHidden }: PageArgs & { includeHidden: boolean }, ctx: SchemaContext) {
  return childrenConnection(ctx.sessions.forStore(category.storeId), category.nativeId, includeHidden, first, after);
}
