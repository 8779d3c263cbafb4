import { z } from 'zod';
import { budgetSchema, checkClients, clientsSchema } from '../auth/clientsConfig';
import { storeConfigSchema } from '../platforms';
import { redisSettings } from '../redis/redisSettings';
import { upstreamSettings } from '../upstream/upstreamSettings';
import { httpUrl } from '../util/httpUrl';
import { corsConfigSchema } from './corsConfig';

/**
 * The most upstream requests one operation may be estimated to make. The storefront menu (three levels of
 * 20) is estimated at 401 on SFCC, whose child lists below two levels cost a read per parent; 30 aliases of
 * 100 ids (3 000) are refused.
 */
const DEFAULT_MAX_UPSTREAM_REQUESTS = 500;

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
        /** A client must have sent its whole request, headers and body, within this (else 408 and the connection closed). */
        requestBodyTimeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
        /** ...and its headers within this (slow-header clients); at most requestBodyTimeoutMs. */
        headersTimeoutMs: z.number().int().min(1000).max(600_000).default(10_000),
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
            /** The most upstream requests one operation may be estimated to make (README, "Limits and budgets"). */
            maxUpstreamRequests: z.number().int().min(1).max(100_000).default(DEFAULT_MAX_UPSTREAM_REQUESTS),
          })
          .strict()
          .prefault({}),
        /** The budget of upstream requests of each client without its own, and of each caller address when the gateway runs open. */
        budget: budgetSchema.default({ maximumAvailable: 1000, restoreRate: 50 }),
        /** Prometheus metrics at GET /metrics. */
        metrics: z.boolean().default(true),
        /**
         * Operation names the metrics label and the trace spans name as themselves; every other name is
         * `other` there (clients choose names: unbounded, they would grow a series per name).
         */
        knownOperationNames: z
          .array(z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*$/, 'must be a GraphQL operation name'))
          .max(200)
          .default([]),
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
        /**
         * Apollo's CSRF prevention: requests a browser would send cross-site without a preflight are refused.
         * Off by default: keys travel in headers (no cookies to ride on), and what a cross-site page can send
         * without a preflight does no harm: a mutation over GET is 405, a form or text/plain POST is refused.
         */
        csrfPrevention: z.boolean().default(false),
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
      .object({
        otlpEndpoint: httpUrl,
        serviceName: z.string().min(1).default('categraph'),
        /** The operation's text as `graphql.document` on its span; off by default, as the text may hold arguments' values. */
        includeDocument: z.boolean().default(false),
      })
      .strict()
      .optional(),
    stores: z.array(storeConfigSchema).min(1, 'must list at least one store'),
    /** Who may call the gateway (README, "Authentication"); absent, it runs open. */
    clients: clientsSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.server.headersTimeoutMs > config.server.requestBodyTimeoutMs) {
      ctx.addIssue({ code: 'custom', path: ['server', 'headersTimeoutMs'], message: 'must not exceed server.requestBodyTimeoutMs, which the headers are part of' });
    }
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
