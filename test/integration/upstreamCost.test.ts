import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog, startSfccEmulator } from '../../src/emulators/sfcc';
import { gid, startTestGateway, TestGateway } from '../support/gateway';

/**
 * Operations priced in upstream requests (README, "Limits and budgets") over real HTTP: three Ecwid stores
 * and one SFCC store, a read-only client limited to the SFCC store, one to two Ecwid stores, and an admin.
 */
jest.setTimeout(30_000);

const KEYS = { sfccReader: 'sfcc-reader-key-0123456789abcdef', twoShops: 'two-shops-key-0123456789abcdef', admin: 'admin-key-0123456789abcdef' };
const FRUIT = 9691001;

interface Answer {
  status: number;
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: { cost?: Record<string, any> };
}

async function post(gateway: TestGateway, key: string | undefined, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

let ecwid: RunningEmulator<EcwidCatalog>;
let sfcc: RunningEmulator<SfccCatalog>;
let gateway: TestGateway;
let federated: TestGateway;
const upstreamRequests = () => ecwid.server.log.all().length + sfcc.server.log.all().length;

beforeAll(async () => {
  [ecwid, sfcc] = await Promise.all([startEcwidEmulator({ rateLimit: false }), startSfccEmulator({ rateLimit: false })]);
  const stores = [
    ...['shop-a', 'shop-b', 'shop-c'].map((id) => ({ id, platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN })),
    { id: 'sfcc', platform: 'sfcc', baseUrl: sfcc.baseUrl, catalogId: SFCC_DEFAULT_CATALOG_ID, token: SFCC_DEFAULT_TOKEN },
  ];
  const clients = [
    { name: 'sfcc-reader', key: KEYS.sfccReader, stores: ['sfcc'], scopes: ['read_catalog'] },
    { name: 'two-shops', key: KEYS.twoShops, stores: ['shop-a', 'shop-b'], scopes: ['read_catalog'] },
    { name: 'admin', key: KEYS.admin, stores: '*', scopes: ['read_catalog', 'update_catalog'] },
  ];
  [gateway, federated] = await Promise.all([
    startTestGateway({ stores, clients, upstream: { rateLimit: false } }),
    startTestGateway({ stores, upstream: { rateLimit: false }, server: { federation: true } }),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway?.close(), federated?.close()]);
  await Promise.all([ecwid?.close(), sfcc?.close()]);
});
beforeEach(() => {
  ecwid.server.log.clear();
  sfcc.server.log.clear();
});

const productIds = (from: number) => Array.from({ length: 100 }, (_, n) => gid('Product', 'sfcc', `P-${10001 + ((from + n) % 500)}`));

test('30 aliases of nodes(100 SFCC product ids) are refused before any upstream request, with the estimate', async () => {
  // SFCC reads products one by one: 3 000 upstream requests, though only 6 000 points of the list-aware cost.
  const aliases = Array.from({ length: 30 }, (_, n) => `a${n}: nodes(ids: $ids${n}) { id }`).join('\n');
  const declarations = Array.from({ length: 30 }, (_, n) => `$ids${n}: [ID!]!`).join(', ');
  const variables = Object.fromEntries(Array.from({ length: 30 }, (_, n) => [`ids${n}`, productIds(n * 100)]));
  const answer = await post(gateway, KEYS.sfccReader, `query Attack(${declarations}) {\n${aliases}\n}`, variables);

  expect(answer.status).toBe(400);
  expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', estimatedUpstreamRequests: 3000, maxUpstreamRequests: 500 });
  expect(answer.extensions?.cost).toMatchObject({ requestedQueryCost: 3000, actualQueryCost: null });
  expect(upstreamRequests()).toBe(0);
});

test('nodes and _entities take at most 100 ids a field: 101 is BAD_USER_INPUT before any upstream request', async () => {
  const ids = Array.from({ length: 101 }, (_, n) => gid('Category', 'shop-a', FRUIT + n));
  const nodes = await post(gateway, KEYS.admin, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
  expect(nodes.status).toBe(400);
  expect(nodes.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  expect(nodes.errors?.[0].message).toMatch(/at most 100 ids/);

  const representations = ids.map((id) => ({ __typename: 'Category', id }));
  const entities = await post(federated, undefined, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Category { name } } }', { r: representations });
  expect(entities.status).toBe(400);
  expect(entities.errors?.[0].message).toMatch(/at most 100 representations/);
  expect(upstreamRequests()).toBe(0);

  // 100 are read.
  const hundred = await post(gateway, KEYS.admin, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(0, 100) });
  expect(hundred.errors).toBeUndefined();
  expect(hundred.data.nodes).toHaveLength(100);
});

test('stores is priced by the stores the client reaches', async () => {
  const query = '{ stores { id categories(first: 10) { nodes { name } } } }';
  const two = await post(gateway, KEYS.twoShops, query);
  expect(two.data.stores).toHaveLength(2);
  // One listing page a store.
  expect(two.extensions?.cost?.requestedQueryCost).toBe(2);
  const all = await post(gateway, KEYS.admin, query);
  expect(all.data.stores).toHaveLength(4);
  expect(all.extensions?.cost?.requestedQueryCost).toBe(4);
  // Store ids alone come from the config: nothing to pay.
  expect((await post(gateway, KEYS.admin, '{ stores { id platform } }')).extensions?.cost?.requestedQueryCost).toBe(0);
});

test('each platform prices what it really costs: SFCC reads products one by one, Ecwid 100 ids a search', async () => {
  const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Product { name } } }';
  const sfccProducts = await post(gateway, KEYS.admin, query, { ids: productIds(0).slice(0, 40) });
  expect(sfccProducts.extensions?.cost?.requestedQueryCost).toBe(40);
  const ecwidProducts = await post(gateway, KEYS.admin, query, { ids: Array.from({ length: 40 }, (_, n) => gid('Product', 'shop-a', 37208000 + n)) });
  expect(ecwidProducts.extensions?.cost?.requestedQueryCost).toBe(1);
  // A store the estimate cannot tell (an id that names none) is priced as the dearest platform, and refused before any request.
  const unknown = await post(gateway, KEYS.admin, query, { ids: Array.from({ length: 40 }, (_, n) => gid('Product', 'nowhere', n + 1)) });
  expect(unknown.extensions?.cost?.requestedQueryCost).toBe(40);
});

test('every answer carries extensions.cost: requested before, actual as made, the throttle status after', async () => {
  const answer = await post(gateway, KEYS.twoShops, 'query($id: ID!) { category(id: $id) { name } }', { id: gid('Category', 'shop-a', FRUIT) });
  expect(answer.data.category.name).toBeTruthy();
  const made = ecwid.server.log.all().length;
  expect(made).toBeGreaterThan(0);
  expect(answer.extensions?.cost).toEqual({
    requestedQueryCost: 1,
    actualQueryCost: made,
    throttleStatus: { maximumAvailable: 1000, currentlyAvailable: expect.any(Number), restoreRate: 50 },
  });
  expect(answer.extensions!.cost!.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(1000 - made);

  // A validation failure is not priced, nor paid for.
  const invalid = await post(gateway, KEYS.twoShops, '{ nope }');
  expect(invalid.status).toBe(400);
  expect(invalid.extensions?.cost).toMatchObject({ requestedQueryCost: null, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000 } });
});

test('a document whose fragments spread endlessly is refused, not walked', async () => {
  // 2^39 selections once every spread is followed.
  const fragments = Array.from({ length: 40 }, (_, n) => `fragment F${n} on Query { ${n < 39 ? `...F${n + 1} ...F${n + 1}` : 'stores { id }'} }`);
  const answer = await post(gateway, KEYS.admin, `query { ...F0 }\n${fragments.join('\n')}`);
  expect(answer.status).toBe(400);
  expect(answer.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  expect(upstreamRequests()).toBe(0);
});
