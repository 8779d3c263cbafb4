/** Salesforce B2C Commerce OCAPI Data API 23.2 wire shapes (seed 004; CONTRACT.md's SFCC wire facts). */

/** A localized string: `{ "default": "Shoes", "fr-FR": "Chaussures" }`. */
export type SfccLocalized = Record<string, string>;

export interface SfccPathRecord {
  id: string;
  name?: SfccLocalized;
}

/** A `category` document; OCAPI leaves out properties without a value (a leaf has no `categories`). */
export interface SfccCategory {
  _resource_state?: string;
  id: string;
  name?: SfccLocalized;
  description?: SfccLocalized;
  online?: boolean;
  /** Absent on the catalog's root category. */
  parent_category_id?: string;
  position?: number;
  image?: string;
  thumbnail?: string;
  link?: string;
  /** Seed 004 starts at the category below the root; some instances start with the catalog and the root. */
  paths?: SfccPathRecord[];
  /** Subcategories, present down to the `levels` asked for. */
  categories?: SfccCategory[];
}

export interface SfccCategoryList {
  count: number;
  start: number;
  total: number;
  data: SfccCategory[];
}

/** A `category_product_assignment`; an unpositioned one has no `position`. */
export interface SfccAssignment {
  _resource_state?: string;
  category_id?: string;
  product_id: string;
  product_name?: SfccLocalized;
  position?: number;
}

export interface SfccAssignmentSearchResult {
  count: number;
  start: number;
  total: number;
  hits?: SfccAssignment[];
}

export interface SfccProduct {
  id: string;
  name?: SfccLocalized;
}

/** What PUT (create) and PATCH (update) of a category send. */
export interface SfccCategoryWrite {
  _resource_state?: string;
  id?: string;
  name?: SfccLocalized;
  description?: SfccLocalized;
  online?: boolean;
  parent_category_id?: string;
  position?: number;
}

/** `{"_v":"23.2","fault":{"type":"…Exception","message":"…","arguments":{…}}}` */
export interface SfccFaultDocument {
  fault: {
    type: string;
    message?: string;
    arguments?: Record<string, unknown>;
  };
}

/** Every SFCC catalog has this category; the gateway shows its children as the store's roots. */
export const SFCC_ROOT_CATEGORY_ID = 'root';

/** OCAPI's largest `count` for collections and searches. */
export const SFCC_PAGE_SIZE = 200;

/**
 * Levels of subcategories a category read asks for: the category, its children and grandchildren, so
 * `category { children { children { name } } }` is one request (every category it carries primes the loaders).
 */
export const SFCC_READ_LEVELS = 2;

/** Writes (one per product) in flight at once: below the pool's default 16 connections, so reads still get one. */
export const SFCC_WRITE_CONCURRENCY = 8;

/** Locale the gateway reads and writes localized fields in. */
export const SFCC_LOCALE = 'default';
