import type { AssignmentRecord, CategoryRecord, ProductRecord } from '../../domain/records';
import type { ZaveitCategory, ZaveitProduct } from './wire';

/**
 * A Zaveit category as the gateway's record. Zaveit categories carry no description, visibility flag,
 * sibling order, image or URL: those are null, and every category is enabled. `parentId` is the
 * category's `parent` (the assumed GET endpoints carry it; add/remove answers do not, see the adapter).
 */
export function categoryRecord(category: ZaveitCategory, parentId: string | null = category.parent ?? null): CategoryRecord {
  return {
    nativeId: category._id,
    name: category.name,
    description: null,
    enabled: true,
    position: null,
    parentId: parentId || null,
    productCount: category.products.length,
    imageUrl: null,
    thumbnailUrl: null,
    url: null,
  };
}

export function productRecord(product: ZaveitProduct): ProductRecord {
  return {
    nativeId: product._id,
    sku: typeof product.sku === 'string' && product.sku !== '' ? product.sku : null,
    name: typeof product.name === 'string' ? product.name : null,
  };
}

/** Zaveit keeps a category's products in the order they were added: each one's index is its position. */
export function assignmentRecords(category: ZaveitCategory): AssignmentRecord[] {
  return category.products.map((product, position) => ({ productId: product._id, position }));
}
