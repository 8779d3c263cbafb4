import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog, SfccEmulatorOptions, startSfccEmulator } from '../../src/emulators/sfcc';
import { GatewayOptions, Harness, harnessFor } from './gateway';

export const SFCC_STORE = 'sfcc-test';
export type SfccHarness = Harness<SfccCatalog>;

/** An SFCC emulator (demo catalog unless told otherwise) and the gateway in front of it as store `sfcc-test`. */
export async function startSfccHarness(
  options: SfccEmulatorOptions = {},
  store: { catalogId?: string; token?: string } = {},
  gatewayOptions: GatewayOptions = {},
): Promise<SfccHarness> {
  const emulator = await startSfccEmulator({ rateLimit: false, ...options });
  const catalogId = store.catalogId ?? options.catalogId ?? SFCC_DEFAULT_CATALOG_ID;
  const token = store.token ?? options.token ?? SFCC_DEFAULT_TOKEN;
  return harnessFor(emulator, { id: SFCC_STORE, platform: 'sfcc', catalogId, token }, gatewayOptions);
}
