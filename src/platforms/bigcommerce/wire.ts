import { z } from 'zod';

/**
 * BigCommerce Catalog API v3 wire shapes, as far as the gateway reads them
 * (docs/platforms/bigcommerce.md#endpoints). The schemas check what the adapter reads and keep the rest.
 */

/** `meta.pagination` of a paged collection (docs/platforms/bigcommerce.md#paging). */
export const bigCommercePaginationSchema = z.looseObject({
  total: z.number(),
  count: z.number().optional(),
  per_page: z.number().optional(),
  current_page: z.number().optional(),
  total_pages: z.number(),
});
export type BigCommercePagination = z.infer<typeof bigCommercePaginationSchema>;

const pagedMetaSchema = z.looseObject({ pagination: bigCommercePaginationSchema });

/** A category of the flat listing (GET /catalog/trees/categories): every field the gateway shows. */
export const bigCommerceCategorySchema = z.looseObject({
  category_id: z.number(),
  parent_id: z.number().optional(),
  tree_id: z.number().optional(),
  name: z.string(),
  description: z.string().optional(),
  sort_order: z.number().optional(),
  image_url: z.string().optional(),
  is_visible: z.boolean().optional(),
  url: z.looseObject({ path: z.string().optional() }).nullish(),
});
export type BigCommerceCategory = z.infer<typeof bigCommerceCategorySchema>;

export const bigCommerceCategoryPageSchema = z.looseObject({ data: z.array(bigCommerceCategorySchema), meta: pagedMetaSchema });
export type BigCommerceCategoryPage = z.infer<typeof bigCommerceCategoryPageSchema>;

/** One product's place in a category (GET .../products/sort-order); null where none was ever set. */
export const bigCommerceSortOrderSchema = z.looseObject({ product_id: z.number(), sort_order: z.number().nullish() });
export type BigCommerceSortOrder = z.infer<typeof bigCommerceSortOrderSchema>;

/**
 * The sort-order read answers `{data, meta}` with a page of pairs; an older spec shows a bare array.
 * Both are read (docs/platforms/bigcommerce.md#ordering-and-positions).
 */
export const bigCommerceSortOrderPageSchema = z.union([
  z.looseObject({ data: z.array(bigCommerceSortOrderSchema), meta: z.looseObject({ pagination: bigCommercePaginationSchema.optional() }).optional() }),
  z.array(bigCommerceSortOrderSchema).transform((data) => ({ data, meta: undefined })),
]);
export type BigCommerceSortOrderPage = z.infer<typeof bigCommerceSortOrderPageSchema>;

export const bigCommerceProductSchema = z.looseObject({ id: z.number(), name: z.string().optional(), sku: z.string().optional() });
export type BigCommerceProduct = z.infer<typeof bigCommerceProductSchema>;
export const bigCommerceProductPageSchema = z.looseObject({ data: z.array(bigCommerceProductSchema), meta: pagedMetaSchema.optional() });

/** POST /catalog/trees/categories answers the categories it made (201, or 207 with `errors` beside them). */
export const bigCommerceCreatedSchema = z.looseObject({ data: z.array(bigCommerceCategorySchema) });

/**
 * An error object (docs/platforms/bigcommerce.md#faults): `{status, title, type, errors?}`, where `errors`
 * maps `"<index>.<field>"` to a message. The tree endpoints nest it under `errors` (beside `meta`), the
 * others answer it flat; a 207 carries it (or an array of them) beside what was applied.
 */
export interface BigCommerceErrorObject {
  status?: number;
  title?: string;
  detail?: string;
  errors?: Record<string, unknown> | BigCommerceErrorObject | BigCommerceErrorObject[];
}
export const bigCommerceErrorBodySchema: z.ZodType<BigCommerceErrorObject> = z.lazy(() =>
  z.looseObject({
    status: z.number().optional(),
    title: z.string().optional(),
    detail: z.string().optional(),
    errors: z.union([z.array(bigCommerceErrorBodySchema), z.record(z.string(), z.unknown())]).optional(),
  }),
);

/** What the create and update bodies hold; unset fields are left out of the JSON. */
export interface BigCommerceCategoryWrite {
  category_id?: number;
  tree_id?: number;
  parent_id?: number;
  name?: string;
  description?: string;
  is_visible?: boolean;
  sort_order?: number;
  url?: { path: string; is_customized: boolean };
}

export interface BigCommerceAssignment {
  product_id: number;
  category_id: number;
}

export interface BigCommerceSortOrderWrite {
  product_id: number;
  sort_order: number;
}

/** The largest `limit` of a paged read (docs/platforms/bigcommerce.md#paging). */
export const BIGCOMMERCE_MAX_PAGE_SIZE = 250;
/**
 * Assignments per PUT /catalog/products/category-assignments. BigCommerce documents no maximum and fails
 * a whole batch for one bad pair (docs/platforms/bigcommerce.md#writes-and-concurrency): the gateway's own
 * size, a page's worth, keeps a refused batch small.
 */
export const BIGCOMMERCE_MAX_ASSIGNMENTS = 250;
/** Ids per `:in` filter, where no page bounds them (a DELETE): a page's worth, a URL every proxy passes. */
export const BIGCOMMERCE_MAX_IDS_PER_FILTER = 250;
/** "Limit image size to 1MB" (docs/platforms/bigcommerce.md#images). */
export const BIGCOMMERCE_MAX_IMAGE_BYTES = 1024 * 1024;
