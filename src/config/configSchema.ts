import { z } from 'zod';
import { checkClients, clientsSchema, corsConfigSchema } from './clientsSchema';

const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

/** A client-side quota per upstream token: a token bucket that never lets a 60-second window exceed it. */
const rateLimitSettings = z
  .object({
    requestsPerMinute: z.number().int().min(1).max(100_000),
    /** Requests that may go at once after a quiet spell; the rest of the minute's quota refills evenly. */
    burst: z.number().int().min(1).max(100_000).default(60),
  })
  .strict()
  .refine((limit) => limit.burst < limit.requestsPerMinute, { message: 'burst must be less than requestsPerMinute', path: ['burst'] });

/** Upstream settings: server-wide defaults, overridable per store. */
const upstreamSettings = z.object({
  /** Longest wait for one upstream answer. */
  attemptTimeoutMs: z.number().int().min(50).max(120_000).default(5_000),
  /** Keep-alive connections per store. */
  connections: z.number().int().min(1).max(256).default(16),
  /** Upstream requests in flight per store (the bulkhead); more wait in a queue of maxQueued. */
  maxConcurrent: z.number().int().min(1).max(1024).default(32),
  maxQueued: z.number().int().min(0).max(100_000).default(512),
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

/** Redis shared by every replica: the entity cache, the category locks and the per-token rate limits. */
const redisSettings = z
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

const storeCommon = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must match [a-z0-9][a-z0-9-]*'),
  baseUrl: httpUrl,
  token: z.string().min(1, 'must not be empty'),
  upstream: upstreamSettings.partial().optional(),
};

export const PLATFORMS = ['ecwid', 'sfcc', 'zaveit'] as const;

export const storeConfigSchema = z.discriminatedUnion('platform', [
  z
    .object({
      ...storeCommon,
      platform: z.literal('ecwid'),
      storeId: z.coerce.string().regex(/^\d+$/, 'must be a number'),
      /**
       * Up to this many categories, tree reads list the whole store (100 a request) instead of one
       * request per parent; 0 never does.
       */
      categoryIndexMaxTotal: z.number().int().min(0).max(100_000).default(1000),
    })
    .strict(),
  z.object({ ...storeCommon, platform: z.literal('sfcc'), catalogId: z.string().min(1, 'must not be empty') }).strict(),
  z.object({ ...storeCommon, platform: z.literal('zaveit') }).strict(),
]);

export const gatewayConfigSchema = z
  .object({
    server: z
      .object({
        port: z.number().int().min(0).max(65535).default(4000),
        /** 127.0.0.1 by default; containers set 0.0.0.0 (HOST). */
        host: z.string().min(1).default('127.0.0.1'),
        /** Deadline for a whole GraphQL request, upstream calls included. */
        requestTimeoutMs: z.number().int().min(100).max(300_000).default(10_000),
        /** Largest request body accepted. */
        maxBodyBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
        /** Schema introspection; turn off in production if the schema is private. */
        introspection: z.boolean().default(true),
        /** "Did you mean …?" in validation errors; by default only where introspection is on. */
        fieldSuggestions: z.boolean().optional(),
        /** Operations over these limits are refused before execution (README, "Failure behaviour"). */
        limits: z
          .object({
            maxDepth: z.number().int().min(1).max(100).default(12),
            maxAliases: z.number().int().min(0).max(1000).default(30),
            maxDirectives: z.number().int().min(0).max(1000).default(20),
            maxTokens: z.number().int().min(10).max(1_000_000).default(5000),
            maxCost: z.number().int().min(1).default(50_000),
          })
          .strict()
          .prefault({}),
        /** Prometheus metrics at GET /metrics. */
        metrics: z.boolean().default(true),
        /** GraphiQL at GET /graphql for browsers, its assets served by the gateway itself. */
        explorer: z.boolean().default(true),
        /** max-age of error-free query responses (Cache-Control, for browsers and CDNs); 0 keeps every read fresh. */
        cacheMaxAgeSeconds: z.number().int().min(0).max(86_400).default(0),
        /** Memory for Automatic Persisted Queries (an LRU cache); 0 turns APQ off. */
        persistedQueryCacheBytes: z.number().int().min(0).max(1024 * 1024 * 1024).default(8 * 1024 * 1024),
        /** Serve the schema as an Apollo Federation v2 subgraph (`_service`, `_entities`; Category and Product are entities). */
        federation: z.boolean().default(false),
        /** Browser pages of these origins may call the gateway (CORS); none by default. */
        cors: corsConfigSchema.prefault({}),
        /** Apollo's CSRF prevention: requests a browser would send cross-site without a preflight are refused. */
        csrfPrevention: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    upstream: upstreamSettings.strict().prefault({}),
    /** Upstream entities kept between requests; every mutation through the gateway invalidates its store's. */
    cache: z
      .object({
        /** How long an entity read upstream is served from the cache; 0 turns the cache off. */
        ttlSeconds: z.number().int().min(0).max(86_400).default(30),
        /** Memory for the in-process cache (approximately the entries' JSON size). */
        maxBytes: z.number().int().min(1024 * 1024).max(16 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
        /** Whole answers of repeated queries too, under every store's generation (see README, "Caching"). */
        answers: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Shared state for several replicas; without it the cache, locks and rate limits are the process's own. */
    redis: redisSettings.optional(),
    /** OpenTelemetry traces over OTLP/HTTP; off when absent. */
    tracing: z.object({ otlpEndpoint: httpUrl, serviceName: z.string().min(1).default('categraph') }).strict().optional(),
    stores: z.array(storeConfigSchema).min(1, 'must list at least one store'),
    /** Who may call the gateway (README, "Authentication"); absent, it runs open. */
    clients: clientsSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.stores.forEach((store, index) => {
      if (seen.has(store.id)) ctx.addIssue({ code: 'custom', path: ['stores', index, 'id'], message: `duplicate store id "${store.id}"` });
      seen.add(store.id);
    });
    checkClients(config.clients, config.stores.map((store) => store.id), ctx);
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type StoreConfig = z.infer<typeof storeConfigSchema>;
export type UpstreamSettings = z.infer<typeof upstreamSettings>;
export type RateLimitSettings = z.infer<typeof rateLimitSettings>;
export type RedisSettings = z.infer<typeof redisSettings>;

/** Every upstream setting at its default. */
export const defaultUpstreamSettings = (): UpstreamSettings => upstreamSettings.parse({});
