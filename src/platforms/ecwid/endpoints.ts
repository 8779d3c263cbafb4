import type { ImageUpload } from '../../domain/records';
import { Endpoint, route } from '../endpoint';
import { ECWID_PAGE_SIZE, EcwidCategoryWrite } from './wire';

const DOCUMENTED = { documented: 'docs/platforms/ecwid.md#endpoints' } as const;

export interface CategoryListing {
  /** A parent's children ('0' for the roots); every category of the store when absent. */
  parent?: string;
  includeHidden: boolean;
  offset: number;
  limit: number;
}

/** Every Ecwid REST API v3 endpoint the adapter calls, relative to the store's base URL (…/api/v3/{storeId}). */
export const ECWID_ENDPOINTS = {
  /** A page of categories, each with its product ids in the category's order. */
  listCategories: {
    source: DOCUMENTED,
    request: ({ parent, includeHidden, offset, limit }: CategoryListing) => ({
      method: 'GET',
      ...route('/categories'),
      query: { parent, hidden_categories: includeHidden, productIds: true, offset, limit },
    }),
  } satisfies Endpoint<[CategoryListing]>,
  getCategory: { source: DOCUMENTED, request: (id: string) => ({ method: 'GET', ...route('/categories/{id}', { id }) }) } satisfies Endpoint<[string]>,
  /** Products by id, at most a page of them. */
  searchProducts: {
    source: DOCUMENTED,
    request: (ids: readonly string[]) => ({ method: 'GET', ...route('/products'), query: { productId: ids.join(','), limit: ECWID_PAGE_SIZE } }),
  } satisfies Endpoint<[readonly string[]]>,
  createCategory: {
    source: DOCUMENTED,
    request: (write: EcwidCategoryWrite) => ({ method: 'POST', ...route('/categories'), json: write }),
  } satisfies Endpoint<[EcwidCategoryWrite]>,
  updateCategory: {
    source: DOCUMENTED,
    request: (id: string, write: EcwidCategoryWrite) => ({ method: 'PUT', ...route('/categories/{id}', { id }), json: write }),
  } satisfies Endpoint<[string, EcwidCategoryWrite]>,
  /** The whole product order replaced at once: repeating it is harmless. */
  reorderProducts: {
    source: DOCUMENTED,
    request: (id: string, productIds: number[]) => ({ method: 'PUT', ...route('/categories/{id}', { id }), json: { productIds }, idempotent: true }),
  } satisfies Endpoint<[string, number[]]>,
  deleteCategory: { source: DOCUMENTED, request: (id: string) => ({ method: 'DELETE', ...route('/categories/{id}', { id }) }) } satisfies Endpoint<[string]>,
  /** Appends the products not yet in the category: repeating it is harmless. */
  assignProducts: {
    source: DOCUMENTED,
    request: (id: string, productIds: number[]) => ({ method: 'POST', ...route('/categories/{id}/assignProducts', { id }), json: { productIds }, idempotent: true }),
  } satisfies Endpoint<[string, number[]]>,
  unassignProducts: {
    source: DOCUMENTED,
    request: (id: string, productIds: number[]) => ({ method: 'POST', ...route('/categories/{id}/unassignProducts', { id }), json: { productIds }, idempotent: true }),
  } satisfies Endpoint<[string, number[]]>,
  uploadImage: {
    source: DOCUMENTED,
    request: (id: string, image: ImageUpload) => ({ method: 'POST', ...route('/categories/{id}/image', { id }), body: image.bytes, contentType: image.contentType }),
  } satisfies Endpoint<[string, ImageUpload]>,
  deleteImage: { source: DOCUMENTED, request: (id: string) => ({ method: 'DELETE', ...route('/categories/{id}/image', { id }) }) } satisfies Endpoint<[string]>,
} as const;
