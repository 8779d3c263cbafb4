import type { StoreSession } from '../../loaders/storeSession';
import { CategoryNode, categoryNode } from './CategoryType';

/** A category by native id through the request's loaders; null when it does not exist. */
export async function loadCategory(session: StoreSession, nativeId: string): Promise<CategoryNode | null> {
  const record = await session.categories.load(nativeId);
  return record && categoryNode(session.store.id, record);
}

/** A payload field loaded only when selected; its failure nulls that field alone, never the write's answer. */
export type Lazy<T> = () => Promise<T>;

/** The category as it is after a write, read through the session the write primed or cleared. */
export function lazyCategory(session: StoreSession, categoryId: string): Lazy<CategoryNode | null> {
  return () => loadCategory(session, categoryId);
}
