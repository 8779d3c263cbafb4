import { z } from 'zod';

/**
 * Ecwid REST API v3 wire shapes, as far as the gateway reads them (docs/platforms/ecwid.md#endpoints).
 * The schemas check what the adapter reads and keep the rest.
 */

export const ecwidCategorySchema = z.looseObject({
  id: z.number(),
  parentId: z.number().optional(),
  orderBy: z.number().optional(),
  thumbnailUrl: z.string().optional(),
  originalImageUrl: z.string().optional(),
  imageUrl: z.string().optional(),
  name: z.string(),
  url: z.string().optional(),
  productCount: z.number().optional(),
  description: z.string().optional(),
  enabled: z.boolean().optional(),
  productIds: z.array(z.number()).optional(),
});
export type EcwidCategory = z.infer<typeof ecwidCategorySchema>;

export const ecwidProductSchema = z.looseObject({
  id: z.number(),
  sku: z.string().optional(),
  name: z.string().optional(),
});
export type EcwidProduct = z.infer<typeof ecwidProductSchema>;

/** A page of a search (GET /categories, GET /products): `total` over every page, `items` of this one. */
function searchResultSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({ total: z.number(), count: z.number().optional(), offset: z.number().optional(), limit: z.number().optional(), items: z.array(item) });
}
export const ecwidCategoryPageSchema = searchResultSchema(ecwidCategorySchema);
export type EcwidCategoryPage = z.infer<typeof ecwidCategoryPageSchema>;
export const ecwidProductPageSchema = searchResultSchema(ecwidProductSchema);

/** POST /categories answers the new id. */
export const ecwidCreatedSchema = z.looseObject({ id: z.number() });
/** PUT /categories/{id} and POST .../assignProducts answer how many were updated. */
export const ecwidUpdatedSchema = z.looseObject({ updateCount: z.number() });
/** DELETE /categories/{id} and POST .../unassignProducts answer how many were deleted (0: there was none). */
export const ecwidDeletedSchema = z.looseObject({ deleteCount: z.number() });
/** DELETE /categories/{id}/image: its body is not read. */
export const ecwidAnyBodySchema = z.unknown();

export interface EcwidCategoryWrite {
  name?: string;
  parentId?: number;
  orderBy?: number;
  description?: string;
  enabled?: boolean;
  productIds?: number[];
}

/** The largest page and the most product ids per assign call that Ecwid accepts (docs/platforms/ecwid.md#paging). */
export const ECWID_PAGE_SIZE = 100;
export const ECWID_MAX_IDS_PER_ASSIGN = 2000;
