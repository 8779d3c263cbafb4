import { startZaveitEmulator, ZAVEIT_DEMO_TOKEN } from '../../emulators/zaveit';
import { definePlatform } from '../descriptor';
import { storeConfigSchema } from '../storeConfig';
import { ZaveitAdapter } from './adapter';

/** Zaveit API v2 (docs/platforms/zaveit.md). */
export const zaveit = definePlatform({
  name: 'zaveit',
  graphqlName: 'ZAVEIT',
  displayName: 'Zaveit',
  configSchema: storeConfigSchema('zaveit', {}),
  defaults: { rateLimit: false },
  // Zaveit documents adding and removing a category's products only (docs/platforms/zaveit.md#endpoints).
  capabilities: {
    moveProduct: false,
    createCategory: false,
    updateCategory: false,
    deleteCategory: true,
    categoryImages: false,
    createRequiresNativeId: false,
  },
  connection: (store) => ({ baseUrl: store.baseUrl, headers: { authorization: `Bearer ${store.token}` } }),
  createAdapter: (_store, { http, lock }) => new ZaveitAdapter(http, lock),
  async startDemo() {
    const emulator = await startZaveitEmulator({ rateLimit: false });
    return { store: { baseUrl: emulator.baseUrl, token: ZAVEIT_DEMO_TOKEN }, close: () => emulator.close() };
  },
});
