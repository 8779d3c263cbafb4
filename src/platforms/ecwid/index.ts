import { z } from 'zod';
import { definePlatform } from '../descriptor';
import { storeConfigSchema } from '../storeConfig';
import { EcwidAdapter } from './adapter';
import { ecwidWebhookReceiver } from './webhooks';
import { ECWID_MAX_IDS_PER_ASSIGN, ECWID_PAGE_SIZE } from './wire';

/** Stores with up to this many categories are read whole for their trees (the `categoryIndexMaxTotal` default). */
const DEFAULT_CATEGORY_INDEX_MAX_TOTAL = 1000;

const ecwidStoreSchema = storeConfigSchema('ecwid', {
  storeId: z.coerce.string().regex(/^\d+$/, 'must be a number'),
  /**
   * Up to this many categories, tree reads list the whole store (100 a request) instead of one
   * request per parent; 0 never does.
   */
  categoryIndexMaxTotal: z.number().int().min(0).max(100_000).default(DEFAULT_CATEGORY_INDEX_MAX_TOTAL),
  /** The Ecwid app's client secret, which signs its webhooks; without it the store takes none. */
  webhookSecret: z.string().min(1, 'must not be empty').optional(),
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
  // No batch read by id for categories, but a listing of 100 a page stands in for many; products 100 ids a
  // search; a category's read carries its whole product order; writes read before and after
  // (docs/platforms/ecwid.md).
  requestCosts: {
    categoriesById: (count) => Math.ceil(count / ECWID_PAGE_SIZE),
    productsById: (count) => Math.ceil(count / ECWID_PAGE_SIZE),
    categoryPages: (listings, first) => listings * Math.ceil(first / ECWID_PAGE_SIZE),
    // The whole-store index answers every tree read, up to categoryIndexMaxTotal categories (its default).
    wholeCatalog: Math.ceil(DEFAULT_CATEGORY_INDEX_MAX_TOTAL / ECWID_PAGE_SIZE),
    productPages: (categories) => categories,
    productWrite: (count) => 2 + Math.ceil(count / ECWID_PAGE_SIZE) + Math.ceil(count / ECWID_MAX_IDS_PER_ASSIGN),
    // A move reads, writes and verifies, up to three times.
    categoryWrite: 9,
  },
  // Ecwid's paths hang below the store id.
  connection: (store) => ({ baseUrl: `${store.baseUrl}/${store.storeId}`, headers: { authorization: `Bearer ${store.token}` } }),
  createAdapter: (store, { http, lock }) => new EcwidAdapter(http, lock, store.categoryIndexMaxTotal),
  webhooks: { receiver: (store) => ecwidWebhookReceiver(store.storeId, store.webhookSecret) },
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
    // Loaded only here: a gateway started with a config never loads the emulators.
    const { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } = await import('../../emulators/ecwid');
    const emulator = await startEcwidEmulator({ rateLimit: false });
    return { store: { baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }, close: () => emulator.close() };
  },
});
