import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * A Lua script run atomically in Redis: by its SHA-1 (EVALSHA), sent whole only when Redis does not
 * know it yet (after a restart). Keys get the connection's key prefix like any other command's.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
