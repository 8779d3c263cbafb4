import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { RedisSettings } from './redisSettings';

/** How long startup waits for Redis before serving without it (reads work; writes are refused until it answers). */
const STARTUP_WAIT_MS = 3_000;

/**
 * The process's one Redis connection, shared by the entity cache, the category locks and the rate
 * limits. It fails fast instead of queueing: no offline queue, a short command timeout, no resend of
 * commands lost with a connection. Each caller decides what a failure means (a cache miss, a refused
 * write, the local rate limit) while the client reconnects in the background.
 */
export async function connectRedis(settings: RedisSettings, logger?: Logger): Promise<Redis> {
  const redis = new Redis(settings.url, {
    keyPrefix: settings.keyPrefix,
    enableOfflineQueue: false,
    commandTimeout: settings.commandTimeoutMs,
    maxRetriesPerRequest: 0,
    connectTimeout: Math.max(1_000, settings.commandTimeoutMs),
    // Reconnect for as long as the process lives, backing off to one try a second.
    retryStrategy: (times) => Math.min(50 * times, 1_000),
  });
  watchAvailability(redis, logger);
  if (!(await readyWithin(redis, STARTUP_WAIT_MS))) {
    logger?.warn('Redis is not reachable: serving reads from the platforms; writes are refused until it is');
  }
  return redis;
}

function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}

/** Closes the connection, politely when Redis answers, at once when it does not. */
export async function disconnectRedis(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}

/** Logs each change between reachable and not once, not every reconnect attempt (the URL may hold a password: never logged). */
function watchAvailability(redis: Redis, logger?: Logger): void {
  let up: boolean | undefined;
  redis.on('ready', () => {
    if (up === false) logger?.info('Redis is reachable again');
    up = true;
  });
  redis.on('error', (error: Error & { code?: string }) => {
    if (up === false) return;
    up = false;
    logger?.warn({ code: error.code }, 'Redis connection lost: reads go to the platforms; writes are refused until it is back');
  });
}
