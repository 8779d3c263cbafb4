import type { StoreCache } from '../cache/cachedReads';
import type { EntityCache } from '../cache/entityCache';
import type { GatewayConfig } from '../config/configSchema';
import type Redis from 'ioredis';
import { InProcessCategoryLock, CategoryLock } from '../locks/categoryLock';
import { RedisCategoryLock } from '../locks/redisCategoryLock';
import { TokenRateLimiters } from '../upstream/tokenRateLimiters';
import type { UpstreamClient } from '../upstream/upstreamClient';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import { createAdapter } from './createAdapter';
import type { CatalogPort } from './port';

/** A configured store: its public id, the adapter that serves it and its share of the entity cache. */
export interface Store {
  id: string;
  port: CatalogPort;
  /** Absent when the entity cache is off. */
  cache?: StoreCache;
}

/** Every configured store, built once at startup; holds the upstream pools until closed. */
export class StoreRegistry {
  private readonly stores = new Map<string, Store>();
  private readonly clients: UpstreamClient[] = [];
  private readonly rateLimiters: TokenRateLimiters;

  /** With `redis` (the process's connection, config.redis), the locks and the tokens' quotas are shared by every replica. */
  constructor(config: GatewayConfig, options: { lock?: CategoryLock; observe?: UpstreamObserver; entityCache?: EntityCache; redis?: Redis } = {}) {
    const { redis, entityCache } = options;
    this.rateLimiters = new TokenRateLimiters(redis);
    const lock = options.lock ?? (redis && config.redis ? new RedisCategoryLock(redis, config.redis) : new InProcessCategoryLock());
    for (const storeConfig of config.stores) {
      const { port, http } = createAdapter(storeConfig, {
        upstream: config.upstream,
        lock: scopedLock(lock, storeConfig.id),
        rateLimiters: this.rateLimiters,
        observe: options.observe,
      });
      const cache = entityCache && { storeId: storeConfig.id, cache: entityCache, ttlMs: config.cache.ttlSeconds * 1000 };
      this.stores.set(storeConfig.id, { id: storeConfig.id, port, cache });
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
