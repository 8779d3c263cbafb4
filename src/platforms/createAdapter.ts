import type { RateLimitSettings, StoreConfig, UpstreamSettings } from '../config/configSchema';
import type { CategoryLock } from '../locks/categoryLock';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import type { TokenRateLimiters } from '../upstream/tokenRateLimiters';
import { UpstreamClient } from '../upstream/upstreamClient';
import { EcwidAdapter } from './ecwid/adapter';
import type { CatalogPort } from './port';
import { SfccAdapter } from './sfcc/adapter';
import { ZaveitAdapter } from './zaveit/adapter';

export interface AdapterDeps {
  upstream: UpstreamSettings;
  lock: CategoryLock;
  rateLimiters: TokenRateLimiters;
  /** Told of every upstream attempt, retry and breaker change (metrics). */
  observe?: UpstreamObserver;
}

/** What the gateway assumes of each platform when the config says nothing. */
const PLATFORM_DEFAULTS: Record<StoreConfig['platform'], { name: string; rateLimit: RateLimitSettings | false }> = {
  // Ecwid's published quota: 600 requests a minute a token, then 429 and a temporary block.
  ecwid: { name: 'Ecwid', rateLimit: { requestsPerMinute: 600, burst: 60 } },
  sfcc: { name: 'SFCC', rateLimit: false },
  zaveit: { name: 'Zaveit', rateLimit: false },
};

/** The adapter for one configured store, with its own upstream client (pool, policy, the token's quota). */
export function createAdapter(store: StoreConfig, deps: AdapterDeps): { port: CatalogPort; http: UpstreamClient } {
  const defaults = PLATFORM_DEFAULTS[store.platform];
  const settings = { ...deps.upstream, ...store.upstream };
  const rateLimit = settings.rateLimit ?? defaults.rateLimit;
  // Ecwid paths hang below the store id; the SFCC and Zaveit adapters' endpoint tables hold full paths.
  const baseUrl = store.platform === 'ecwid' ? `${store.baseUrl}/${store.storeId}` : store.baseUrl;
  const http = new UpstreamClient({
    ...settings,
    baseUrl,
    storeId: store.id,
    platformName: defaults.name,
    observe: deps.observe,
    headers: { authorization: `Bearer ${store.token}` },
    rateLimiter: rateLimit ? deps.rateLimiters.forToken(new URL(baseUrl).origin, store.token, rateLimit) : undefined,
  });
  switch (store.platform) {
    case 'ecwid':
      return { port: new EcwidAdapter(http, deps.lock, store.categoryIndexMaxTotal), http };
    case 'sfcc':
      return { port: new SfccAdapter(http, store.catalogId, deps.lock), http };
    case 'zaveit':
      return { port: new ZaveitAdapter(http, deps.lock), http };
    default: {
      const unhandled: never = store;
      throw new Error(`no adapter for platform ${(unhandled as StoreConfig).platform}`);
    }
  }
}
