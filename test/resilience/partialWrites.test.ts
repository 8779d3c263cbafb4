import { ZAVEIT_DEMO_TENANT, buildProduct } from '../../src/emulators/zaveit';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid } from '../support/gateway';

/**
 * Writes the platform takes in several requests (Ecwid's 2000-id chunks, one SFCC PUT a product, Zaveit's
 * passes) that fail part-way answer what landed and one retryable userError per product not applied,
 * never `data: null` while the platform changed; Zaveit's writes cost O(n) requests and bytes.
 */
let all: AllPlatforms;
beforeAll(async () => {
  // No retries: one injected failure is the failure the client sees.
  all = await startAllPlatforms({ server: { explorer: false }, upstream: { maxRetries: 0, breakerFailureThreshold: 1000, rateLimit: false } });
});
afterAll(() => all.close());
beforeEach(() => {
  for (const emulator of all.emulators()) {
    emulator.server.faults.clear();
    emulator.server.log.clear();
  }
});

const ASSIGN = `mutation($input: AssignProductsInput!) {
  assignProducts(input: $input) { assignments { position product { id } } userErrors { code field retryable } category { products(first: 0) { totalCount } } }
}`;
const UNASSIGN = `mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) { unassignedProductIds userErrors { code field retryable } } }`;

const notApplied = (indexes: number[], code = 'UPSTREAM_UNAVAILABLE') => indexes.map((index) => ({ code, field: ['input', 'productIds', String(index)], retryable: true }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => from + n);

describe('Ecwid: 4000 ids in 2000-id chunks, the second chunk fails', () => {
  let categoryId: number;
  let products: number[];
  beforeAll(() => {
    categoryId = all.ecwid.catalog.create({ name: 'Partial writes' });
    products = range(0, 4000).map((n) => all.ecwid.catalog.addProduct({ sku: `PW-${n}`, name: `Partial ${n}`, price: 1, enabled: true }).id);
  });

  test('assign: the first 2000 are listed as assigned, the other 2000 are retryable userErrors', async () => {
    all.ecwid.server.injectFault({ method: 'POST', path: '/assignProducts', status: 503, after: 1, times: 1 });
    const { data, errors } = await all.gateway.query(ASSIGN, {
      input: { categoryId: gid('Category', 'ecwid', categoryId), productIds: products.map((id) => gid('Product', 'ecwid', id)) },
    });
    expect(errors).toBeUndefined();
    expect(all.ecwid.catalog.category(categoryId).productIds).toEqual(products.slice(0, 2000));
    expect(data.assignProducts.assignments.map((a: { product: { id: string } }) => a.product.id)).toEqual(products.slice(0, 2000).map((id) => gid('Product', 'ecwid', id)));
    expect(data.assignProducts.userErrors).toEqual(notApplied(range(2000, 4000)));
    expect(data.assignProducts.category.products.totalCount).toBe(2000);

    // Retrying the whole input assigns the rest, in order.
    const again = await all.gateway.query(ASSIGN, { input: { categoryId: gid('Category', 'ecwid', categoryId), productIds: products.map((id) => gid('Product', 'ecwid', id)) } });
    expect(again.data.assignProducts.userErrors).toEqual([]);
    expect(all.ecwid.catalog.category(categoryId).productIds).toEqual(products);
  });

  test('unassign: the first 2000 are listed as unassigned, the other 2000 are retryable userErrors', async () => {
    all.ecwid.server.injectFault({ method: 'POST', path: '/unassignProducts', status: 503, after: 1, times: 1 });
    const { data, errors } = await all.gateway.query(UNASSIGN, {
      input: { categoryId: gid('Category', 'ecwid', categoryId), productIds: products.map((id) => gid('Product', 'ecwid', id)) },
    });
    expect(errors).toBeUndefined();
    expect(all.ecwid.catalog.category(categoryId).productIds).toEqual(products.slice(2000));
    expect(data.unassignProducts.unassignedProductIds).toEqual(products.slice(0, 2000).map((id) => gid('Product', 'ecwid', id)));
    expect(data.unassignProducts.userErrors).toEqual(notApplied(range(2000, 4000)));
  });

  test('a failure before anything landed stays a top-level error', async () => {
    all.ecwid.server.injectFault({ method: 'POST', path: '/unassignProducts', status: 503, times: 1 });
    const { data, errors } = await all.gateway.query(UNASSIGN, {
      input: { categoryId: gid('Category', 'ecwid', categoryId), productIds: [gid('Product', 'ecwid', products[3000])] },
    });
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
  });
});

describe('SFCC: one PUT a product, failing after 3 of 12', () => {
  const categoryId = 'partial-writes';
  const products = range(0, 12).map((n) => `partial-product-${n}`);
  beforeAll(() => {
    all.sfcc.catalog.createCategory(categoryId, { name: { default: 'Partial writes' }, parentId: 'root', online: true });
    for (const id of products) all.sfcc.catalog.addProduct(id, { default: id });
  });

  test('assign: the 3 that landed are listed, the 9 others are retryable userErrors at their input index', async () => {
    all.sfcc.server.injectFault({ method: 'PUT', path: `/categories/${categoryId}/products/`, status: 500, after: 3 });
    const { data, errors } = await all.gateway.query(ASSIGN, {
      input: { categoryId: gid('Category', 'sfcc', categoryId), productIds: products.map((id) => gid('Product', 'sfcc', id)) },
    });
    expect(errors).toBeUndefined();
    const landed = all.sfcc.catalog.productIdsOf(categoryId);
    expect(landed).toHaveLength(3);
    expect(data.assignProducts.assignments.map((a: { product: { id: string } }) => a.product.id).sort()).toEqual(landed.map((id) => gid('Product', 'sfcc', id)).sort());
    const failed = range(0, 12).filter((index) => !landed.includes(products[index]));
    expect(data.assignProducts.userErrors).toEqual(notApplied(failed));
  });

  test('unassign: what was removed is listed, the rest are retryable userErrors', async () => {
    const assigned = all.sfcc.catalog.productIdsOf(categoryId);
    all.sfcc.server.injectFault({ method: 'DELETE', path: `/categories/${categoryId}/products/`, status: 500, after: 1 });
    const { data, errors } = await all.gateway.query(UNASSIGN, {
      input: { categoryId: gid('Category', 'sfcc', categoryId), productIds: assigned.map((id) => gid('Product', 'sfcc', id)) },
    });
    expect(errors).toBeUndefined();
    const left = all.sfcc.catalog.productIdsOf(categoryId);
    expect(left).toHaveLength(2);
    expect(data.unassignProducts.unassignedProductIds).toEqual(assigned.filter((id) => !left.includes(id)).map((id) => gid('Product', 'sfcc', id)));
    expect(data.unassignProducts.userErrors).toEqual(notApplied(assigned.flatMap((id, index) => (left.includes(id) ? [index] : []))));
  });
});

describe('Zaveit: O(n) requests and bytes', () => {
  let known: string[];
  beforeAll(() => {
    known = range(0, 200).map((n) => all.zaveit.catalog.addProduct(buildProduct({ tenant: ZAVEIT_DEMO_TENANT, name: `Partial ${n}`, sku: `PW-${n}`, price: 1 })));
  });
  const newCategory = () => all.zaveit.catalog.addCategory({ tenant: ZAVEIT_DEMO_TENANT, name: 'Partial writes' });
  const puts = () => all.zaveit.server.log.all().filter((entry) => entry.method === 'PUT');
  const bytesSent = () => puts().reduce((sum, entry) => sum + JSON.stringify(entry.body).length, 0);
  const assign = (categoryId: string, ids: string[]) =>
    all.gateway.query(ASSIGN, { input: { categoryId: gid('Category', 'zaveit', categoryId), productIds: ids.map((id) => gid('Product', 'zaveit', id)) } });

  afterEach(() => {
    all.zaveit.catalog.namesUnknownProducts = true;
  });

  test('1000 unknown among 1200 ids: two PUTs, each id sent at most twice', async () => {
    const categoryId = newCategory();
    // Unknown ids interleaved with the known ones: the 404's message names all 1000.
    const ids = range(0, 1200).map((n) => (n % 6 === 0 ? known[n / 6] : `unknown-product-${n}`));
    const { data, errors } = await assign(categoryId, ids);
    expect(errors).toBeUndefined();
    expect(puts()).toHaveLength(2);
    expect(bytesSent()).toBeLessThanOrEqual(2 * JSON.stringify(ids).length);
    expect(all.zaveit.catalog.category(categoryId)!.productIds).toEqual(ids.filter((id) => !id.startsWith('unknown')));
    expect(data.assignProducts.userErrors).toHaveLength(1000);
    expect(data.assignProducts.userErrors.every((error: { code: string }) => error.code === 'PRODUCT_NOT_FOUND')).toBe(true);
  });

  test('a 404 that names no id: the unknown ones are found in one pass, not by halving', async () => {
    all.zaveit.catalog.namesUnknownProducts = false;
    const categoryId = newCategory();
    // 50 known ids among the first 100 (so the category each single PUT answers with stays small), 974 unknown.
    const ids = range(0, 1024).map((n) => (n % 2 === 0 && n < 100 ? known[n / 2] : `unknown-product-${n}`));
    const { data, errors } = await assign(categoryId, ids);
    expect(errors).toBeUndefined();
    // The whole list, √n groups of 32, and each id of a refused group alone: n + √n + 1 (halving took 2n).
    expect(puts().length).toBeLessThanOrEqual(1 + 32 + 1024);
    expect(bytesSent()).toBeLessThanOrEqual(4 * JSON.stringify(ids).length);
    expect(all.zaveit.catalog.category(categoryId)!.productIds).toEqual(ids.filter((id) => !id.startsWith('unknown')));
    expect(data.assignProducts.userErrors).toHaveLength(1024 - 50);
  });

  test('a 404 that names no id, for 3 unknown products among 203: far fewer requests than ids', async () => {
    all.zaveit.catalog.namesUnknownProducts = false;
    const categoryId = newCategory();
    const ids = [...known.slice(0, 197), 'unknown-a', ...known.slice(197), 'unknown-b', 'unknown-c'];
    const { data } = await assign(categoryId, ids);
    const groupSize = Math.ceil(Math.sqrt(ids.length));
    expect(puts().length).toBeLessThanOrEqual(1 + Math.ceil(ids.length / groupSize) + 3 * groupSize);
    expect(data.assignProducts.userErrors.map((error: { field: string[] }) => error.field[2])).toEqual(['197', '201', '202']);
    expect(all.zaveit.catalog.category(categoryId)!.productIds).toEqual(known);
  });

  test('a fault part-way through the pass: what landed is listed, the rest are retryable userErrors', async () => {
    all.zaveit.catalog.namesUnknownProducts = false;
    const categoryId = newCategory();
    // 100 ids in groups of 10: the first 404s as a whole, the next lands, the third fails.
    const ids = ['unknown-first', ...known.slice(0, 99)];
    all.zaveit.server.injectFault({ method: 'PUT', path: '/products/add', status: 502, after: 1 + 1 + 10 + 1 });
    const { data, errors } = await assign(categoryId, ids);
    expect(errors).toBeUndefined();
    expect(all.zaveit.catalog.category(categoryId)!.productIds).toEqual(known.slice(0, 19));
    expect(data.assignProducts.assignments).toHaveLength(19);
    expect(data.assignProducts.userErrors).toEqual([{ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '0'], retryable: false }, ...notApplied(range(20, 100))]);
  });
});
