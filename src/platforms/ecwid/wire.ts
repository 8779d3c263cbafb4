/** Ecwid REST API v3 wire shapes (seeds 000 and 003). */

export interface EcwidCategory {
  id: number;
  parentId?: number;
  orderBy?: number;
  thumbnailUrl?: string;
  originalImageUrl?: string;
  imageUrl?: string;
  name: string;
  url?: string;
  productCount?: number;
  description?: string;
  enabled?: boolean;
  productIds?: number[];
}

export interface EcwidProduct {
  id: number;
  sku?: string;
  name?: string;
}

export interface EcwidSearchResult<T> {
  total: number;
  count: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface EcwidCategoryWrite {
  name?: string;
  parentId?: number;
  orderBy?: number;
  description?: string;
  enabled?: boolean;
  productIds?: number[];
}

/** The largest page and the most product ids per assign call that Ecwid accepts. */
export const ECWID_PAGE_SIZE = 100;
export const ECWID_MAX_IDS_PER_ASSIGN = 2000;
