import { type Endpoint, route } from '../endpoint';

const BASE = '/v2/product/category';

/**
 * Every Zaveit endpoint the gateway calls, relative to the store's baseUrl (docs/platforms/zaveit.md#endpoints).
 * The ones marked `assumed` are not in the vendor's docs: each is one edit here once verified.
 */
export const ZAVEIT_ENDPOINTS = {
  /** Every category of the tenant, products embedded: a JSON array of `{_id, name, parent, products}`. */
  listCategories: {
    source: 'assumed',
    request: () => ({ method: 'GET', ...route(`${BASE}/`) }),
  } satisfies Endpoint<[]>,
  /** One category `{_id, name, parent, products}`; 404 when unknown. */
  getCategory: {
    source: 'assumed',
    request: (id: string) => ({ method: 'GET', ...route(`${BASE}/{id}`, { id }) }),
  } satisfies Endpoint<[string]>,
  /** 200 when deleted (its body is not read); 404 when unknown. */
  deleteCategory: {
    source: 'assumed',
    request: (id: string) => ({ method: 'DELETE', ...route(`${BASE}/{id}`, { id }) }),
  } satisfies Endpoint<[string]>,
  /** Appends the products; answers `{_id, name, products}`; 404 and nothing applied on one unknown id. */
  addProducts: {
    source: { documented: 'https://docs.zaveit.io/docs/api/products/category/add-products-to-category' },
    request: (id: string, productIds: readonly string[]) => ({ method: 'PUT', ...route(`${BASE}/{id}/products/add`, { id }), json: productIds }),
  } satisfies Endpoint<[string, readonly string[]]>,
  /** Removes the products; answers `{_id, name, products}`. */
  removeProducts: {
    source: { documented: 'https://docs.zaveit.io/docs/api/products/category/remove-products-from-category' },
    request: (id: string, productIds: readonly string[]) => ({ method: 'PUT', ...route(`${BASE}/{id}/products/remove`, { id }), json: productIds }),
  } satisfies Endpoint<[string, readonly string[]]>,
} as const;
