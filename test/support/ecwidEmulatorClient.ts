import type { RunningEmulator } from '../../src/emulators/kit';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog } from '../../src/emulators/ecwid';
import { emulatorClient, EmulatorCall } from './emulatorClient';

export type Ecwid = RunningEmulator<EcwidCatalog>;

/** Where the demo store's API lives on the emulator, as the request log records paths. */
export const STORE_PATH = `/api/v3/${ECWID_DEMO_STORE_ID}`;

/** Calls the emulator over real HTTP; `path` is relative to the store, e.g. `/categories?parent=0`. */
export function storeClient(emulator: Ecwid, storeId = ECWID_DEMO_STORE_ID): EmulatorCall {
  return emulatorClient(`${emulator.baseUrl}/${storeId}`, ECWID_DEMO_TOKEN);
}

/** The id of the store's category with this name (names are unique in the demo store). */
export function categoryNamed(emulator: Ecwid, name: string): number {
  const found = [...emulator.catalog.categories.values()].find((category) => category.name === name);
  if (!found) throw new Error(`No Ecwid category named ${name}`);
  return found.id;
}

/** Adds `count` products straight to the catalog and answers their ids, for tests that start empty. */
export function addProducts(emulator: Ecwid, count: number): number[] {
  return Array.from({ length: count }, (_, n) => emulator.catalog.addProduct({ sku: `T-${n}`, name: `Test product ${n}`, price: 1, enabled: true }).id);
}

/** The category's product ids as the emulator keeps them (its product order). */
export function productIdsOf(emulator: Ecwid, categoryId: number): number[] {
  return [...(emulator.catalog.categories.get(categoryId)?.productIds ?? [])];
}
