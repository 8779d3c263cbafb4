import type { GatewayConfig } from '../config/configSchema';
import { InProcessCategoryLock, CategoryLock } from '../locks/categoryLock';
import { TokenRateLimiters } from '../upstream/tokenRateLimiter';
import type { UpstreamClient } from '../upstream/upstreamClient';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import { createAdapter } from './createAdapter';
import type { CatalogPort } from './port';

/** A configured store: its public id and the adapter that serves it. */
export interface Store {
  id: string;
  port: CatalogPort;
}

/** Every configured store, built once at startup; holds the upstream pools until closed. */
export class StoreRegistry {
  private readonly stores = new Map<string, Store>();
  private readonly clients: UpstreamClient[] = [];
  private readonly rateLimiters = new TokenRateLimiters();

  constructor(config: GatewayConfig, options: { lock?: CategoryLock; observe?: UpstreamObserver } = {}) {
    const lock = options.lock ?? new InProcessCategoryLock();
    for (const storeConfig of config.stores) {
      const { port, http } = createAdapter(storeConfig, {
        upstream: config.upstream,
        lock: scopedLock(lock, storeConfig.id),
        rateLimiters: this.rateLimiters,
        observe: options.observe,
      });
      this.stores.set(storeConfig.id, { id: storeConfig.id, port });
      this.clients.push(http);
    }
  }

  get(id: string): Store | undefined {
    return this.stores.get(id);
  }

  all(): Store[] {
    return [...this.stores.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close()));
    await this.rateLimiters.stop();
  }
}

/** Lock keys are native category ids: scope them to the store so two stores never share a lock. */
function scopedLock(lock: CategoryLock, storeId: string): CategoryLock {
  return { withLock: (key, work) => lock.withLock(`${storeId}/${key}`, work) };
}
