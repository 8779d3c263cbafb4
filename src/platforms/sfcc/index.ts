import { z } from 'zod';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, startSfccEmulator } from '../../emulators/sfcc';
import { definePlatform } from '../descriptor';
import { storeConfigSchema } from '../storeConfig';
import { SfccAdapter } from './adapter';

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
    const emulator = await startSfccEmulator({ rateLimit: false });
    return { store: { baseUrl: emulator.baseUrl, catalogId: SFCC_DEFAULT_CATALOG_ID, token: SFCC_DEFAULT_TOKEN }, close: () => emulator.close() };
  },
});
