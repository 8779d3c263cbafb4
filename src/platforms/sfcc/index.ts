import { z } from 'zod';
import { definePlatform } from '../descriptor';
import { storeConfigSchema } from '../storeConfig';
import { SfccAdapter } from './adapter';
import { SFCC_PAGE_SIZE } from './wire';

const sfccStoreSchema = storeConfigSchema('sfcc', { catalogId: z.string().min(1, 'must not be empty') });

/** Salesforce B2C Commerce, OCAPI Data API (docs/platforms/sfcc.md). */
export const sfcc = definePlatform({
  name: 'sfcc',
  graphqlName: 'SFCC',
  displayName: 'SFCC',
  configSchema: sfccStoreSchema,
  defaults: { rateLimit: false },
  capabilities: {
    moveProduct: true,
    createCategory: true,
    updateCategory: true,
    deleteCategory: true,
    // The Data API sets an image by the name of a file already in the catalog's static content; it takes no upload.
    categoryImages: false,
    createRequiresNativeId: true,
  },
  // No batch read by id: the catalog's listing (200 a page) stands in for many category reads, products are
  // read one by one; children come with their parent's read (`levels`), product orders from the assignment
  // search, 200 a page (docs/platforms/sfcc.md#reads-by-id); a write is one request a product.
  requestCosts: {
    categoriesById: (count) => Math.ceil(count / SFCC_PAGE_SIZE),
    productsById: (count) => count,
    categoryPages: (listings) => listings,
    // Category reads ask for levels=2; the assignment search carries the products' names.
    childLevelsCarried: 2,
    assignedProducts: () => 0,
    productPages: (categories, first) => Math.ceil((categories * first) / SFCC_PAGE_SIZE),
    productWrite: (count) => 2 + count,
    // A read of the resource state and the write, retried on a stale state.
    categoryWrite: 4,
  },
  connection: (store) => ({ baseUrl: store.baseUrl, headers: { authorization: `Bearer ${store.token}` } }),
  createAdapter: (store, { http, lock }) => new SfccAdapter(http, store.catalogId, lock),
  explorerExamples: [
    `# A category page (the demo's SFCC store)
query CategoryPage {
  category(id: "gid://categraph/Category/sfcc-demo/womens-clothing-dresses") {
    name
    ancestors { name }
    products(first: 20) { totalCount nodes { position product { id sku name } } }
  }
}
`,
  ],
  async startDemo() {
    // Loaded only here: a gateway started with a config never loads the emulators.
    const { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, startSfccEmulator } = await import('../../emulators/sfcc');
    const emulator = await startSfccEmulator({ rateLimit: false });
    return { store: { baseUrl: emulator.baseUrl, catalogId: SFCC_DEFAULT_CATALOG_ID, token: SFCC_DEFAULT_TOKEN }, close: () => emulator.close() };
  },
});
