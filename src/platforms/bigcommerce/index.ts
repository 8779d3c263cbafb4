import { z } from 'zod';
import { definePlatform } from '../descriptor';
import { storeConfigSchema } from '../storeConfig';
import { BigCommerceAdapter } from './adapter';
import { BIGCOMMERCE_MAX_IDS_PER_FILTER, BIGCOMMERCE_MAX_PAGE_SIZE } from './wire';

const bigCommerceStoreSchema = storeConfigSchema('bigcommerce', {
  /** The store's permanent id in every API path (docs/platforms/bigcommerce.md#endpoints). */
  storeHash: z.string().regex(/^[a-z0-9]+$/, 'must be lowercase letters and digits'),
  /** The category tree the store's categories are in: the default channel's is 1 (docs/platforms/bigcommerce.md#ids). */
  treeId: z.number().int().positive().default(1),
});

/** BigCommerce Catalog API v3, category trees (docs/platforms/bigcommerce.md). */
export const bigcommerce = definePlatform({
  name: 'bigcommerce',
  graphqlName: 'BIGCOMMERCE',
  displayName: 'BigCommerce',
  configSchema: bigCommerceStoreSchema,
  // The smallest published quota (Standard and Plus plans): 150 requests per 30-second window a store,
  // shared by every app (docs/platforms/bigcommerce.md#rate-limits); a burst of a fifth of the window.
  defaults: { rateLimit: { requestsPerMinute: 300, burst: 30 } },
  capabilities: {
    moveProduct: true,
    createCategory: true,
    updateCategory: true,
    deleteCategory: true,
    // A form post of the file, up to 1 MB (docs/platforms/bigcommerce.md#images).
    categoryImages: true,
    createRequiresNativeId: false,
  },
  // The flat listing (250 a page) stands in for reads by id; products 250 ids a filter; a category's product
  // order is one read (docs/platforms/bigcommerce.md#paging).
  requestCosts: {
    categoriesById: (count) => Math.ceil(count / BIGCOMMERCE_MAX_PAGE_SIZE),
    productsById: (count) => Math.ceil(count / BIGCOMMERCE_MAX_IDS_PER_FILTER),
    categoryPages: (listings, first) => listings * Math.ceil(first / BIGCOMMERCE_MAX_PAGE_SIZE),
    // The channel's tree comes whole in one request and answers every tree read.
    wholeCatalog: 1,
    productPages: (categories) => categories,
    productWrite: (count) => 2 + 2 * Math.ceil(count / BIGCOMMERCE_MAX_IDS_PER_FILTER),
    categoryWrite: 3,
  },
  // Every path hangs below the store hash and the API version.
  connection: (store) => ({ baseUrl: `${store.baseUrl}/stores/${store.storeHash}/v3`, headers: { 'x-auth-token': store.token } }),
  createAdapter: (store, { http, lock }) => new BigCommerceAdapter(http, lock, store.treeId),
  explorerExamples: [
    `# A merchandising tool's assign (the demo's BigCommerce store): two pans go to the end of Saucepans,
# in the order given; the third product does not exist and fails alone
mutation AssignProducts {
  assignProducts(input: {
    categoryId: "gid://categraph/Category/bigcommerce-demo/21"
    productIds: [
      "gid://categraph/Product/bigcommerce-demo/78"
      "gid://categraph/Product/bigcommerce-demo/77"
      "gid://categraph/Product/bigcommerce-demo/999999"
    ]
  }) {
    assignments { position product { name } }
    userErrors { code field message }
  }
}
`,
  ],
  async startDemo() {
    // Loaded only here: a gateway started with a config never loads the emulators.
    const { BIGCOMMERCE_DEMO_STORE_HASH, BIGCOMMERCE_DEMO_TOKEN, BIGCOMMERCE_DEMO_TREE_ID, startBigCommerceEmulator } = await import('../../emulators/bigcommerce');
    const emulator = await startBigCommerceEmulator({ rateLimit: false });
    return {
      store: { baseUrl: emulator.baseUrl, storeHash: BIGCOMMERCE_DEMO_STORE_HASH, token: BIGCOMMERCE_DEMO_TOKEN, treeId: BIGCOMMERCE_DEMO_TREE_ID },
      close: () => emulator.close(),
    };
  },
});
