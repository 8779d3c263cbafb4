import { RunningEmulator } from '../../src/emulators/kit';
import { ZAVEIT_DEMO_TENANT, ZAVEIT_DEMO_TOKEN, ZaveitCatalog, ZaveitEmulatorOptions, startZaveitEmulator } from '../../src/emulators/zaveit';

export const BASE = '/v2/product/category';

/** Product keys in the order of the vendor's first example (docs/platforms/zaveit.md#endpoints) (a product with a distributor). */
export const RESOLD_PRODUCT_KEYS = [
  '_id',
  'subscription',
  'services',
  'integrations',
  'categories',
  'stock',
  'shop_enabled',
  'status',
  'sku',
  'keys',
  'media',
  'country',
  'currency',
  'tenant',
  'type',
  'name',
  'description',
  'integration',
  'reference',
  'resell',
  'msp',
  'group_id',
  'customInputs',
  'created',
  'updated',
  'consumption',
  'distributor',
  'ingress',
  'managementLink',
  'stock_status',
  'sales_channel',
  'products',
];
const RESOLD_ONLY = ['consumption', 'distributor', 'ingress', 'managementLink'];
/** Product keys of the vendor's second example, which has no distributor. */
export const OWN_PRODUCT_KEYS = RESOLD_PRODUCT_KEYS.filter((key) => !RESOLD_ONLY.includes(key));

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, untyped on purpose: the tests check the wire shape. */
  body: any;
}

export type Zaveit = RunningEmulator<ZaveitCatalog>;

export function startDemo(options: ZaveitEmulatorOptions = {}): Promise<Zaveit> {
  return startZaveitEmulator(options);
}

/** One request to the emulator; `body` is sent as JSON unless it is already a string. */
export async function call(emulator: Zaveit, method: string, path: string, options: { body?: unknown; token?: string | null } = {}): Promise<Reply> {
  const token = options.token === undefined ? ZAVEIT_DEMO_TOKEN : options.token;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers,
    body: typeof options.body === 'string' || options.body === undefined ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The demo tenant's category with this name (names are unique in the demo). */
export function categoryNamed(emulator: Zaveit, name: string): string {
  const found = emulator.catalog.listCategories(ZAVEIT_DEMO_TENANT).find((category) => category.name === name);
  if (!found) throw new Error(`No demo category ${name}`);
  return found._id;
}

/** Demo products in no category yet, the first with a distributor and the first without. */
export function unplacedProducts(emulator: Zaveit): { resold: string; own: string; all: string[] } {
  const unplaced = emulator.catalog.productsOf(ZAVEIT_DEMO_TENANT).filter((product) => product.categories.length === 0);
  const resold = unplaced.find((product) => product.distributor !== undefined);
  const own = unplaced.find((product) => product.distributor === undefined);
  if (!resold || !own) throw new Error('The demo catalog should leave both kinds of product unplaced');
  return { resold: resold._id, own: own._id, all: unplaced.map((product) => product._id) };
}

export function productIdsOf(emulator: Zaveit, categoryId: string): string[] {
  return emulator.catalog.category(categoryId)?.productIds ?? [];
}
