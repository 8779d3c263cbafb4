import { z } from 'zod';

/**
 * Zaveit API v2 wire shapes (docs/platforms/zaveit.md#endpoints), as zod schemas of what the adapter
 * reads. Objects are loose: embedded products carry many more keys (status, media, currency, price
 * list...), kept as they are; the gateway maps `_id`, `sku` and `name` and ignores the rest.
 */

/**
 * An embedded product: it needs a non-empty `_id`. `sku` and `name` are read when they are non-empty
 * strings (see productRecord); of any other type they read as null, so no answer fails over them.
 */
export const ZaveitProductSchema = z.looseObject({
  _id: z.string().min(1),
  sku: z.unknown().optional(),
  name: z.unknown().optional(),
});
export type ZaveitProduct = z.infer<typeof ZaveitProductSchema>;

/**
 * A category. Add and remove answer `{_id, name, products}` (documented); the assumed GET endpoints
 * answer the same plus `parent` (the parent's `_id`, null for a root): docs/platforms/zaveit.md#endpoints.
 */
export const ZaveitCategorySchema = z.looseObject({
  _id: z.string(),
  name: z.string(),
  parent: z.string().nullish(),
  products: z.array(ZaveitProductSchema),
});
export type ZaveitCategory = z.infer<typeof ZaveitCategorySchema>;

/** The assumed `GET /`: every category of the tenant, products embedded. */
export const ZaveitListingSchema = z.array(ZaveitCategorySchema);

/** Zaveit's error answers: the status code with `{"message": "..."}` (docs/platforms/zaveit.md#faults). */
export const ZaveitErrorBodySchema = z.looseObject({
  message: z.string(),
});
