import { serverAudits } from 'graphql-http';
import { createHash } from 'node:crypto';
import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';
import { gid } from '../support/gateway';

/** The GraphQL over HTTP spec, APQ and Cache-Control, over real HTTP against the gateway in front of Ecwid's emulator. */
const MAX_AGE = 60;
let h: EcwidHarness;
beforeAll(async () => {
  h = await startEcwidHarness({}, { server: { cacheMaxAgeSeconds: MAX_AGE } });
});
afterAll(() => h.close());

const FRUIT = gid('Category', ECWID_STORE, 9691001);
const APPLE = gid('Product', ECWID_STORE, 37208002);
const sha256 = (query: string) => createHash('sha256').update(query).digest('hex');
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

/** A GET as API clients send it: with a header that CSRF prevention (on by default) accepts, as Apollo's clients do. */
function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
  return fetch(`${url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
}

test("graphql-http's server audit: every MUST passes", async () => {
  const audits = serverAudits({ url: h.gateway.url });
  const results = await Promise.all(audits.map(async (audit) => ({ audit, result: await audit.fn() })));
  // 'warn' is a SHOULD not met, 'error' a MUST.
  const unmet = (status: 'warn' | 'error') => results.flatMap(({ audit, result }) => (result.status === status ? [`${audit.name}: ${result.reason}`] : []));
  if (unmet('warn').length) console.log(`GraphQL over HTTP SHOULDs not met:\n  ${unmet('warn').join('\n  ')}`);
  expect(unmet('error')).toEqual([]);
  expect(audits.length).toBeGreaterThan(40);
});

test('application/graphql-response+json is answered in kind, application/json stays the default', async () => {
  const query = `{ category(id: "${FRUIT}") { name } }`;
  const spec = await get(h.gateway.url, { query }, { accept: 'application/graphql-response+json' });
  expect(spec.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
  expect(await spec.json()).toEqual({ data: { category: { name: 'Fruit' } } });

  const legacy = await get(h.gateway.url, { query });
  expect(legacy.headers.get('content-type')).toBe('application/json; charset=utf-8');
});

test('a query over GET carries Cache-Control from the default cache hint, so browsers and CDNs may keep it', async () => {
  const response = await get(h.gateway.url, { query: `{ category(id: "${FRUIT}") { name products(first: 2) { nodes { product { name } } } } }` });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe(`max-age=${MAX_AGE}, public`);
});

test('a response with errors is never cacheable', async () => {
  const response = await get(h.gateway.url, { query: '{ category(id: "gid://categraph/Category/nowhere/1") { name } }' });
  expect(((await response.json()) as any).errors[0].extensions.code).toBe('STORE_NOT_FOUND');
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('mutations are refused over GET (405, nothing written) and never cacheable over POST', async () => {
  const mutation = `mutation { moveProduct(input: { categoryId: "${FRUIT}", productId: "${APPLE}", position: 0 }) { assignment { position } userErrors { code } } }`;
  h.emulator.server.log.clear();
  const overGet = await get(h.gateway.url, { query: mutation });
  expect(overGet.status).toBe(405);
  expect(overGet.headers.get('allow')).toBe('POST');
  expect(h.emulator.server.log.all()).toHaveLength(0);

  const overPost = await fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: mutation }) });
  expect(await overPost.json()).toEqual({ data: { moveProduct: { assignment: { position: 0 }, userErrors: [] } } });
  expect(overPost.headers.get('cache-control')).toBe('no-store');
});

describe('Automatic Persisted Queries', () => {
  const query = `query FruitName { category(id: "${FRUIT}") { name } }`;

  test('an unknown hash answers PERSISTED_QUERY_NOT_FOUND, which no cache keeps', async () => {
    const response = await get(h.gateway.url, { extensions: persisted(`${query} # never sent`) });
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) })] });
    expect(response.headers.get('cache-control')).not.toMatch(/max-age=[1-9]/);
  });

  test('a query registered once is then run from its hash alone, over a cacheable GET with variables', async () => {
    const withVariables = 'query CategoryName($id: ID!) { category(id: $id) { name } }';
    const registered = await get(h.gateway.url, { query: withVariables, variables: { id: FRUIT }, extensions: persisted(withVariables) });
    expect(await registered.json()).toEqual({ data: { category: { name: 'Fruit' } } });

    const hashOnly = await get(h.gateway.url, { variables: { id: FRUIT }, extensions: persisted(withVariables) });
    expect(hashOnly.status).toBe(200);
    expect(await hashOnly.json()).toEqual({ data: { category: { name: 'Fruit' } } });
    expect(hashOnly.headers.get('cache-control')).toBe(`max-age=${MAX_AGE}, public`);
  });

  test('the cache is bounded: past server.persistedQueryCacheBytes the least recently used query is forgotten', async () => {
    const small = await startEcwidHarness({}, { server: { persistedQueryCacheBytes: 1024 } });
    try {
      // Each query is ~600 bytes: the second pushes the first out.
      const padded = (name: string) => `query ${name} { category(id: "${FRUIT}") { name } } ${'#'.repeat(560)}\n`;
      for (const name of ['First', 'Second']) {
        const registered = await get(small.gateway.url, { query: padded(name), extensions: persisted(padded(name)) });
        expect(await registered.json()).toEqual({ data: { category: { name: 'Fruit' } } });
      }
      const second = await get(small.gateway.url, { extensions: persisted(padded('Second')) });
      expect(await second.json()).toEqual({ data: { category: { name: 'Fruit' } } });
      const first = await get(small.gateway.url, { extensions: persisted(padded('First')) });
      expect(((await first.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await small.close();
    }
  });

  test('server.persistedQueryCacheBytes: 0 turns APQ off', async () => {
    const off = await startEcwidHarness({}, { server: { persistedQueryCacheBytes: 0 } });
    try {
      const response = await get(off.gateway.url, { extensions: persisted(query) });
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    } finally {
      await off.close();
    }
  });
});

test('by default (server.cacheMaxAgeSeconds: 0) nothing is cacheable, so every read sees the latest write', async () => {
  const fresh = await startEcwidHarness();
  try {
    const response = await get(fresh.gateway.url, { query: `{ category(id: "${FRUIT}") { name } }` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  } finally {
    await fresh.close();
  }
});
