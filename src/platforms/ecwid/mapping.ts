import type { AssignmentRecord, CategoryRecord, ProductRecord } from '../../domain/records';
import type { EcwidCategory, EcwidProduct } from './wire';

export function categoryRecord(category: EcwidCategory): CategoryRecord {
  return {
    nativeId: String(category.id),
    name: category.name,
    description: category.description || null,
    enabled: category.enabled ?? true,
    position: category.orderBy ?? null,
    parentId: category.parentId ? String(category.parentId) : null,
    productCount: category.productCount ?? null,
    imageUrl: category.originalImageUrl ?? category.imageUrl ?? null,
    thumbnailUrl: category.thumbnailUrl ?? null,
    url: category.url ?? null,
  };
}

export function productRecord(product: EcwidProduct): ProductRecord {
  return { nativeId: String(product.id), sku: product.sku ?? null, name: product.name ?? null };
}

/** Ecwid keeps every assigned product positioned: its index in `productIds`. */
export function assignmentRecords(productIds: readonly number[]): AssignmentRecord[] {
  return productIds.map((id, position) => ({ productId: String(id), position }));
}
