import type { RunningEmulator } from '../../src/emulators/kit';
import { BIGCOMMERCE_DEMO_STORE_HASH, BIGCOMMERCE_DEMO_TOKEN, BigCommerceCatalog, storeBasePath } from '../../src/emulators/bigcommerce';
import { emulatorClient, EmulatorCall } from './emulatorClient';

export type BigCommerce = RunningEmulator<BigCommerceCatalog>;

/** Where the demo store's API lives on the emulator, as the request log records paths. */
export const STORE_PATH = storeBasePath(BIGCOMMERCE_DEMO_STORE_HASH);

/** Calls the emulator over real HTTP with `X-Auth-Token`; `path` is relative to the store's v3 root, e.g. `/catalog/trees/1/categories`. */
export function storeClient(emulator: BigCommerce, storeHash = BIGCOMMERCE_DEMO_STORE_HASH, token = BIGCOMMERCE_DEMO_TOKEN): EmulatorCall {
  return emulatorClient(`${emulator.baseUrl}${storeBasePath(storeHash)}`, token, { tokenHeader: 'X-Auth-Token' });
}

/** The id of the category with this name (names are unique in the demo store). */
export function categoryNamed(emulator: BigCommerce, name: string): number {
  const found = [...emulator.catalog.categories.values()].find((category) => category.name === name);
  if (!found) throw new Error(`No BigCommerce category named ${name}`);
  return found.id;
}

/** Adds `count` products straight to the catalog and answers their ids, for tests that start empty. */
export function addProducts(emulator: BigCommerce, count: number): number[] {
  return Array.from({ length: count }, (_, n) => emulator.catalog.addProduct({ sku: `T-${n}`, name: `Test product ${n}`, price: 1, isVisible: true }).id);
}

/** Adds a root category of the emulator's tree 1 straight to the catalog, and any children named, answering their ids. */
export function addCategories(emulator: BigCommerce, names: string[], parentId = 0, treeId = 1): number[] {
  const result = emulator.catalog.createCategories(names.map((name) => (parentId === 0 ? { name, tree_id: treeId, parent_id: 0 } : { name, parent_id: parentId })));
  if (result.applied.length !== names.length) throw new Error(`Categories not created: ${JSON.stringify(result.errors)}`);
  return result.applied.map((category) => category.id);
}

/** Assigns products to a category straight in the catalog. */
export function assign(emulator: BigCommerce, categoryId: number, productIds: number[]): void {
  const errors = emulator.catalog.assign(productIds.map((product_id) => ({ product_id, category_id: categoryId })));
  if (Object.keys(errors).length > 0) throw new Error(`Not assigned: ${JSON.stringify(errors)}`);
}

/** A multipart/form-data body with one file part, as a browser or form-data library sends it. */
export function multipart(field: string, filename: string, contentType: string, data: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----categraph-test-boundary-7MA4YWxkTrZu0gW';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest valid PNG header bytes the emulator recognises as an image. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
