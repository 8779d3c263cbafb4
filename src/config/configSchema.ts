import { z } from 'zod';

const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

/** Upstream settings: server-wide defaults, overridable per store. */
const upstreamSettings = z.object({
  /** Longest wait for one upstream answer. */
  attemptTimeoutMs: z.number().int().min(50).max(120_000).default(5_000),
  /** Keep-alive connections per store. */
  connections: z.number().int().min(1).max(256).default(16),
  /** 429 answers retried after their Retry-After, while the request's deadline allows. */
  maxRateLimitRetries: z.number().int().min(0).max(10).default(2),
});

const storeCommon = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must match [a-z0-9][a-z0-9-]*'),
  baseUrl: httpUrl,
  token: z.string().min(1, 'must not be empty'),
  upstream: upstreamSettings.partial().optional(),
};

export const PLATFORMS = ['ecwid', 'sfcc', 'zaveit'] as const;

export const storeConfigSchema = z.discriminatedUnion('platform', [
  z.object({ ...storeCommon, platform: z.literal('ecwid'), storeId: z.coerce.string().regex(/^\d+$/, 'must be a number') }).strict(),
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
      })
      .strict()
      .default({ port: 4000, host: '127.0.0.1', requestTimeoutMs: 10_000, maxBodyBytes: 1024 * 1024, introspection: true }),
    upstream: upstreamSettings.strict().default({ attemptTimeoutMs: 5_000, connections: 16, maxRateLimitRetries: 2 }),
    stores: z.array(storeConfigSchema).min(1, 'must list at least one store'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.stores.forEach((store, index) => {
      if (seen.has(store.id)) ctx.addIssue({ code: 'custom', path: ['stores', index, 'id'], message: `duplicate store id "${store.id}"` });
      seen.add(store.id);
    });
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type StoreConfig = z.infer<typeof storeConfigSchema>;
export type UpstreamSettings = z.infer<typeof upstreamSettings>;
