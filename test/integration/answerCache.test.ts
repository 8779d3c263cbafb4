import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { createLogger } from '../../src/observability/logger';
import { Writable } from 'node:stream';
import { gid, postGraphQL, startTestGateway, TestGateway } from '../support/gateway';

// Whole answers of repeated queries, served before GraphQL runs, never across a mutation, a client or an error.

const ALL_STORES_KEY = 'answer-cache-all-stores-key';
const SHOP_ONLY_KEY = 'answer-cache-shop-only-key';
let emulator: RunningEmulator<EcwidCatalog>;
let gateway: TestGateway;
let log = '';
const logLines = () =>
  log
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => ((log += chunk.toString()), done()) }));

beforeAll(async () => {
  emulator = await startEcwidEmulator({ rateLimit: false });
  const store = (id: string) => ({ id, platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN });
  gateway = await startTestGateway(
    {
      cache: { ttlSeconds: 300 },
      upstream: { rateLimit: false },
      clients: [
        { name: 'merchandiser', key: ALL_STORES_KEY, stores: '*', scopes: ['read_catalog', 'update_catalog'] },
        { name: 'storefront', key: SHOP_ONLY_KEY, stores: ['shop'], scopes: ['read_catalog'] },
      ],
      stores: [store('shop'), store('outlet')],
    },
    { logger },
  );
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
});
beforeEach(() => emulator.server.log.clear());

const PAGE = `query Page($id: ID!) { category(id: $id) { name products(first: 5) { nodes { position product { id name } } } } }`;
const fruit = gid('Category', 'shop', '9691001');
const ask = (query: string, variables: Record<string, unknown>, key = ALL_STORES_KEY) => postGraphQL(gateway.url, query, variables, { authorization: `Bearer ${key}` });

async function raw(key = ALL_STORES_KEY) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': 'repeat-1' },
    body: JSON.stringify({ query: PAGE, variables: { id: fruit } }),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), cacheControl: response.headers.get('cache-control'), body: await response.text() };
}

test('a repeated query is answered without a single upstream request, byte for byte, with its headers', async () => {
  const first = await raw();
  const upstreamForFirst = emulator.server.log.all().length;
  const again = await raw();
  expect(again).toEqual(first);
  expect(again.requestId).toBe('repeat-1');
  expect(again.cacheControl).toBe('no-store');
  expect(emulator.server.log.all()).toHaveLength(upstreamForFirst);
  const requests = logLines().filter((line) => line.msg === 'graphql request' && line.reqId === 'repeat-1');
  expect(requests.map((line) => line.answerCache)).toEqual([undefined, 'hit']);
});

test('a mutation is never answered from the cache, and the next read sees it', async () => {
  const move = `mutation Move($input: MoveProductInput!) { moveProduct(input: $input) { userErrors { code } } }`;
  const before = (await ask(PAGE, { id: fruit })).data.category.products.nodes.map((node: any) => node.product.id);
  const input = { categoryId: fruit, productId: before[2], position: 0 };
  expect((await ask(move, { input })).data.moveProduct.userErrors).toEqual([]);
  expect((await ask(PAGE, { id: fruit })).data.category.products.nodes[0].product.id).toBe(before[2]);

  // The same mutation again still reaches Ecwid (it reads the order anew each time).
  emulator.server.log.clear();
  expect((await ask(move, { input })).data.moveProduct.userErrors).toEqual([]);
  expect(emulator.server.log.count({ path: /\/categories\/9691001$/ })).toBeGreaterThan(0);
});

test('an answer with an error is not kept: the next identical query tries upstream again', async () => {
  const dairy = gid('Category', 'shop', '9691002');
  emulator.server.injectFault({ method: 'GET', path: '/categories/9691002', status: 500, times: 3 });
  const failed = await ask(PAGE, { id: dairy });
  expect(failed.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  const recovered = await ask(PAGE, { id: dairy });
  expect(recovered.errors).toBeUndefined();
  expect(recovered.data.category.name).toEqual(expect.any(String));
});

test('clients never share answers: each sees only its own stores', async () => {
  const stores = `{ stores { id } }`;
  expect((await ask(stores, {})).data.stores.map((store: any) => store.id)).toEqual(['shop', 'outlet']);
  expect((await ask(stores, {}, SHOP_ONLY_KEY)).data.stores.map((store: any) => store.id)).toEqual(['shop']);
});

test('a kept answer does not get around CSRF prevention: a plain GET is still refused', async () => {
  const open = await startTestGateway({
    cache: { ttlSeconds: 300 },
    upstream: { rateLimit: false },
    stores: [{ id: 'shop', platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
  });
  try {
    const url = `${open.url}?query=${encodeURIComponent('{ store(id: "shop") { id } }')}`;
    for (let round = 0; round < 2; round++) {
      const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(await preflighted.json()).toEqual({ data: { store: { id: 'shop' } } });
    }
    expect((await fetch(url)).status).toBe(400);
  } finally {
    await open.close();
  }
});
