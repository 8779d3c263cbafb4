import { z } from 'zod';

/** `server.cors`: the origins whose pages may call the gateway from a browser. */
export const corsConfigSchema = z
  .object({
    /** Exact origins (`https://shop.example.com`), or "*" for any; none by default. */
    origins: z
      .array(
        z.string().refine((origin) => origin === '*' || (URL.canParse(origin) && new URL(origin).origin === origin), {
          message: 'must be "*" or an origin: scheme, host and port only (https://shop.example.com)',
        }),
      )
      .default([]),
    /** How long a browser may keep a preflight's answer. */
    maxAgeSeconds: z.number().int().min(0).max(86_400).default(600),
  })
  .strict();

export type CorsConfig = z.infer<typeof corsConfigSchema>;
