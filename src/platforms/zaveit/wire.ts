/**
 * Zaveit API v2 wire shapes, as far as the gateway reads them (seed 002 and the vendor's pages on
 * adding and removing category products). Embedded products carry many more keys (status, media,
 * currency, price list...); the gateway maps `_id`, `sku` and `name` and ignores the rest.
 */

export interface ZaveitProduct {
  _id: string;
  sku?: string | null;
  name?: string | null;
}

/**
 * A category. Add and remove answer `{_id, name, products}` (documented); the assumed GET endpoints
 * answer the same plus `parent` (the parent's `_id`, null for a root).
 */
export interface ZaveitCategory {
  _id: string;
  name: string;
  parent?: string | null;
  products: ZaveitProduct[];
}

/** Zaveit's error answers: the status code with `{"message": "..."}`. */
export interface ZaveitErrorBody {
  message?: unknown;
}

export function isZaveitCategory(body: unknown): body is ZaveitCategory {
  const category = body as ZaveitCategory;
  return (
    !!category &&
    typeof category === 'object' &&
    typeof category._id === 'string' &&
    typeof category.name === 'string' &&
    (category.parent === undefined || category.parent === null || typeof category.parent === 'string') &&
    Array.isArray(category.products) &&
    category.products.every(isZaveitProduct)
  );
}

function isZaveitProduct(body: unknown): body is ZaveitProduct {
  const product = body as ZaveitProduct;
  return !!product && typeof product === 'object' && typeof product._id === 'string' && product._id !== '';
}
