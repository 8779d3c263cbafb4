import { startZaveitEmulator, ZAVEIT_DEMO_TOKEN, ZaveitCatalog, ZaveitEmulatorOptions } from '../../src/emulators/zaveit';
import { GatewayOptions, Harness, harnessFor } from './gateway';

export const ZAVEIT_STORE = 'zaveit-test';
export type ZaveitHarness = Harness<ZaveitCatalog>;

/** A Zaveit emulator (demo catalog unless told otherwise) and the gateway in front of it as store `zaveit-test`. */
export async function startZaveitHarness(options: ZaveitEmulatorOptions = {}, gatewayOptions: GatewayOptions & { token?: string } = {}): Promise<ZaveitHarness> {
  const emulator = await startZaveitEmulator({ rateLimit: false, ...options });
  const { token, ...rest } = gatewayOptions;
  return harnessFor(emulator, { id: ZAVEIT_STORE, platform: 'zaveit', token: token ?? options.token ?? ZAVEIT_DEMO_TOKEN }, rest);
}
