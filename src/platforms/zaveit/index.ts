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
  // One listing (GET /) holds every category and the products they embed, read once a request; a
  // category's own read carries its products (docs/platforms/zaveit.md#endpoints).
  requestCosts: {
    categoriesById: () => 1,
    productsById: () => 1,
    categoryPages: () => 1,
    // One listing of every category, embedding their products.
    wholeCatalog: 1,
    assignedProducts: () => 0,
    // The listing embeds every category's products.
    productPages: () => 1,
    productWrite: () => 2,
    categoryWrite: 1,
  },
  connection: (store) => ({ baseUrl: store.baseUrl, headers: { authorization: `Bearer ${store.token}` } }),
  createAdapter: (_store, { http, lock }) => new ZaveitAdapter(http, lock),
  async startDemo() {
    // Loaded only here: a gateway started with a config never loads the emulators.
    const { startZaveitEmulator, ZAVEIT_DEMO_TOKEN } = await import('../../emulators/zaveit');
    const emulator = await startZaveitEmulator({ rateLimit: false });
    return { store: { baseUrl: emulator.baseUrl, token: ZAVEIT_DEMO_TOKEN }, close: () => emulator.close() };
  },
});
