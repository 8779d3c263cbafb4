import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, EcwidEmulatorOptions, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { startTestGateway, TestGateway } from './gateway';

export const ECWID_STORE = 'ecwid-test';

export interface EcwidHarness {
  emulator: RunningEmulator<EcwidCatalog>;
  gateway: TestGateway;
  close(): Promise<void>;
}

/** An Ecwid emulator (demo catalog unless told otherwise) and the gateway in front of it as store `ecwid-test`. */
export async function startEcwidHarness(
  options: EcwidEmulatorOptions = {},
  gatewayConfig: { server?: Record<string, unknown>; upstream?: Record<string, unknown> } = {},
): Promise<EcwidHarness> {
  const emulator = await startEcwidEmulator({ rateLimit: false, ...options });
  const gateway = await startTestGateway({
    ...gatewayConfig,
    stores: [{ id: ECWID_STORE, platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: options.storeId ?? ECWID_DEMO_STORE_ID, token: options.token ?? ECWID_DEMO_TOKEN }],
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
