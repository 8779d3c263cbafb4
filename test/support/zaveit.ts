import type { RunningEmulator } from '../../src/emulators/kit';
import { startZaveitEmulator, ZAVEIT_DEMO_TOKEN, ZaveitCatalog, ZaveitEmulatorOptions } from '../../src/emulators/zaveit';
import { startTestGateway, TestGateway } from './gateway';

export const ZAVEIT_STORE = 'zaveit-test';

export interface ZaveitHarness {
  emulator: RunningEmulator<ZaveitCatalog>;
  gateway: TestGateway;
  close(): Promise<void>;
}

/** A Zaveit emulator (demo catalog unless told otherwise) and the gateway in front of it as store `zaveit-test`. */
export async function startZaveitHarness(
  options: ZaveitEmulatorOptions = {},
  gatewayConfig: { server?: Record<string, unknown>; upstream?: Record<string, unknown>; token?: string } = {},
): Promise<ZaveitHarness> {
  const emulator = await startZaveitEmulator({ rateLimit: false, ...options });
  const { token, ...config } = gatewayConfig;
  const gateway = await startTestGateway({
    ...config,
    stores: [{ id: ZAVEIT_STORE, platform: 'zaveit', baseUrl: emulator.baseUrl, token: token ?? options.token ?? ZAVEIT_DEMO_TOKEN }],
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
