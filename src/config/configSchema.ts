import { z } from 'zod';
import { checkClients, clientsSchema } from '../auth/clientsConfig';
import { storeConfigSchema } from '../platforms';
import { redisSettings } from '../redis/redisSettings';
import { upstreamSettings } from '../upstream/upstreamSettings';
import { httpUrl } from '../util/httpUrl';
import { corsConfigSchema } from './corsConfig';

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
        maxBodyBytes: z
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .default(1024 * 1024),
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
        persistedQueryCacheBytes: z
          .number()
          .int()
          .min(0)
          .max(1024 * 1024 * 1024)
          .default(8 * 1024 * 1024),
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
        maxBytes: z
          .number()
          .int()
          .min(1024 * 1024)
          .max(16 * 1024 * 1024 * 1024)
          .default(64 * 1024 * 1024),
        /** Whole answers of repeated queries too, under every store's generation (see README, "Caching"). */
        answers: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Shared state for several replicas; without it the cache, locks and rate limits are the process's own. */
    redis: redisSettings.optional(),
    /** OpenTelemetry traces over OTLP/HTTP; off when absent. */
    tracing: z
      .object({ otlpEndpoint: httpUrl, serviceName: z.string().min(1).default('categraph') })
      .strict()
      .optional(),
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
    checkClients(
      config.clients,
      config.stores.map((store) => store.id),
      ctx,
    );
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type { StoreConfigBase as StoreConfig } from '../platforms/storeConfig';
