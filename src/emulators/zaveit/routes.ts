import { EmulatorHttpError, EmulatorRequest, EmulatorRoute } from '../kit';
import { BAD_PRODUCT_IDS, ZaveitCatalog, ZaveitError } from './catalog';

const BASE = '/v2/product/category';
const MALFORMED_BODY = { message: BAD_PRODUCT_IDS };

/**
 * Zaveit's category endpoints. Add and remove are documented by the vendor; GET one, GET all and
 * DELETE are assumed (docs/platforms/zaveit.md#endpoints) and answer in the same shape, plus `parent`.
 */
export function zaveitRoutes(catalog: ZaveitCatalog): EmulatorRoute[] {
  const tenant = (req: EmulatorRequest) => requireTenant(catalog, req);
  return [
    { method: 'GET', path: BASE, handler: (req) => answer(() => catalog.listCategories(tenant(req))) },
    { method: 'GET', path: `${BASE}/:id`, handler: (req) => answer(() => catalog.getCategory(tenant(req), req.params.id)) },
    {
      method: 'DELETE',
      path: `${BASE}/:id`,
      handler: (req) =>
        answer(() => {
          catalog.deleteCategory(tenant(req), req.params.id);
          // Only the 200 is assumed; the body is MongoDB's delete result, which a Node API typically passes on.
          return { acknowledged: true, deletedCount: 1 };
        }),
    },
    {
      method: 'PUT',
      path: `${BASE}/:id/products/add`,
      handler: (req) => answer(() => catalog.addProducts(tenant(req), req.params.id, req.json(MALFORMED_BODY))),
    },
    {
      method: 'PUT',
      path: `${BASE}/:id/products/remove`,
      handler: (req) => answer(() => catalog.removeProducts(tenant(req), req.params.id, req.json(MALFORMED_BODY))),
    },
  ];
}

/** The tenant the request's bearer token acts for; 401 without a token the emulator knows. */
export function requireTenant(catalog: ZaveitCatalog, req: EmulatorRequest): string {
  if (req.token === undefined) throw new EmulatorHttpError(401, { message: 'Missing bearer token' });
  const tenant = catalog.tenantOf(req.token);
  if (tenant === undefined) throw new EmulatorHttpError(401, { message: 'Invalid token' });
  return tenant;
}

function answer(handle: () => unknown): { body: unknown } {
  try {
    return { body: handle() };
  } catch (error) {
    if (error instanceof ZaveitError) throw new EmulatorHttpError(error.status, { message: error.message });
    throw error;
  }
}
