import type { StoreConfig, UpstreamSettings } from '../config/configSchema';
import type { CategoryLock } from '../locks/categoryLock';
import { UpstreamClient } from '../upstream/upstreamClient';
import { EcwidAdapter } from './ecwid/adapter';
import type { CatalogPort } from './port';
import { SfccAdapter } from './sfcc/adapter';
import { ZaveitAdapter } from './zaveit/adapter';

export interface AdapterDeps {
  upstream: UpstreamSettings;
  lock: CategoryLock;
}

/** The adapter for one configured store, with its own upstream client (pool, timeouts). */
export function createAdapter(store: StoreConfig, deps: AdapterDeps): { port: CatalogPort; http: UpstreamClient } {
  const settings = { ...deps.upstream, ...store.upstream };
  const bearer = { authorization: `Bearer ${store.token}` };
  switch (store.platform) {
    case 'ecwid': {
      const http = new UpstreamClient({ ...settings, baseUrl: `${store.baseUrl}/${store.storeId}`, headers: bearer, platformName: 'Ecwid' });
      return { port: new EcwidAdapter(http, deps.lock), http };
    }
    case 'zaveit': {
      // Requests go to {baseUrl}/v2/product/...: the adapter's endpoint table holds the paths.
      const http = new UpstreamClient({ ...settings, baseUrl: store.baseUrl, headers: bearer, platformName: 'Zaveit' });
      return { port: new ZaveitAdapter(http, deps.lock), http };
    }
    case 'sfcc': {
      // Requests go to {baseUrl}/catalogs/{catalogId}/... and {baseUrl}/products/...: the adapter's endpoint table holds the paths.
      const http = new UpstreamClient({ ...settings, baseUrl: store.baseUrl, headers: bearer, platformName: 'SFCC' });
      return { port: new SfccAdapter(http, store.catalogId, deps.lock), http };
    }
    default: {
      const unhandled: never = store;
      throw new Error(`no adapter for platform ${(unhandled as StoreConfig).platform}`);
    }
  }
}
