import type { StoreSession } from '../../loaders/storeSession';
import { CategoryNode, categoryNode } from './CategoryType';

/** A payload field loaded only when selected; its failure nulls that field alone, never the write's answer. */
export type Lazy<T> = () => Promise<T>;

/** The category as it is after a write, read through the session the write primed or cleared. */
export function lazyCategory(session: StoreSession, categoryId: string): Lazy<CategoryNode | null> {
  return async () => {
    const record = await session.categories.load(categoryId);
    return record && categoryNode(session.store.id, record);
  };
}
