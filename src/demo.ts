import type { GatewayConfig } from './config/configSchema';
import { parseConfig } from './config/loadConfig';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from './emulators/ecwid';

export interface Demo {
  config: GatewayConfig;
  close(): Promise<void>;
}

/**
 * The demo: each platform's emulator on a free loopback port, seeded with its demo catalog, and the
 * config that puts the gateway in front of them. The emulators do not throttle here, so exploring
 * never meets Ecwid's 600-a-minute quota (the tests cover throttling).
 */
export async function startDemo(): Promise<Demo> {
  const ecwid = await startEcwidEmulator({ rateLimit: false });
  const config = parseConfig(
    {
      stores: [{ id: 'ecwid-demo', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
    },
    'demo config',
  );
  return { config, close: () => ecwid.close() };
}
