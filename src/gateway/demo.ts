import type { GatewayConfig } from '../config/configSchema';
import { parseConfig } from '../config/loadConfig';
import { PLATFORMS } from '../platforms';

export interface Demo {
  config: GatewayConfig;
  close(): Promise<void>;
}

/**
 * The demo: each registered platform's emulator on a free loopback port, seeded with its demo catalog,
 * and the config that puts the gateway in front of them (a store `<platform>-demo` each). The emulators
 * do not throttle here, so exploring never meets a platform's quota (the tests cover throttling).
 */
export async function startDemo(): Promise<Demo> {
  const demos = await Promise.all(PLATFORMS.map(async (platform) => ({ platform, demo: await platform.startDemo() })));
  const config = parseConfig({ stores: demos.map(({ platform, demo }) => ({ id: `${platform.name}-demo`, platform: platform.name, ...demo.store })) }, 'demo config');
  return {
    config,
    close: async () => {
      await Promise.all(demos.map(({ demo }) => demo.close()));
    },
  };
}
