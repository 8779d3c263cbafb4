import type { GatewayConfig } from './config/configSchema';
import { parseConfig } from './config/loadConfig';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from './emulators/ecwid';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, startSfccEmulator } from './emulators/sfcc';
import { startZaveitEmulator, ZAVEIT_DEMO_TOKEN } from './emulators/zaveit';

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
  const [ecwid, sfcc, zaveit] = await Promise.all([
    startEcwidEmulator({ rateLimit: false }),
    startSfccEmulator({ rateLimit: false }),
    startZaveitEmulator({ rateLimit: false }),
  ]);
  const config = parseConfig(
    {
      stores: [
        { id: 'ecwid-demo', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN },
        { id: 'sfcc-demo', platform: 'sfcc', baseUrl: sfcc.baseUrl, catalogId: SFCC_DEFAULT_CATALOG_ID, token: SFCC_DEFAULT_TOKEN },
        { id: 'zaveit-demo', platform: 'zaveit', baseUrl: zaveit.baseUrl, token: ZAVEIT_DEMO_TOKEN },
      ],
    },
    'demo config',
  );
  return {
    config,
    close: async () => {
      await Promise.all([ecwid.close(), sfcc.close(), zaveit.close()]);
    },
  };
}
