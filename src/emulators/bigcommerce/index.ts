import { CommonEmulatorOptions, EmulatorHttpError, EmulatorRequest, EmulatorServer, FixedWindowRateLimiter, QuotaDecision, RateLimit, RunningEmulator } from '../kit';
import { BigCommerceCatalog, ERROR_TYPE } from './catalog';
import { seedBigCommerceDemoCatalog } from './demoCatalog';
import { bigCommerceRoutes } from './routes';

export { BigCommerceCatalog, ERROR_TYPE as BIGCOMMERCE_ERROR_TYPE } from './catalog';
export type { BigCommerceCategoryState, BigCommerceProductState, BigCommerceTreeState, SortOrderEntry } from './catalog';
export {
  DEFAULT_PAGE_SIZE as BIGCOMMERCE_DEFAULT_PAGE_SIZE,
  MAX_IMAGE_BYTES as BIGCOMMERCE_MAX_IMAGE_BYTES,
  MAX_PAGE_SIZE as BIGCOMMERCE_MAX_PAGE_SIZE,
  storeBasePath,
} from './routes';

export const BIGCOMMERCE_DEMO_STORE_HASH = 'categraphdemo';
export const BIGCOMMERCE_DEMO_TOKEN = 'bigcommerce-demo-token';
export const BIGCOMMERCE_DEMO_TREE_ID = 1;
/** The Plus & Standard plans' quota: 150 requests a 30 s window, shared by every app of the store (docs/platforms/bigcommerce.md#rate-limits). */
export const BIGCOMMERCE_RATE_LIMIT: RateLimit = { limit: 150, windowMs: 30_000 };

export interface BigCommerceEmulatorOptions extends CommonEmulatorOptions {
  storeHash?: string;
  /** The X-Auth-Token requests must carry. */
  token?: string;
  /** The demo catalog's tree (a second one is `treeId + 1`). */
  treeId?: number;
}

/** Starts a BigCommerce Catalog API v3 emulator on 127.0.0.1; `baseUrl` is its origin, what a store's config takes. */
export async function startBigCommerceEmulator(options: BigCommerceEmulatorOptions = {}): Promise<RunningEmulator<BigCommerceCatalog>> {
  const storeHash = options.storeHash ?? BIGCOMMERCE_DEMO_STORE_HASH;
  const token = options.token ?? BIGCOMMERCE_DEMO_TOKEN;
  const treeId = options.treeId ?? BIGCOMMERCE_DEMO_TREE_ID;
  const catalog = new BigCommerceCatalog(storeHash);
  if ((options.catalog ?? 'demo') === 'demo') seedBigCommerceDemoCatalog(catalog, treeId);
  else catalog.addTree({ id: treeId, name: 'Default storefront', channels: [1] });

  const server = new EmulatorServer({
    name: 'bigcommerce',
    routes: bigCommerceRoutes(catalog, storeHash),
    authorize: (req) => {
      // The spec's 401 is plain text (docs/platforms/bigcommerce.md#faults).
      if (req.headers['x-auth-token'] !== token) {
        throw new EmulatorHttpError(401, 'Unauthorized: the X-Auth-Token header is missing or not valid for this store', { 'content-type': 'text/plain; charset=utf-8' });
      }
    },
    // `rateLimit: false` stands for the Unlimited Rate Plan: no quota and no rate headers (docs/platforms/bigcommerce.md#rate-limits).
    quota: options.rateLimit === false ? undefined : storeQuota(storeHash, options.rateLimit ?? BIGCOMMERCE_RATE_LIMIT),
    latencyMs: options.latencyMs,
    notFoundBody: { status: 404, title: 'The requested resource was not found', type: ERROR_TYPE },
  });
  const origin = await server.listen(options.port);
  return { server, catalog, baseUrl: origin, close: () => server.close() };
}

/** One quota for the whole store, whatever the app, with its state in X-Rate-Limit-* headers on every answer (docs/platforms/bigcommerce.md#rate-limits). */
function storeQuota(storeHash: string, rate: RateLimit): (req: EmulatorRequest) => QuotaDecision {
  const limiter = new FixedWindowRateLimiter(rate);
  return () => {
    const state = limiter.consume(storeHash);
    const headers = {
      'X-Rate-Limit-Requests-Left': String(Math.max(0, state.remaining)),
      'X-Rate-Limit-Requests-Quota': String(state.limit),
      'X-Rate-Limit-Time-Reset-Ms': String(state.resetMs),
      'X-Rate-Limit-Time-Window-Ms': String(state.windowMs),
    };
    if (state.allowed) return { headers };
    return { headers, reject: { status: 429, body: { status: 429, title: 'Too many requests: the store has used its API quota for this window', type: ERROR_TYPE } } };
  };
}
