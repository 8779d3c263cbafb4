import type { StoreConfig, UpstreamSettings } from '../config/configSchema';
import type { CategoryLock } from '../locks/categoryLock';
import { UpstreamClient } from '../upstream/upstreamClient';
import { EcwidAdapter } from './ecwid/adapter';
import type { CatalogPort } from './port';

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
    default:
      throw new Error(`store "${store.id}": the ${store.platform} adapter is not available in this build`);
  }
}
