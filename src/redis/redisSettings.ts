import { z } from 'zod';

/** Redis shared by every replica: the entity cache, the category locks and the per-token rate limits. */
export const redisSettings = z
  .object({
    /** redis://[[user]:password@]host[:port][/db], or rediss:// for TLS; usually ${REDIS_URL}. */
    url: z.string().refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), 'must be a redis:// or rediss:// URL'),
    /** Put before every key, so several gateways (or other programs) can share one Redis. */
    keyPrefix: z.string().max(100).default('categraph:'),
    /** A command unanswered this long fails: Redis counts as down for that request (reads go upstream). */
    commandTimeoutMs: z.number().int().min(10).max(60_000).default(500),
    /** How long a category lock outlives a holder that stopped renewing it (a crashed or stalled replica). */
    lockTtlMs: z.number().int().min(500).max(600_000).default(10_000),
    /** Longest wait for a category another request holds; then the write fails with UPSTREAM_UNAVAILABLE. */
    lockWaitMs: z.number().int().min(0).max(600_000).default(10_000),
  })
  .strict();

export type RedisSettings = z.infer<typeof redisSettings>;
