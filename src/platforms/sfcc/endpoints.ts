import { type Endpoint, route } from '../endpoint';
import type { SfccCategoryWrite } from './wire';

/** The Data API 23.2 Categories resource: categories and their product assignments (docs/platforms/sfcc.md#endpoints). */
const CATALOG = '/catalogs/{catalogId}';
const CATEGORY = `${CATALOG}/categories/{categoryId}` as const;
const ASSIGNMENT = `${CATEGORY}/products/{productId}` as const;

const CATEGORIES_RESOURCE = { documented: 'https://sfcclearning.com/infocenter/OCAPI/current/data/Resources/Categories.php' };

/**
 * Every OCAPI Data API request the adapter makes, relative to the store's `baseUrl`
 * (e.g. https://example.com/s/-/dw/data/v23_2). Ids are percent-encoded here, once.
 *
 * The ones marked `assumed` are not in the vendor's documentation (docs/platforms/sfcc.md#endpoints):
 * verifying one against a live instance, or replacing it, is an edit to this table alone.
 */
export const SFCC_ENDPOINTS = {
  /** A page of every category of the catalog: `{count, data, start, total}`. */
  listCategories: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, start: number, count: number) => ({ method: 'GET', ...route(`${CATALOG}/categories`, { catalogId: catalog }), query: { start, count } }),
  } satisfies Endpoint<[string, number, number]>,
  /** The category with `levels` of subcategories nested in `categories`. */
  category: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, levels: number) => ({ method: 'GET', ...route(CATEGORY, { catalogId: catalog, categoryId }), query: { levels } }),
  } satisfies Endpoint<[string, string, number]>,
  /** Creates the category at the id in the URL; answers it. */
  createCategory: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, write: SfccCategoryWrite) => ({ method: 'PUT', ...route(CATEGORY, { catalogId: catalog, categoryId }), json: write }),
  } satisfies Endpoint<[string, string, SfccCategoryWrite]>,
  /** Partial update, with the `_resource_state` last seen in the body; answers the category. */
  updateCategory: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, write: SfccCategoryWrite) => ({ method: 'PATCH', ...route(CATEGORY, { catalogId: catalog, categoryId }), json: write }),
  } satisfies Endpoint<[string, string, SfccCategoryWrite]>,
  /** The `_resource_state` last seen goes in the `x-dw-resource-state` header (there is no body). */
  deleteCategory: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, state: string | undefined) => ({
      method: 'DELETE',
      ...route(CATEGORY, { catalogId: catalog, categoryId }),
      headers: state ? { 'x-dw-resource-state': state } : undefined,
    }),
  } satisfies Endpoint<[string, string, string | undefined]>,
  /** Assigns the product at a normalized target position; answers the assignment. */
  assignProduct: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, productId: string, position: number) => ({
      method: 'PUT',
      ...route(ASSIGNMENT, { catalogId: catalog, categoryId, productId }),
      json: { position },
    }),
  } satisfies Endpoint<[string, string, string, number]>,
  /** Moves the assignment to a normalized target position; answers it. */
  moveProduct: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, productId: string, position: number) => ({
      method: 'PATCH',
      ...route(ASSIGNMENT, { catalogId: catalog, categoryId, productId }),
      json: { position },
    }),
  } satisfies Endpoint<[string, string, string, number]>,
  unassignProduct: {
    source: CATEGORIES_RESOURCE,
    request: (catalog: string, categoryId: string, productId: string) => ({ method: 'DELETE', ...route(ASSIGNMENT, { catalogId: catalog, categoryId, productId }) }),
  } satisfies Endpoint<[string, string, string]>,
  /**
   * A page of the categories' assignments, by position: `{count, hits, start, total}`, each hit naming its
   * `category_id`. *assumed*: the vendor documents the search under one category's path, without a
   * `category_id` field; the term query's `one_of` (several values) is documented
   * (docs/platforms/sfcc.md#reads-by-id). Sent as a POST not marked as a read (docs/platforms/sfcc.md#writes-and-concurrency).
   */
  searchAssignments: {
    source: 'assumed',
    request: (catalog: string, categoryIds: readonly string[], start: number, count: number) => ({
      method: 'POST',
      ...route(`${CATALOG}/category_product_assignment_search`, { catalogId: catalog }),
      json: {
        query: { term_query: { fields: ['category_id'], operator: categoryIds.length === 1 ? 'is' : 'one_of', values: categoryIds } },
        sorts: [{ field: 'position', sort_order: 'asc' }],
        start,
        count,
      },
    }),
  } satisfies Endpoint<[string, readonly string[], number, number]>,
  /** *assumed*: the Data API's product read, `{id, name}`, ProductNotFoundException when there is none. */
  product: {
    source: 'assumed',
    request: (productId: string) => ({ method: 'GET', ...route('/products/{productId}', { productId }) }),
  } satisfies Endpoint<[string]>,
} as const;
