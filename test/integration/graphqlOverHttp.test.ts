import { serverAudits } from 'graphql-http';
import { createHash } from 'node:crypto';
import { request as undiciRequest } from 'undici';
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

/** A GET with the parameters in its query string (objects JSON-encoded), as GraphQL clients send it. */
function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
  return fetch(`${url}?${search}`, { headers });
}

/** An answer's data, checked to come without errors (answers carry extensions besides, such as the cost). */
async function dataOf(response: Response): Promise<unknown> {
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** What a refused request answers: errors with a code, no data. */
type ErrorsBody = { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };

const post = (body: string, headers: Record<string, string> = {}) => fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test("graphql-http's server audit: every MUST and every SHOULD passes", async () => {
  const audits = serverAudits({ url: h.gateway.url });
  const results = await Promise.all(audits.map(async (audit) => ({ audit, result: await audit.fn() })));
  // 'warn' is a SHOULD not met, 'error' a MUST.
  const unmet = (status: 'warn' | 'error') => results.flatMap(({ audit, result }) => (result.status === status ? [`${audit.name}: ${result.reason}`] : []));
  expect(unmet('error')).toEqual([]);
  expect(unmet('warn')).toEqual([]);
  expect(audits.length).toBeGreaterThan(40);
});

test("graphql-http's server audit gives the same results with cache.answers on (its answers kept, then found) and off", async () => {
  // The harnesses' default turns the entity cache, and with it the answer cache, off.
  const run = async (url: string) =>
    Promise.all(
      serverAudits({ url }).map(async (audit) => {
        const result = await audit.fn();
        return { audit: audit.name, status: result.status, reason: result.status === 'ok' ? undefined : result.reason };
      }),
    );
  const [on, off] = await Promise.all([
    startEcwidHarness({}, { cache: { ttlSeconds: 300, answers: true } }),
    startEcwidHarness({}, { cache: { ttlSeconds: 300, answers: false } }),
  ]);
  try {
    const uncached = await run(off.gateway.url);
    expect(uncached.filter(({ status }) => status !== 'ok')).toEqual([]);
    for (let round = 0; round < 2; round++) expect(await run(on.gateway.url)).toEqual(uncached);
  } finally {
    await Promise.all([on.close(), off.close()]);
  }
});

describe('the status of a request GraphQL refuses depends on what the client reads', () => {
  const refused = [
    ['a document that does not parse', { query: '{ stores { id' }, 'GRAPHQL_PARSE_FAILED'],
    ['a document that does not validate', { query: '{ stores { secrets } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['variables that do not fit their types', { query: 'query($f: Int!) { categories(storeId: "ecwid", first: $f) { totalCount } }', variables: { f: 'ten' } }, 'BAD_USER_INPUT'],
  ] as const;

  test.each(refused)('%s: 200 with errors for a client that reads only application/json', async (_name, request, code) => {
    const response = await post(JSON.stringify(request), { accept: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as ErrorsBody;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe(code);
  });

  test.each(refused)('%s: 200 for a request without Accept (the legacy rule)', async (_name, request, code) => {
    // undici's request sends no Accept of its own (fetch would add */*).
    const response = await undiciRequest(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    expect(response.statusCode).toBe(200);
    expect(((await response.body.json()) as ErrorsBody).errors[0].extensions.code).toBe(code);
  });

  test.each(refused)('%s: 400 for a client that accepts application/graphql-response+json', async (_name, request, code) => {
    for (const accept of ['application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9']) {
      const response = await post(JSON.stringify(request), { accept });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorsBody).errors[0].extensions.code).toBe(code);
    }
  });

  test('a request that is not GraphQL over HTTP at all stays 400, whatever the client reads', async () => {
    expect((await post('{"query": ', { accept: 'application/json' })).status).toBe(400);
    expect((await post(JSON.stringify({ variables: {} }), { accept: 'application/json' })).status).toBe(400);
  });
});

describe('GET queries from every client run by default (server.csrfPrevention is off)', () => {
  const query = 'query FruitName($id: ID!) { category(id: $id) { name } }';

  test("urql's preferGetMethod: its Accept, no Content-Type, the parameters in the query string", async () => {
    h.emulator.server.log.clear();
    const response = await get(
      h.gateway.url,
      { query, operationName: 'FruitName', variables: { id: FRUIT } },
      { accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await dataOf(response)).toEqual({ category: { name: 'Fruit' } });
  });

  test("graphql-request's method: 'GET': its Accept, no Content-Type", async () => {
    const response = await get(h.gateway.url, { query, variables: { id: FRUIT }, operationName: 'FruitName' }, { accept: 'application/graphql-response+json, application/json' });
    expect(response.status).toBe(200);
    expect(await dataOf(response)).toEqual({ category: { name: 'Fruit' } });
  });

  test('a cross-site page still cannot write: a form or text/plain POST is refused (and a mutation over GET is 405, below), nothing sent upstream', async () => {
    const mutation = `mutation { moveProduct(input: { categoryId: "${FRUIT}", productId: "${APPLE}", position: 0 }) { userErrors { code } } }`;
    h.emulator.server.log.clear();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ query: mutation }) });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test('with server.csrfPrevention: true a simple GET is refused with the header to add, and runs once it is added', async () => {
    const strict = await startEcwidHarness({}, { server: { csrfPrevention: true } });
    try {
      strict.emulator.server.log.clear();
      const refusedGet = await get(strict.gateway.url, { query, variables: { id: FRUIT } }, { accept: 'application/graphql-response+json, application/json' });
      expect(refusedGet.status).toBe(400);
      const [error] = ((await refusedGet.json()) as ErrorsBody).errors;
      expect(error.extensions.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('add the header `Apollo-Require-Preflight: true`');
      expect(strict.emulator.server.log.all()).toHaveLength(0);

      const preflighted = await get(strict.gateway.url, { query, variables: { id: FRUIT } }, { 'apollo-require-preflight': 'true' });
      expect(await dataOf(preflighted)).toEqual({ category: { name: 'Fruit' } });
    } finally {
      await strict.close();
    }
  });
});

test('GET / redirects to /graphql', async () => {
  const response = await fetch(h.gateway.url.replace(/\/graphql$/, '/'), { redirect: 'manual' });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/graphql');
});

test('application/graphql-response+json is answered in kind, application/json stays the default', async () => {
  const query = `{ category(id: "${FRUIT}") { name } }`;
  const spec = await get(h.gateway.url, { query }, { accept: 'application/graphql-response+json' });
  expect(spec.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
  expect(await dataOf(spec)).toEqual({ category: { name: 'Fruit' } });

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
  expect(await dataOf(overPost)).toEqual({ moveProduct: { assignment: { position: 0 }, userErrors: [] } });
  expect(overPost.headers.get('cache-control')).toBe('no-store');
});

describe('Automatic Persisted Queries', () => {
  const query = `query FruitName { category(id: "${FRUIT}") { name } }`;

  test('an unknown hash answers PERSISTED_QUERY_NOT_FOUND, which no cache keeps', async () => {
    const response = await get(h.gateway.url, { extensions: persisted(`${query} # never sent`) });
    expect(((await response.json()) as ErrorsBody).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) })]);
    expect(response.headers.get('cache-control')).not.toMatch(/max-age=[1-9]/);
  });

  test('a query registered once is then run from its hash alone, over a cacheable GET with variables', async () => {
    const withVariables = 'query CategoryName($id: ID!) { category(id: $id) { name } }';
    const registered = await get(h.gateway.url, { query: withVariables, variables: { id: FRUIT }, extensions: persisted(withVariables) });
    expect(await dataOf(registered)).toEqual({ category: { name: 'Fruit' } });

    const hashOnly = await get(h.gateway.url, { variables: { id: FRUIT }, extensions: persisted(withVariables) });
    expect(hashOnly.status).toBe(200);
    expect(await dataOf(hashOnly)).toEqual({ category: { name: 'Fruit' } });
    expect(hashOnly.headers.get('cache-control')).toBe(`max-age=${MAX_AGE}, public`);
  });

  test('the cache is bounded: past server.persistedQueryCacheBytes the least recently used query is forgotten', async () => {
    const small = await startEcwidHarness({}, { server: { persistedQueryCacheBytes: 1024 } });
    try {
      // Each query is ~600 bytes: the second pushes the first out.
      const padded = (name: string) => `query ${name} { category(id: "${FRUIT}") { name } } ${'#'.repeat(560)}\n`;
      for (const name of ['First', 'Second']) {
        const registered = await get(small.gateway.url, { query: padded(name), extensions: persisted(padded(name)) });
        expect(await dataOf(registered)).toEqual({ category: { name: 'Fruit' } });
      }
      const second = await get(small.gateway.url, { extensions: persisted(padded('Second')) });
      expect(await dataOf(second)).toEqual({ category: { name: 'Fruit' } });
      const first = await get(small.gateway.url, { extensions: persisted(padded('First')) });
      expect(((await first.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await small.close();
    }
  });

  test('a query sent with a hash that is not its own is a client error (400 BAD_REQUEST), neither run nor registered', async () => {
    h.emulator.server.log.clear();
    const mismatched = await post(JSON.stringify({ query, extensions: persisted(`${query} # another text`) }));
    expect(mismatched.status).toBe(400);
    expect(((await mismatched.json()) as ErrorsBody).errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
    expect(h.emulator.server.log.all()).toHaveLength(0);
    const hashOnly = await get(h.gateway.url, { extensions: persisted(`${query} # another text`) });
    expect(((await hashOnly.json()) as ErrorsBody).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
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
