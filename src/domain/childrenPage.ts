import type { CategoryListQuery, CategoryRecord, Page } from './records';

/** A parent's complete list of children, as an answer that carried all of them said it. */
export interface KnownChildren {
  children: CategoryRecord[];
  /** Whether hidden children are in the list (a list without them cannot answer includeHidden). */
  includesHidden: boolean;
}

/** The page a listing asks for, cut from a parent's known children; undefined when they cannot answer it. */
export function pageOfKnownChildren(known: KnownChildren | undefined, query: CategoryListQuery): Page<CategoryRecord> | undefined {
  if (!known || (query.includeHidden && !known.includesHidden)) return undefined;
  const visible = query.includeHidden ? known.children : known.children.filter((child) => child.enabled);
  return { items: visible.slice(query.offset, query.offset + query.limit), total: visible.length };
}
