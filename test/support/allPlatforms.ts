import { BIGCOMMERCE_DEMO_STORE_HASH, BIGCOMMERCE_DEMO_TOKEN, BigCommerceCatalog, startBigCommerceEmulator } from '../../src/emulators/bigcommerce';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog, startSfccEmulator } from '../../src/emulators/sfcc';
import { startZaveitEmulator, ZAVEIT_DEMO_TOKEN, ZaveitCatalog } from '../../src/emulators/zaveit';
import { GatewayOptions, startTestGateway, TestGateway, withAmpleBudget } from './gateway';

export interface AllPlatforms {
  ecwid: RunningEmulator<EcwidCatalog>;
  sfcc: RunningEmulator<SfccCatalog>;
  zaveit: RunningEmulator<ZaveitCatalog>;
  bigcommerce: RunningEmulator<BigCommerceCatalog>;
  gateway: TestGateway;
  /** Every emulator, for checks that hold on all of them. */
  emulators(): Array<RunningEmulator<unknown>>;
  close(): Promise<void>;
}

/** Every platform's emulator behind one gateway, as stores `ecwid`, `sfcc`, `zaveit` and `bigcommerce`. */
export async function startAllPlatforms(options: GatewayOptions = {}): Promise<AllPlatforms> {
  const [ecwid, sfcc, zaveit, bigcommerce] = await Promise.all([
    startEcwidEmulator({ rateLimit: false }),
    startSfccEmulator({ rateLimit: false }),
    startZaveitEmulator({ rateLimit: false }),
    startBigCommerceEmulator({ rateLimit: false }),
  ]);
  const gateway = await startTestGateway({
    ...withAmpleBudget(options),
    stores: [
      { id: 'ecwid', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN },
      { id: 'sfcc', platform: 'sfcc', baseUrl: sfcc.baseUrl, catalogId: SFCC_DEFAULT_CATALOG_ID, token: SFCC_DEFAULT_TOKEN },
      { id: 'zaveit', platform: 'zaveit', baseUrl: zaveit.baseUrl, token: ZAVEIT_DEMO_TOKEN },
      { id: 'bigcommerce', platform: 'bigcommerce', baseUrl: bigcommerce.baseUrl, storeHash: BIGCOMMERCE_DEMO_STORE_HASH, token: BIGCOMMERCE_DEMO_TOKEN },
    ],
  });
  return {
    ecwid,
    sfcc,
    zaveit,
    bigcommerce,
    gateway,
    emulators: () => [ecwid, sfcc, zaveit, bigcommerce] as Array<RunningEmulator<unknown>>,
    close: async () => {
      await gateway.close();
      await Promise.all([ecwid.close(), sfcc.close(), zaveit.close(), bigcommerce.close()]);
    },
  };
}
