import { z } from 'zod';

/**
 * Salesforce B2C Commerce OCAPI Data API 23.2 wire shapes (docs/platforms/sfcc.md#endpoints), as zod
 * schemas of what the adapter reads. Objects are loose (OCAPI sends many more keys, kept as they are).
 * A document needs its id; the other fields are read when they are there: absent, null or of another
 * type, such a field reads as absent, so no document fails over a field the gateway only shows.
 */

/** A field read when it is there: absent, null or of another type, it reads as absent. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** The items of a list that are what `schema` reads; the others are skipped (a listing never fails over one). */
function eachValid<T>(schema: z.ZodType<T>) {
  return z.array(z.unknown()).transform((items) =>
    items.flatMap((item) => {
      const result = schema.safeParse(item);
      return result.success ? [result.data] : [];
    }),
  );
}

/** A localized string: `{ "default": "Shoes", "fr-FR": "Chaussures" }`. */
export const SfccLocalizedSchema = z.record(z.string(), z.string());
export type SfccLocalized = z.infer<typeof SfccLocalizedSchema>;

export const SfccPathRecordSchema = z.looseObject({
  id: z.string(),
  name: lenient(SfccLocalizedSchema),
});
export type SfccPathRecord = z.infer<typeof SfccPathRecordSchema>;

/** A `category` document; OCAPI leaves out properties without a value (a leaf has no `categories`). */
export const SfccCategorySchema = z.looseObject({
  _resource_state: lenient(z.string()),
  id: z.string(),
  name: lenient(SfccLocalizedSchema),
  description: lenient(SfccLocalizedSchema),
  online: lenient(z.boolean()),
  /** Absent on the catalog's root category. */
  parent_category_id: lenient(z.string()),
  position: lenient(z.number()),
  image: lenient(z.string()),
  thumbnail: lenient(z.string()),
  link: lenient(z.string()),
  /** The vendor's sample starts at the category below the root; some instances start with the catalog and the root. */
  paths: lenient(z.array(SfccPathRecordSchema)),
  /**
   * Subcategories, present down to the `levels` asked for. Checked, not lenient: a children list read
   * here proves the category's children, so one that cannot be read fails the whole answer.
   */
  get categories(): z.ZodOptional<z.ZodNullable<z.ZodArray<typeof SfccCategorySchema>>> {
    return z.array(SfccCategorySchema).nullable().optional();
  },
});
export type SfccCategory = z.infer<typeof SfccCategorySchema>;

/** A page of `GET /categories`; a document in `data` that is not a category is skipped. */
export const SfccCategoryListSchema = z.looseObject({
  total: z.number(),
  data: eachValid(SfccCategorySchema).optional(),
});
export type SfccCategoryList = z.infer<typeof SfccCategoryListSchema>;

/** A `category_product_assignment`; an unpositioned one has no `position`. */
export const SfccAssignmentSchema = z.looseObject({
  _resource_state: lenient(z.string()),
  category_id: lenient(z.string()),
  product_id: z.string(),
  product_name: lenient(SfccLocalizedSchema),
  position: lenient(z.number()),
});
export type SfccAssignment = z.infer<typeof SfccAssignmentSchema>;

/** A page of the assignment search (docs/platforms/sfcc.md#endpoints); a hit that is not an assignment is skipped. */
export const SfccAssignmentSearchResultSchema = z.looseObject({
  total: z.number(),
  hits: eachValid(SfccAssignmentSchema).optional(),
});
export type SfccAssignmentSearchResult = z.infer<typeof SfccAssignmentSearchResultSchema>;

export const SfccProductSchema = z.looseObject({
  id: z.string(),
  name: lenient(SfccLocalizedSchema),
});
export type SfccProduct = z.infer<typeof SfccProductSchema>;

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

/** `{"_v":"23.2","fault":{"type":"…Exception","message":"…","arguments":{…}}}` (docs/platforms/sfcc.md#faults) */
export const SfccFaultDocumentSchema = z.looseObject({
  fault: z.looseObject({
    type: z.string(),
    message: lenient(z.string()),
    arguments: lenient(z.record(z.string(), z.unknown())),
  }),
});
export type SfccFaultDocument = z.infer<typeof SfccFaultDocumentSchema>;

/** Every SFCC catalog has this category; the gateway shows its children as the store's roots. */
export const SFCC_ROOT_CATEGORY_ID = 'root';

/** OCAPI's largest `count` for collections and searches. */
export const SFCC_PAGE_SIZE = 200;

/**
 * Categories one assignment search asks about (`one_of` their ids; docs/platforms/sfcc.md#reads-by-id).
 * OCAPI states no bound on a term query's values; this keeps the query small.
 */
export const SFCC_CATEGORIES_PER_SEARCH = 50;

/**
 * Levels of subcategories a category read asks for: the category, its children and grandchildren, so
 * `category { children { children { name } } }` is one request (every category it carries primes the loaders).
 */
export const SFCC_READ_LEVELS = 2;

/** Writes (one per product) in flight at once: below the pool's default 16 connections, so reads still get one. */
export const SFCC_WRITE_CONCURRENCY = 8;

/** Locale the gateway reads and writes localized fields in. */
export const SFCC_LOCALE = 'default';
