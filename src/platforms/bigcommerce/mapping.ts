import type { AssignmentRecord, CategoryRecord, ProductRecord } from '../../domain/records';
import type { BigCommerceCategory, BigCommerceProduct, BigCommerceSortOrder } from './wire';

export function categoryRecord(category: BigCommerceCategory): CategoryRecord {
  return {
    nativeId: String(category.category_id),
    name: category.name,
    description: category.description || null,
    enabled: category.is_visible ?? true,
    position: category.sort_order ?? null,
    // Roots have parent_id 0 (docs/platforms/bigcommerce.md#ids).
    parentId: category.parent_id ? String(category.parent_id) : null,
    // Catalog v3 categories carry no product count.
    productCount: null,
    imageUrl: category.image_url || null,
    thumbnailUrl: null,
    // The storefront path, e.g. /garden/bath/ (relative to the channel's domain).
    url: category.url?.path || null,
  };
}

export function productRecord(product: BigCommerceProduct): ProductRecord {
  return { nativeId: String(product.id), sku: product.sku ?? null, name: product.name ?? null };
}

/**
 * A category's products in its order (docs/platforms/bigcommerce.md#ordering-and-positions): ascending
 * sort_order, products without one after those with one; among equals, the order BigCommerce listed
 * them in (the sort is stable), so the gateway agrees with the API wherever the API has decided.
 */
export function orderedProductIds(entries: readonly BigCommerceSortOrder[]): number[] {
  return entries
    .map((entry, listed) => ({ entry, listed }))
    .sort((a, b) => rankOf(a.entry) - rankOf(b.entry) || a.listed - b.listed)
    .map(({ entry }) => entry.product_id);
}

const rankOf = (entry: BigCommerceSortOrder): number => entry.sort_order ?? Number.POSITIVE_INFINITY;

/** The gateway's zero-based position is the product's rank in the category's order. */
export function assignmentRecords(productIds: readonly number[]): AssignmentRecord[] {
  return productIds.map((id, position) => ({ productId: String(id), position }));
}
