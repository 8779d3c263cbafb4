import { z } from 'zod';
import { upstreamOverrides, type UpstreamSettings } from '../upstream/upstreamSettings';
import { httpUrl } from '../util/httpUrl';

/** What every store's config entry has, whatever its platform. */
export interface StoreConfigBase {
  id: string;
  /** The platform's descriptor name (`ecwid`, `sfcc`, ...). */
  platform: string;
  baseUrl: string;
  token: string;
  /** This store's overrides of the server-wide upstream settings. */
  upstream?: Partial<UpstreamSettings>;
}

/** A platform's store config entry: the common fields, its `platform` name and its own fields; unknown keys refused. */
export function storeConfigSchema<N extends string, S extends z.ZodRawShape>(platform: N, own: S) {
  return z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must match [a-z0-9][a-z0-9-]*'),
      baseUrl: httpUrl,
      token: z.string().min(1, 'must not be empty'),
      upstream: upstreamOverrides.optional(),
      platform: z.literal(platform),
      ...own,
    })
    .strict();
}
