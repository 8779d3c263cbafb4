import type Redis from 'ioredis';
import type { EntityCache } from '../cache/entityCache';
import type { GatewayConfig } from '../config/configSchema';
import type { Store, StoreDirectory } from '../loaders/store';
import { CategoryLock, InProcessCategoryLock } from '../locks/categoryLock';
import { RedisCategoryLock } from '../locks/redisCategoryLock';
import type { UpstreamObserver } from '../observability/upstreamTiming';
import { platformNamed } from '../platforms';
import type { StoreConfigBase } from '../platforms/storeConfig';
import { TokenRateLimiters } from '../upstream/tokenRateLimiters';
import { UpstreamClient } from '../upstream/upstreamClient';

export interface StoreRegistryOptions {
  lock?: CategoryLock;
  /** Told of every upstream attempt, retry and breaker change (metrics). */
  observe?: UpstreamObserver;
  entityCache?: EntityCache;
  /** The process's Redis connection (config.redis): the locks and the tokens' quotas are then shared by every replica. */
  redis?: Redis;
}

/**
 * Every configured store, built once at startup from its platform's descriptor: an upstream client each
 * (pool, policy, the token's quota) and the adapter over it. Holds the upstream pools until closed.
 */
export class StoreRegistry implements StoreDirectory {
  private readonly stores = new Map<string, Store>();
  private readonly clients: UpstreamClient[] = [];
  private readonly rateLimiters: TokenRateLimiters;

  constructor(config: GatewayConfig, options: StoreRegistryOptions = {}) {
    const { redis, entityCache, observe } = options;
    this.rateLimiters = new TokenRateLimiters(redis);
    const lock = options.lock ?? (redis && config.redis ? new RedisCategoryLock(redis, config.redis) : new InProcessCategoryLock());
    for (const storeConfig of config.stores) {
      const store = this.build(config, storeConfig, scopedLock(lock, storeConfig.id), observe);
      const cache = entityCache && { storeId: storeConfig.id, cache: entityCache, ttlMs: config.cache.ttlSeconds * 1000 };
      this.stores.set(storeConfig.id, { ...store, cache });
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

  private build(config: GatewayConfig, storeConfig: StoreConfigBase, lock: CategoryLock, observe: UpstreamObserver | undefined): Store {
    const platform = platformNamed(storeConfig.platform);
    // The config schema admits registered platforms only.
    if (!platform) throw new Error(`store "${storeConfig.id}": no platform "${storeConfig.platform}"`);
    const settings = { ...config.upstream, ...storeConfig.upstream };
    const rateLimit = settings.rateLimit ?? platform.defaults.rateLimit;
    const { baseUrl, headers } = platform.connection(storeConfig);
    const http = new UpstreamClient({
      ...settings,
      baseUrl,
      headers,
      storeId: storeConfig.id,
      platformName: platform.displayName,
      observe,
      rateLimiter: rateLimit ? this.rateLimiters.forToken(new URL(baseUrl).origin, storeConfig.token, rateLimit) : undefined,
    });
    this.clients.push(http);
    const port = platform.createAdapter(storeConfig, { http, lock });
    return { id: storeConfig.id, platform: platform.graphqlName, capabilities: platform.capabilities, port };
  }
}

/** Lock keys are native category ids: scope them to the store so two stores never share a lock. */
function scopedLock(lock: CategoryLock, storeId: string): CategoryLock {
  return { withLock: (key, work) => lock.withLock(`${storeId}/${key}`, work) };
}
