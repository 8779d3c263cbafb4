import type { UpstreamRequest } from '../../upstream/upstreamClient';

/**
 * Every OCAPI Data API request the adapter makes, relative to the store's `baseUrl`
 * (e.g. https://example.com/s/-/dw/data/v23_2). Ids are percent-encoded here, once.
 *
 * `assumed: true` marks endpoints that are not in seed 004 (CONTRACT.md: "keep each such endpoint in one
 * place"): verifying one against the vendor, or replacing it, is an edit to this table alone.
 */
export const SFCC_ENDPOINTS = {
  listCategories: { method: 'GET', assumed: false, path: (catalog: string) => `${catalogPath(catalog)}/categories` },
  category: { method: 'GET', assumed: false, path: (catalog: string, categoryId: string) => categoryPath(catalog, categoryId) },
  createCategory: { method: 'PUT', assumed: false, path: (catalog: string, categoryId: string) => categoryPath(catalog, categoryId) },
  updateCategory: { method: 'PATCH', assumed: false, path: (catalog: string, categoryId: string) => categoryPath(catalog, categoryId) },
  deleteCategory: { method: 'DELETE', assumed: false, path: (catalog: string, categoryId: string) => categoryPath(catalog, categoryId) },
  assignProduct: {
    method: 'PUT',
    assumed: false,
    path: (catalog: string, categoryId: string, productId: string) => assignmentPath(catalog, categoryId, productId),
  },
  moveProduct: {
    method: 'PATCH',
    assumed: false,
    path: (catalog: string, categoryId: string, productId: string) => assignmentPath(catalog, categoryId, productId),
  },
  unassignProduct: {
    method: 'DELETE',
    assumed: false,
    path: (catalog: string, categoryId: string, productId: string) => assignmentPath(catalog, categoryId, productId),
  },
  /**
   * *assumed* (CONTRACT.md): `{"query":{"term_query":{"fields":["category_id"],"operator":"is","values":[id]}},
   * "sorts":[{"field":"position","sort_order":"asc"}],"start":0,"count":200}` → `{count,hits,start,total}`.
   */
  searchAssignments: { method: 'POST', assumed: true, path: (catalog: string) => `${catalogPath(catalog)}/category_product_assignment_search` },
  /** *assumed*: the Data API's product read, `{id, name}`, ProductNotFoundException when there is none. */
  product: { method: 'GET', assumed: true, path: (productId: string) => `/products/${encodeURIComponent(productId)}` },
} as const satisfies Record<string, { method: UpstreamRequest['method']; assumed: boolean; path: (...ids: string[]) => string }>;

function catalogPath(catalog: string): string {
  return `/catalogs/${encodeURIComponent(catalog)}`;
}

function categoryPath(catalog: string, categoryId: string): string {
  return `${catalogPath(catalog)}/categories/${encodeURIComponent(categoryId)}`;
}

function assignmentPath(catalog: string, categoryId: string, productId: string): string {
  return `${categoryPath(catalog, categoryId)}/products/${encodeURIComponent(productId)}`;
}
