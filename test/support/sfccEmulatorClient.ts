import type { RunningEmulator } from '../../src/emulators/kit';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog } from '../../src/emulators/sfcc';
import { emulatorClient, EmulatorCall } from './emulatorClient';

/** Calls the emulator over real HTTP; `path` is relative to the catalog, e.g. `/categories/root`. */
export function catalogClient(emulator: RunningEmulator<SfccCatalog>, catalogId = SFCC_DEFAULT_CATALOG_ID): EmulatorCall {
  return emulatorClient(`${emulator.baseUrl}/catalogs/${catalogId}`, SFCC_DEFAULT_TOKEN);
}

/** The assignment search the gateway sends (docs/platforms/sfcc.md#assumptions). */
export function searchBody(categoryId: string, start = 0, count = 200): unknown {
  return {
    query: { term_query: { fields: ['category_id'], operator: 'is', values: [categoryId] } },
    sorts: [{ field: 'position', sort_order: 'asc' }],
    start,
    count,
  };
}
