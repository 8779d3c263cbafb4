import type Redis from 'ioredis';
import type { GatewayConfig } from '../config/configSchema';
import type { EntityCache } from '../cache/entityCache';
import { MemoryEntityCache } from '../cache/memoryEntityCache';
import { RedisEntityCache } from '../cache/redisEntityCache';

/** The entity cache the config asks for: in Redis when the process has a connection (config.redis), else in memory; undefined when it is off. */
export function createEntityCache(config: GatewayConfig, redis?: Redis): EntityCache | undefined {
  if (config.cache.ttlSeconds === 0) return undefined;
  if (redis) return new RedisEntityCache(redis);
  return new MemoryEntityCache(config.cache.maxBytes);
}
