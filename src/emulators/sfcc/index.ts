import { CommonEmulatorOptions, EmulatorServer, RunningEmulator } from '../kit';
import { SfccCatalog } from './catalog';
import { buildDemoCatalog } from './demoCatalog';
import { authorizeSfcc, NOT_FOUND_DOCUMENT, SFCC_API_PATH, sfccRoutes } from './routes';

export { ROOT_CATEGORY_ID, SfccCatalog } from './catalog';
export type { CategoryFields, Localized, SfccAssignment, SfccCategory, SfccProduct } from './catalog';
export { buildDemoCatalog, NEW_ARRIVALS_CATEGORY_ID, STOREFRONT_CATEGORY_ID } from './demoCatalog';
export { FAULT_STATUS, OCAPI_VERSION, SfccFault } from './fault';
export type { SfccFaultType } from './fault';
export { MAX_COUNT as SFCC_MAX_COUNT, SFCC_API_PATH } from './routes';

export const SFCC_DEFAULT_CATALOG_ID = 'main-catalog';
export const SFCC_DEFAULT_TOKEN = 'sfcc-demo-token';

export interface SfccEmulatorOptions extends CommonEmulatorOptions {
  /** The one catalog this instance serves; other catalog ids answer CatalogNotFoundException. */
  catalogId?: string;
  /** The bearer token requests must carry. */
  token?: string;
}

/** Starts the OCAPI Data API 23.2 emulator; `baseUrl` is what a store's config takes (`{baseUrl}/catalogs/{catalogId}/...`). */
export async function startSfccEmulator(options: SfccEmulatorOptions = {}): Promise<RunningEmulator<SfccCatalog>> {
  const catalogId = options.catalogId ?? SFCC_DEFAULT_CATALOG_ID;
  const catalog = options.catalog === 'empty' ? new SfccCatalog(catalogId) : buildDemoCatalog(catalogId);
  const server = new EmulatorServer({
    name: 'sfcc',
    routes: sfccRoutes(catalog),
    authorize: authorizeSfcc(options.token ?? SFCC_DEFAULT_TOKEN),
    // OCAPI's quotas are per instance and generous; only tests that ask for one get it.
    rateLimit: options.rateLimit || undefined,
    latencyMs: options.latencyMs,
    notFoundBody: NOT_FOUND_DOCUMENT,
  });
  const origin = await server.listen(options.port ?? 0);
  return { server, catalog, baseUrl: `${origin}${SFCC_API_PATH}`, close: () => server.close() };
}
