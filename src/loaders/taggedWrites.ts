import { writeTags } from '../cache/entityTags';
import type { CatalogPort } from '../platforms/port';
import type { StoreReads } from './storeReads';

/**
 * The store's port as a request's mutations reach it: each write runs through `reads.write`, told the
 * entity-cache tags it touches (src/cache/entityTags.ts), so the cache forgets exactly what it changes;
 * reads pass straight through.
 */
export function taggedWrites(port: CatalogPort, reads: StoreReads): CatalogPort {
  const { createCategory, updateCategory, deleteCategory, moveProduct, setCategoryImage, deleteCategoryImage } = port;
  return {
    isValidNativeId: (kind, nativeId) => port.isValidNativeId(kind, nativeId),
    getCategories: (ids, ctx) => port.getCategories(ids, ctx),
    listCategories: (query, ctx) => port.listCategories(query, ctx),
    getCategoryProducts: (categoryId, ctx) => port.getCategoryProducts(categoryId, ctx),
    getProducts: (ids, ctx) => port.getProducts(ids, ctx),
    assignProducts: (categoryId, productIds, ctx) => reads.write(writeTags.assignment(categoryId), () => port.assignProducts(categoryId, productIds, ctx)),
    unassignProducts: (categoryId, productIds, ctx) => reads.write(writeTags.assignment(categoryId), () => port.unassignProducts(categoryId, productIds, ctx)),
    // An operation the platform lacks stays absent (session.operation refuses it).
    createCategory: createCategory && ((input, ctx) => reads.write(writeTags.createCategory(input), () => createCategory.call(port, input, ctx))),
    updateCategory: updateCategory && ((id, patch, ctx) => reads.write(writeTags.updateCategory(id, patch), () => updateCategory.call(port, id, patch, ctx))),
    deleteCategory: deleteCategory && ((id, ctx) => reads.write(writeTags.deleteCategory(id), () => deleteCategory.call(port, id, ctx))),
    moveProduct:
      moveProduct &&
      ((categoryId, productId, position, ctx) => reads.write(writeTags.productOrder(categoryId), () => moveProduct.call(port, categoryId, productId, position, ctx))),
    setCategoryImage: setCategoryImage && ((id, image, ctx) => reads.write(writeTags.categoryImage(id), () => setCategoryImage.call(port, id, image, ctx))),
    deleteCategoryImage: deleteCategoryImage && ((id, ctx) => reads.write(writeTags.categoryImage(id), () => deleteCategoryImage.call(port, id, ctx))),
  };
}
