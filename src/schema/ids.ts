import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import { NodeType, parseGlobalId } from '../ids/globalId';
import type { StoreSession } from '../loaders/storeSession';
import type { SchemaContext } from './context';

export interface ResolvedId {
  session: StoreSession;
  nativeId: string;
}

/**
 * A global id checked all the way before any upstream request: it parses, names the expected type,
 * a configured store, and a native id that platform could have.
 */
export function resolveId(ctx: SchemaContext, raw: string, type: NodeType | undefined, field: string[]): ResolvedId & { type: NodeType } {
  const id = parseGlobalId(raw, type, field);
  const session = ctx.sessions.forStore(id.storeId, field);
  if (!session.port.isValidNativeId(id.type, id.nativeId)) {
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `Invalid id: ${JSON.stringify(id.nativeId.slice(0, 100))} is not a ${session.store.platform} ${id.type.toLowerCase()} id`, {
      field,
    });
  }
  return { session, nativeId: id.nativeId, type: id.type };
}

/** Like resolveId, and the id must belong to `session`'s store (a product of the category's store). */
export function resolveIdInStore(ctx: SchemaContext, raw: string, type: NodeType, session: StoreSession, field: string[]): string {
  const resolved = resolveId(ctx, raw, type, field);
  if (resolved.session !== session) {
    throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `${type} ${raw} belongs to another store than ${session.store.id}`, { field });
  }
  return resolved.nativeId;
}
