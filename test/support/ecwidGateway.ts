import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, EcwidEmulatorOptions, startEcwidEmulator } from '../../src/emulators/ecwid';
import { GatewayOptions, Harness, harnessFor } from './gateway';

export const ECWID_STORE = 'ecwid-test';
export type EcwidHarness = Harness<EcwidCatalog>;

/** An Ecwid emulator (demo catalog unless told otherwise) and the gateway in front of it as store `ecwid-test`. */
export async function startEcwidHarness(options: EcwidEmulatorOptions = {}, gatewayOptions: GatewayOptions = {}): Promise<EcwidHarness> {
  const emulator = await startEcwidEmulator({ rateLimit: false, ...options });
  const store = { id: ECWID_STORE, platform: 'ecwid', storeId: options.storeId ?? ECWID_DEMO_STORE_ID, token: options.token ?? ECWID_DEMO_TOKEN };
  // The gateway's Ecwid quota (600 a minute) is tested on its own; here it would only make busy tests flaky.
  return harnessFor(emulator, store, { ...gatewayOptions, upstream: { rateLimit: false, ...gatewayOptions.upstream } });
}
