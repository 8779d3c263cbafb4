import { z } from 'zod';

/** A client-side quota per upstream token: a token bucket that never lets a 60-second window exceed it. */
export const rateLimitSettings = z
  .object({
    requestsPerMinute: z.number().int().min(1).max(100_000),
    /** Requests that may go at once after a quiet spell; the rest of the minute's quota refills evenly. */
    burst: z.number().int().min(1).max(100_000).default(60),
  })
  .strict()
  .refine((limit) => limit.burst < limit.requestsPerMinute, { message: 'burst must be less than requestsPerMinute', path: ['burst'] });

/** Upstream settings: server-wide defaults, overridable per store. */
export const upstreamSettings = z.object({
  /** Longest wait for one upstream answer, its body read whole included. */
  attemptTimeoutMs: z.number().int().min(50).max(120_000).default(5_000),
  /**
   * Largest upstream answer body read, in bytes; a larger answer is refused as it streams in, so one
   * answer cannot take the gateway's memory.
   */
  maxResponseBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(16 * 1024 * 1024),
  /** Keep-alive connections per store. */
  connections: z.number().int().min(1).max(256).default(16),
  /** Upstream requests in flight per store (the bulkhead); more wait in a queue of maxQueued. */
  maxConcurrent: z.number().int().min(1).max(1024).default(32),
  maxQueued: z.number().int().min(0).max(100_000).default(512),
  /** Of those waiting, at most this many from one client (open: one caller address), so one client's flood is refused before it fills the queue for the others. */
  maxQueuedPerClient: z.number().int().min(0).max(100_000).default(128),
  /** Retries of a read, or of a write the platform says it did not apply, while the deadline allows. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Exponential backoff with full jitter between retries (a Retry-After from the platform wins). */
  retryBaseDelayMs: z.number().int().min(1).max(60_000).default(100),
  retryMaxDelayMs: z.number().int().min(1).max(120_000).default(2_000),
  /** The circuit opens after this many consecutive failed attempts and half-opens after breakerHalfOpenAfterMs. */
  breakerFailureThreshold: z.number().int().min(1).max(1000).default(5),
  breakerHalfOpenAfterMs: z.number().int().min(100).max(600_000).default(10_000),
  /** Requests per minute per upstream token; false for none. Default: the platform's published quota (Ecwid: 600). */
  rateLimit: z.union([z.literal(false), rateLimitSettings]).optional(),
});

export type UpstreamSettings = z.infer<typeof upstreamSettings>;

/**
 * A store's overrides: only the settings it names, unknown names refused. Not `upstreamSettings.partial()`,
 * which fills every unnamed setting with its default and so hides the server-wide value.
 */
export const upstreamOverrides: z.ZodType<Partial<UpstreamSettings>> = z
  .object(Object.fromEntries(Object.entries(upstreamSettings.shape).map(([name, field]) => [name, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()])))
  .strict();
export type RateLimitSettings = z.infer<typeof rateLimitSettings>;

/** Every upstream setting at its default. */
export const defaultUpstreamSettings = (): UpstreamSettings => upstreamSettings.parse({});
