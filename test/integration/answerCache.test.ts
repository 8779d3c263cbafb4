import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { createLogger } from '../../src/observability/logger';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { gid, postGraphQL, startTestGateway, TestGateway } from '../support/gateway';

// Whole answers of repeated queries, served without execution, never across a mutation, a client's reach or an error, and never
// past a check an uncached request would fail.

const ALL_STORES_KEY = 'answer-cache-all-stores-key';
const SHOP_ONLY_KEY = 'answer-cache-shop-only-key';
let emulator: RunningEmulator<EcwidCatalog>;
let gateway: TestGateway;
/** The same gateway with `cache.answers: false`: what every request must answer, cached or not. */
let uncached: TestGateway;
let log = '';
const logLines = () =>
  log
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => ((log += chunk.toString()), done()) }));

const store = (id: string) => ({ id, platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN });

beforeAll(async () => {
  emulator = await startEcwidEmulator({ rateLimit: false });
  const config = (answers: boolean) => ({
    cache: { ttlSeconds: 300, answers },
    upstream: { rateLimit: false },
    clients: [
      { name: 'merchandiser', key: ALL_STORES_KEY, stores: '*', scopes: ['read_catalog', 'update_catalog'] },
      { name: 'storefront', key: SHOP_ONLY_KEY, stores: ['shop'], scopes: ['read_catalog'] },
    ],
    stores: [store('shop'), store('outlet')],
  });
  gateway = await startTestGateway(config(true), { logger });
  uncached = await startTestGateway(config(false));
});
afterAll(async () => {
  await gateway.close();
  await uncached.close();
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
  const body = (await response.json()) as { data: unknown; extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } };
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    cacheControl: response.headers.get('cache-control'),
    data: body.data,
    cost: body.extensions.cost,
  };
}

test('a repeated query is answered without a single upstream request, with the same data and headers', async () => {
  const first = await raw();
  expect(first.cost.actualQueryCost).toBeGreaterThan(0);
  const upstreamForFirst = emulator.server.log.all().length;
  const again = await raw();
  expect({ ...again, cost: undefined }).toEqual({ ...first, cost: undefined });
  // Its own cost: the upstream requests this request made.
  expect(again.cost.actualQueryCost).toBe(0);
  expect(again.requestId).toBe('repeat-1');
  expect(again.cacheControl).toBe('no-store');
  expect(emulator.server.log.all()).toHaveLength(upstreamForFirst);
  const requests = logLines().filter((line) => line.msg === 'graphql request' && line.reqId === 'repeat-1');
  expect(requests.map((line) => line.answerCache)).toEqual([undefined, 'hit']);
});

test('a repeat Apollo answers itself (an APQ body, an Accept with weights) is found too, without an upstream request', async () => {
  const body = { query: PAGE, variables: { id: fruit } };
  await answerOf(gateway.url, JSON.stringify(body));
  emulator.server.log.clear();
  const kept = await answerOf(gateway.url, JSON.stringify(body));
  const persisted = { ...body, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(PAGE).digest('hex') } } };
  expect(await answerOf(gateway.url, JSON.stringify(persisted))).toEqual(kept);
  const weighted = await answerOf(gateway.url, JSON.stringify(body), { accept: 'application/json;q=0.5, application/graphql-response+json' });
  expect(weighted).toEqual({ ...kept, contentType: 'application/graphql-response+json; charset=utf-8' });
  expect(emulator.server.log.all()).toHaveLength(0);
});

test("a kept answer is still paid from the client's budget: once it is spent, the repeat is THROTTLED like any operation", async () => {
  const price = (await raw()).cost;
  const thrifty = await startTestGateway({
    cache: { ttlSeconds: 300 },
    upstream: { rateLimit: false },
    // Exactly one answer's price, refilled slowly: the first answer's own upstream requests leave too little for the repeat.
    clients: [
      { name: 'thrifty', key: ALL_STORES_KEY, stores: '*', scopes: ['read_catalog', 'update_catalog'], budget: { maximumAvailable: price.requestedQueryCost, restoreRate: 1 } },
    ],
    stores: [store('shop'), store('outlet')],
  });
  try {
    const first = await answerOf(thrifty.url, JSON.stringify({ query: PAGE, variables: { id: fruit } }));
    expect(first.errors).toBeUndefined();
    const repeat = await answerOf(thrifty.url, JSON.stringify({ query: PAGE, variables: { id: fruit } }));
    expect(repeat.data).toBeUndefined();
    expect(repeat.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'THROTTLED' }) })]);
  } finally {
    await thrifty.close();
  }
});

test('identical queries missing together run once: the others wait for its answer', async () => {
  const grocery = gid('Category', 'shop', '9691000');
  const herd = await Promise.all(
    Array.from({ length: 8 }, (_, n) =>
      fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ALL_STORES_KEY}`, 'x-request-id': `herd-${n}` },
        body: JSON.stringify({ query: PAGE, variables: { id: grocery } }),
      }).then((response) => response.json() as Promise<{ data: unknown }>),
    ),
  );
  expect(new Set(herd.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
  const lines = logLines().filter((line) => line.msg === 'graphql request' && /^herd-/.test(line.reqId));
  expect(lines).toHaveLength(8);
  expect(lines.filter((line) => line.answerCache !== 'hit')).toHaveLength(1);
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
    server: { csrfPrevention: true },
    cache: { ttlSeconds: 300 },
    upstream: { rateLimit: false },
    stores: [{ id: 'shop', platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
  });
  try {
    const url = `${open.url}?query=${encodeURIComponent('{ store(id: "shop") { id } }')}`;
    for (let round = 0; round < 2; round++) {
      const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(await preflighted.json()).toEqual({ data: { store: { id: 'shop' } }, extensions: { cost: expect.any(Object) } });
    }
    expect((await fetch(url)).status).toBe(400);
  } finally {
    await open.close();
  }
});

/** A POST's status, media type, data and errors (not its cost, which is each request's own). */
async function answerOf(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ALL_STORES_KEY}`, ...headers }, body });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  return { status: response.status, contentType: response.headers.get('content-type'), data: json.data, errors: json.errors };
}

describe('a kept answer never skips a check an uncached request goes through', () => {
  const valid = { query: PAGE, variables: { id: fruit } };
  const malformed: Array<[string, string]> = [
    ['an operationName that is an object', JSON.stringify({ ...valid, operationName: { name: 'Page' } })],
    ['an operationName the document does not define', JSON.stringify({ ...valid, operationName: 'Other' })],
    ['extensions that are a string', JSON.stringify({ ...valid, extensions: 'persisted' })],
    ['variables that are a string', JSON.stringify({ ...valid, variables: JSON.stringify(valid.variables) })],
    ['variables that are an array', JSON.stringify({ ...valid, variables: [fruit] })],
  ];

  test.each(malformed)('%s: the same status and errors as with cache.answers off', async (_name, body) => {
    // The well-formed request is kept first: a lookup by query and variables alone would find it.
    await answerOf(gateway.url, JSON.stringify(valid));
    const cached = await answerOf(gateway.url, body);
    expect(cached.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: expect.any(String) }) })]);
    expect(cached).toEqual(await answerOf(uncached.url, body));
  });

  test('a kept answer is written in the media type this request asks for', async () => {
    const body = JSON.stringify(valid);
    for (const [first, then] of [
      ['application/json', 'application/graphql-response+json'],
      ['application/graphql-response+json', 'application/json'],
    ]) {
      const kept = await answerOf(gateway.url, body, { accept: first });
      emulator.server.log.clear();
      const repeated = await answerOf(gateway.url, body, { accept: then });
      expect(emulator.server.log.all()).toHaveLength(0);
      expect(kept.contentType).toBe(`${first}; charset=utf-8`);
      expect(repeated).toEqual({ ...kept, contentType: `${then}; charset=utf-8` });
    }
  });

  test('variables nested 5 000 deep are a 400 BAD_REQUEST, logged like any refused request, before GraphQL runs', async () => {
    const nested = (levels: number) => `{"id":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
    const refusal = { errors: [{ message: expect.stringMatching(/nest at most \d+ levels/), extensions: { code: 'BAD_REQUEST' } }] };
    for (const url of [gateway.url, uncached.url]) {
      for (let round = 0; round < 2; round++) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ALL_STORES_KEY}` },
          body: `{"query":${JSON.stringify(PAGE)},"variables":${nested(5000)}}`,
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual(refusal);
      }
      // A GET's variables are as deep as its URL allows.
      const overGet = await fetch(`${url}?query=${encodeURIComponent(PAGE)}&variables=${encodeURIComponent(nested(500))}`, {
        headers: { authorization: `Bearer ${ALL_STORES_KEY}` },
      });
      expect(overGet.status).toBe(400);
      expect(await overGet.json()).toEqual(refusal);
    }
    expect(emulator.server.log.all()).toHaveLength(0);
    expect(logLines().filter((line) => line.msg === 'request refused: malformed request' && line.status === 400)).toHaveLength(3);
  });
});
