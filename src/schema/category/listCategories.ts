import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { StoreSession } from '../../loaders/storeSession';
import { pageWindow, toConnection } from '../common/pagination';
import type { SchemaContext } from '../context';
import { resolveIdInStore } from '../ids';
import type { CategoryFilterArgs } from './CategoryListArgs';
import { categoryNode } from './CategoryType';

/** A page of a store's categories (all, roots, or one parent's children) as a connection. */
export async function listCategories(ctx: SchemaContext, session: StoreSession, args: CategoryFilterArgs) {
  if (args.parentId && args.rootsOnly) {
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'parentId and rootsOnly exclude each other', { field: ['rootsOnly'] });
  }
  const parentId = args.parentId ? resolveIdInStore(ctx, args.parentId, 'Category', session, ['parentId']) : args.rootsOnly ? null : undefined;
  return childrenConnection(session, parentId, args.includeHidden ?? false, args.first, args.after);
}

export async function childrenConnection(
  session: StoreSession,
  parentId: string | null | undefined,
  includeHidden: boolean,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const { offset, limit } = pageWindow(first, after);
  const page = limit === 0 ? { items: [], total: null } : await session.listCategories({ parentId, includeHidden, offset, limit });
  return toConnection(
    page.items.map((record) => categoryNode(session.store.id, record)),
    offset,
    page.total,
  );
}
