import { CommonEmulatorOptions, EmulatorServer, RunningEmulator } from '../kit';
import { ZaveitCatalog } from './catalog';
import { seedZaveitDemoCatalog, ZAVEIT_DEMO_TENANT } from './demoCatalog';
import { requireTenant, zaveitRoutes } from './routes';

export { ZaveitCatalog, ZaveitError } from './catalog';
export type { ZaveitCategoryState } from './catalog';
export { buildProduct } from './product';
export type { ProductSpec } from './product';
export type { ZaveitCategoryBody, ZaveitCategoryWithParent, ZaveitDistributor, ZaveitPrice, ZaveitProduct } from './types';
export { ZAVEIT_DEMO_TENANT };
export const ZAVEIT_DEMO_TOKEN = 'zaveit-demo-token';

export interface ZaveitEmulatorOptions extends CommonEmulatorOptions {
  /** The bearer token the gateway sends; it acts for `tenant`. */
  token?: string;
  /** The tenant id the token maps to and the demo catalog belongs to. */
  tenant?: string;
}

/**
 * Starts a Zaveit API v2 emulator on 127.0.0.1. `baseUrl` is the origin: the gateway requests
 * `{baseUrl}/v2/product/...`. More tenants: `catalog.addToken(token, tenant)`.
 */
export async function startZaveitEmulator(options: ZaveitEmulatorOptions = {}): Promise<RunningEmulator<ZaveitCatalog>> {
  const tenant = options.tenant ?? ZAVEIT_DEMO_TENANT;
  const catalog = new ZaveitCatalog();
  catalog.addToken(options.token ?? ZAVEIT_DEMO_TOKEN, tenant);
  if ((options.catalog ?? 'demo') === 'demo') seedZaveitDemoCatalog(catalog, tenant);

  const server = new EmulatorServer({
    name: 'zaveit',
    routes: zaveitRoutes(catalog),
    authorize: (req) => void requireTenant(catalog, req),
    // Zaveit publishes no quota, so there is none unless a test asks for one.
    rateLimit: options.rateLimit || undefined,
    latencyMs: options.latencyMs,
    notFoundBody: { message: 'Not found' },
  });
  const origin = await server.listen(options.port);
  return { server, catalog, baseUrl: origin, close: () => server.close() };
}
