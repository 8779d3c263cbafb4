import { randomUUID } from 'node:crypto';
import type { ImageUpload } from '../../domain/records';
import { Endpoint, route } from '../endpoint';
import type { BigCommerceAssignment, BigCommerceCategoryWrite, BigCommerceSortOrderWrite } from './wire';

const DOCUMENTED = { documented: 'docs/platforms/bigcommerce.md#endpoints' } as const;

/** One page of the flat category listing of a tree, narrowed by parent or by ids. */
export interface CategoryListing {
  treeId: number;
  /** Children of this parent ('0' for the roots); any parent when absent. */
  parentId?: string;
  /** Only these categories. */
  categoryIds?: readonly string[];
  /** Visible categories only (`is_visible=true`); hidden ones too when false. */
  visibleOnly: boolean;
  /** One-based, as BigCommerce pages. */
  page: number;
  limit: number;
}

const ids = (list: readonly (string | number)[]) => list.join(',');

/** Every BigCommerce Catalog API v3 endpoint the adapter calls, relative to the store's base URL (…/stores/{store_hash}/v3). */
export const BIGCOMMERCE_ENDPOINTS = {
  /** A page of the flat listing, every field of each category. */
  listCategories: {
    source: DOCUMENTED,
    request: ({ treeId, parentId, categoryIds, visibleOnly, page, limit }: CategoryListing) => ({
      method: 'GET',
      ...route('/catalog/trees/categories'),
      query: {
        'tree_id:in': treeId,
        'parent_id:in': parentId,
        'category_id:in': categoryIds && ids(categoryIds),
        is_visible: visibleOnly ? true : undefined,
        page,
        limit,
      },
    }),
  } satisfies Endpoint<[CategoryListing]>,
  /** Creates categories (an array body); answers them with their new ids. */
  createCategories: {
    source: DOCUMENTED,
    request: (writes: BigCommerceCategoryWrite[]) => ({ method: 'POST', ...route('/catalog/trees/categories'), json: writes }),
  } satisfies Endpoint<[BigCommerceCategoryWrite[]]>,
  /** Sets the given fields of categories named by `category_id`: setting them again is harmless. */
  updateCategories: {
    source: DOCUMENTED,
    request: (writes: BigCommerceCategoryWrite[]) => ({ method: 'PUT', ...route('/catalog/trees/categories'), json: writes, idempotent: true }),
  } satisfies Endpoint<[BigCommerceCategoryWrite[]]>,
  /** Deletes categories by id: a second time finds nothing to delete. */
  deleteCategories: {
    source: DOCUMENTED,
    request: (categoryIds: readonly string[]) => ({ method: 'DELETE', ...route('/catalog/trees/categories'), query: { 'category_id:in': ids(categoryIds) }, idempotent: true }),
  } satisfies Endpoint<[readonly string[]]>,
  /** A page of a category's products with their sort_order, ascending (nulls last). */
  productSortOrder: {
    source: DOCUMENTED,
    request: (categoryId: string, page: number, limit: number) => ({
      method: 'GET',
      ...route('/catalog/categories/{categoryId}/products/sort-order', { categoryId }),
      query: { page, limit },
    }),
  } satisfies Endpoint<[string, number, number]>,
  /** Sets the sort_order of the products named: the same values again are harmless. */
  setProductSortOrder: {
    source: DOCUMENTED,
    request: (categoryId: string, entries: BigCommerceSortOrderWrite[]) => ({
      method: 'PUT',
      ...route('/catalog/categories/{categoryId}/products/sort-order', { categoryId }),
      json: entries,
      idempotent: true,
    }),
  } satisfies Endpoint<[string, BigCommerceSortOrderWrite[]]>,
  /** Assigns products to categories: an assignment that exists already stays as it is. */
  assignProducts: {
    source: DOCUMENTED,
    request: (assignments: BigCommerceAssignment[]) => ({ method: 'PUT', ...route('/catalog/products/category-assignments'), json: assignments, idempotent: true }),
  } satisfies Endpoint<[BigCommerceAssignment[]]>,
  /** Removes the assignments of these products to this category; one that is not there is no error. */
  unassignProducts: {
    source: DOCUMENTED,
    request: (categoryId: string, productIds: readonly string[]) => ({
      method: 'DELETE',
      ...route('/catalog/products/category-assignments'),
      query: { 'product_id:in': ids(productIds), 'category_id:in': categoryId },
      idempotent: true,
    }),
  } satisfies Endpoint<[string, readonly string[]]>,
  /** Products by id, with only the fields the gateway shows. */
  products: {
    source: DOCUMENTED,
    request: (productIds: readonly string[], limit: number) => ({
      method: 'GET',
      ...route('/catalog/products'),
      query: { 'id:in': ids(productIds), include_fields: 'name,sku', limit },
    }),
  } satisfies Endpoint<[readonly string[], number]>,
  /** Uploads a category's image: a form post with one part, `image_file`. */
  uploadImage: {
    source: DOCUMENTED,
    request: (categoryId: string, image: ImageUpload) => {
      const { body, contentType } = formWithFile('image_file', image);
      return { method: 'POST', ...route('/catalog/categories/{categoryId}/image', { categoryId }), body, contentType };
    },
  } satisfies Endpoint<[string, ImageUpload]>,
  deleteImage: {
    source: DOCUMENTED,
    request: (categoryId: string) => ({ method: 'DELETE', ...route('/catalog/categories/{categoryId}/image', { categoryId }), idempotent: true }),
  } satisfies Endpoint<[string]>,
} as const;

/** A multipart/form-data body (RFC 7578) of one file part; the boundary cannot occur in it by chance. */
function formWithFile(name: string, image: ImageUpload): { body: Buffer; contentType: string } {
  const boundary = `categraph-${randomUUID()}`;
  const extension = image.contentType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="image.${extension}"\r\nContent-Type: ${image.contentType}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), image.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
