import {
  BIGCOMMERCE_DEMO_STORE_HASH,
  BIGCOMMERCE_DEMO_TOKEN,
  BIGCOMMERCE_DEMO_TREE_ID,
  BigCommerceCatalog,
  BigCommerceEmulatorOptions,
  startBigCommerceEmulator,
} from '../../src/emulators/bigcommerce';
import { GatewayOptions, Harness, harnessFor } from './gateway';

export const BIGCOMMERCE_STORE = 'bigcommerce-test';
export type BigCommerceHarness = Harness<BigCommerceCatalog>;

/** A BigCommerce emulator (demo catalog unless told otherwise) and the gateway in front of it as store `bigcommerce-test`. */
export async function startBigCommerceHarness(options: BigCommerceEmulatorOptions = {}, gatewayOptions: GatewayOptions = {}): Promise<BigCommerceHarness> {
  const emulator = await startBigCommerceEmulator({ rateLimit: false, ...options });
  const store = {
    id: BIGCOMMERCE_STORE,
    platform: 'bigcommerce',
    storeHash: options.storeHash ?? BIGCOMMERCE_DEMO_STORE_HASH,
    token: options.token ?? BIGCOMMERCE_DEMO_TOKEN,
    treeId: options.treeId ?? BIGCOMMERCE_DEMO_TREE_ID,
  };
  // The gateway's BigCommerce quota (150 a 30 s window) is tested on its own; here it would only make busy tests flaky.
  return harnessFor(emulator, store, { ...gatewayOptions, upstream: { rateLimit: false, ...gatewayOptions.upstream } });
}
