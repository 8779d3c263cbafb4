import { z } from 'zod';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from '../../emulators/ecwid';
import { definePlatform } from '../descriptor';
import { storeConfigSchema } from '../storeConfig';
import { EcwidAdapter } from './adapter';

const ecwidStoreSchema = storeConfigSchema('ecwid', {
  storeId: z.coerce.string().regex(/^\d+$/, 'must be a number'),
  /**
   * Up to this many categories, tree reads list the whole store (100 a request) instead of one
   * request per parent; 0 never does.
   */
  categoryIndexMaxTotal: z.number().int().min(0).max(100_000).default(1000),
});

/** Ecwid REST API v3 (docs/platforms/ecwid.md). */
export const ecwid = definePlatform({
  name: 'ecwid',
  graphqlName: 'ECWID',
  displayName: 'Ecwid',
  configSchema: ecwidStoreSchema,
  // Ecwid's published quota: 600 requests a minute a token, then 429 and a temporary block (docs/platforms/ecwid.md#rate-limits).
  defaults: { rateLimit: { requestsPerMinute: 600, burst: 60 } },
  capabilities: {
    moveProduct: true,
    createCategory: true,
    updateCategory: true,
    deleteCategory: true,
    categoryImages: true,
    createRequiresNativeId: false,
  },
  // Ecwid's paths hang below the store id.
  connection: (store) => ({ baseUrl: `${store.baseUrl}/${store.storeId}`, headers: { authorization: `Bearer ${store.token}` } }),
  createAdapter: (store, { http, lock }) => new EcwidAdapter(http, lock, store.categoryIndexMaxTotal),
  explorerExamples: [
    `# A merchandising tool's move (the demo's Ecwid store): the product goes first
mutation MoveProduct {
  moveProduct(input: {
    categoryId: "gid://categraph/Category/ecwid-demo/9691001"
    productId: "gid://categraph/Product/ecwid-demo/37208002"
    position: 0
  }) {
    assignment { position product { name } }
    userErrors { code field message }
  }
}
`,
  ],
  async startDemo() {
    const emulator = await startEcwidEmulator({ rateLimit: false });
    return { store: { baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }, close: () => emulator.close() };
  },
});
