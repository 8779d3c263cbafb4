import type { RunningEmulator } from '../../src/emulators/kit';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog, SfccEmulatorOptions, startSfccEmulator } from '../../src/emulators/sfcc';
import { startTestGateway, TestGateway } from './gateway';

export const SFCC_STORE = 'sfcc-test';

export interface SfccHarness {
  emulator: RunningEmulator<SfccCatalog>;
  gateway: TestGateway;
  close(): Promise<void>;
}

/** An SFCC emulator (demo catalog unless told otherwise) and the gateway in front of it as store `sfcc-test`. */
export async function startSfccHarness(
  options: SfccEmulatorOptions = {},
  store: { catalogId?: string; token?: string } = {},
  gatewayConfig: { server?: Record<string, unknown>; upstream?: Record<string, unknown> } = {},
): Promise<SfccHarness> {
  const emulator = await startSfccEmulator({ rateLimit: false, ...options });
  const gateway = await startTestGateway({
    ...gatewayConfig,
    stores: [
      {
        id: SFCC_STORE,
        platform: 'sfcc',
        baseUrl: emulator.baseUrl,
        catalogId: store.catalogId ?? options.catalogId ?? SFCC_DEFAULT_CATALOG_ID,
        token: store.token ?? options.token ?? SFCC_DEFAULT_TOKEN,
      },
    ],
  });
  return {
    emulator,
    gateway,
    close: async () => {
      await gateway.close();
      await emulator.close();
    },
  };
}
