import type { ImageUpload } from '../../domain/records';
import { Endpoint, segment } from '../endpoint';
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
      path: '/categories',
      query: { parent, hidden_categories: includeHidden, productIds: true, offset, limit },
    }),
  } satisfies Endpoint<[CategoryListing]>,
  getCategory: { source: DOCUMENTED, request: (id: string) => ({ method: 'GET', path: `/categories/${segment(id)}` }) } satisfies Endpoint<[string]>,
  /** Products by id, at most a page of them. */
  searchProducts: {
    source: DOCUMENTED,
    request: (ids: readonly string[]) => ({ method: 'GET', path: '/products', query: { productId: ids.join(','), limit: ECWID_PAGE_SIZE } }),
  } satisfies Endpoint<[readonly string[]]>,
  createCategory: {
    source: DOCUMENTED,
    request: (write: EcwidCategoryWrite) => ({ method: 'POST', path: '/categories', json: write }),
  } satisfies Endpoint<[EcwidCategoryWrite]>,
  updateCategory: {
    source: DOCUMENTED,
    request: (id: string, write: EcwidCategoryWrite) => ({ method: 'PUT', path: `/categories/${segment(id)}`, json: write }),
  } satisfies Endpoint<[string, EcwidCategoryWrite]>,
  /** The whole product order replaced at once: repeating it is harmless. */
  reorderProducts: {
    source: DOCUMENTED,
    request: (id: string, productIds: number[]) => ({ method: 'PUT', path: `/categories/${segment(id)}`, json: { productIds }, idempotent: true }),
  } satisfies Endpoint<[string, number[]]>,
  deleteCategory: { source: DOCUMENTED, request: (id: string) => ({ method: 'DELETE', path: `/categories/${segment(id)}` }) } satisfies Endpoint<[string]>,
  /** Appends the products not yet in the category: repeating it is harmless. */
  assignProducts: {
    source: DOCUMENTED,
    request: (id: string, productIds: number[]) => ({ method: 'POST', path: `/categories/${segment(id)}/assignProducts`, json: { productIds }, idempotent: true }),
  } satisfies Endpoint<[string, number[]]>,
  unassignProducts: {
    source: DOCUMENTED,
    request: (id: string, productIds: number[]) => ({ method: 'POST', path: `/categories/${segment(id)}/unassignProducts`, json: { productIds }, idempotent: true }),
  } satisfies Endpoint<[string, number[]]>,
  uploadImage: {
    source: DOCUMENTED,
    request: (id: string, image: ImageUpload) => ({ method: 'POST', path: `/categories/${segment(id)}/image`, body: image.bytes, contentType: image.contentType }),
  } satisfies Endpoint<[string, ImageUpload]>,
  deleteImage: { source: DOCUMENTED, request: (id: string) => ({ method: 'DELETE', path: `/categories/${segment(id)}/image` }) } satisfies Endpoint<[string]>,
} as const;
