import { z } from 'zod';
import { bigcommerce } from './bigcommerce';
import type { PlatformDescriptor } from './descriptor';
import { ecwid } from './ecwid';
import { sfcc } from './sfcc';
import type { StoreConfigBase } from './storeConfig';
import { zaveit } from './zaveit';

/** The platform registry: one descriptor per platform. Adding a platform is its folder and one line here. */
export const PLATFORMS: readonly PlatformDescriptor[] = [ecwid, sfcc, zaveit, bigcommerce];

/** The platform a store's config names, if registered. */
export function platformNamed(name: unknown): PlatformDescriptor | undefined {
  return PLATFORMS.find((platform) => platform.name === name);
}

/** A store's config entry, checked by its platform's own schema; an unknown platform is refused by name, with the registered ones. */
export const storeConfigSchema = z
  .custom<{ platform?: unknown }>((value) => typeof value === 'object' && value !== null, 'must be a store')
  .transform((store, ctx): StoreConfigBase => {
    const platform = platformNamed(store.platform);
    if (!platform) {
      ctx.addIssue({ code: 'custom', path: ['platform'], message: `must be one of ${PLATFORMS.map((known) => known.name).join(', ')}` });
      return z.NEVER;
    }
    const parsed = platform.configSchema.safeParse(store);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    return z.NEVER;
  });
