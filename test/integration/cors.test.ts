import { parseConfig } from '../../src/config/loadConfig';
import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';

/** Browsers: CORS (`server.cors`) and Apollo's CSRF prevention (`server.csrfPrevention`), over real HTTP. */
const SHOP = 'https://shop.example.com';
const KEY = 'cors-test-key-0123456789abcdef';
const STORES = `{ stores { id } }`;

function preflight(url: string, origin: string, requestHeaders = 'content-type, authorization') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

const simpleGet = (url: string, headers: Record<string, string> = {}) => fetch(`${url}?query=${encodeURIComponent(STORES)}`, { headers });

describe('server.cors: an allow-list of origins', () => {
  let h: EcwidHarness;
  beforeAll(async () => {
    h = await startEcwidHarness(
      {},
      { server: { cors: { origins: [SHOP, 'http://localhost:5173'] } }, clients: [{ name: 'web', key: KEY, stores: '*', scopes: ['read_catalog'] }] },
    );
  });
  afterAll(() => h.close());

  test('a preflight from a listed origin is allowed, with the key headers, and needs no key itself', async () => {
    const response = await preflight(h.gateway.url, SHOP, 'content-type, x-api-key');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  test('a preflight from any other origin gets no Access-Control-Allow-Origin: the browser refuses', async () => {
    for (const origin of ['https://evil.example', 'https://shop.example.com.evil.example', 'http://shop.example.com']) {
      const response = await preflight(h.gateway.url, origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  test('answers to a listed origin carry its CORS headers, 401s included, so the page can read why', async () => {
    const ok = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { origin: SHOP, 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: STORES }),
    });
    expect(await ok.json()).toEqual({ data: { stores: [{ id: ECWID_STORE }] }, extensions: { cost: expect.any(Object) } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(ok.headers.get('access-control-expose-headers')).toBe('x-request-id');

    const refused = await fetch(h.gateway.url, { method: 'POST', headers: { origin: SHOP, 'content-type': 'application/json' }, body: JSON.stringify({ query: STORES }) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(SHOP);

    const foreign = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: STORES }),
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

test('origins: ["*"] lets every origin call (keys travel in headers, so there are no cookies to abuse)', async () => {
  const h = await startEcwidHarness({}, { server: { cors: { origins: ['*'] } } });
  try {
    const response = await preflight(h.gateway.url, 'https://anywhere.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  } finally {
    await h.close();
  }
});

describe('no cross-origin caller by default; server.csrfPrevention: true', () => {
  let h: EcwidHarness;
  beforeAll(async () => {
    h = await startEcwidHarness({}, { server: { csrfPrevention: true } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.emulator.server.log.clear());

  test('no origin is allowed cross-origin', async () => {
    const response = await preflight(h.gateway.url, SHOP);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a GET a cross-site page could send without a preflight is blocked as CSRF, before any platform request', async () => {
    const response = await simpleGet(h.gateway.url);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/cross-site request forgery/);
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test('so is a text/plain POST (what an HTML form or a no-cors fetch sends)', async () => {
    const response = await fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: STORES }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].message).toMatch(/cross-site request forgery/);
  });

  test.each([
    ['content-type: application/json', { 'content-type': 'application/json' }],
    ['apollo-require-preflight', { 'apollo-require-preflight': 'true' }],
    ['x-apollo-operation-name', { 'x-apollo-operation-name': 'Stores' }],
  ])('a GET with %s (a browser would preflight it) runs', async (_name, headers) => {
    const response = await simpleGet(h.gateway.url, headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { stores: [{ id: ECWID_STORE }] }, extensions: { cost: expect.any(Object) } });
  });
});

describe('server.csrfPrevention: false (the default)', () => {
  test('lets a simple GET through', async () => {
    const h = await startEcwidHarness();
    try {
      const response = await simpleGet(h.gateway.url);
      expect(response.status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

test('a cors origin that is not an origin is a config error naming the field', () => {
  const stores = [{ id: 'shop', platform: 'ecwid', baseUrl: 'https://app.ecwid.com/api/v3', storeId: '1', token: 't' }];
  expect(() => parseConfig({ server: { cors: { origins: ['https://shop.example.com/'] } }, stores }, 'stores.yaml')).toThrow(
    'stores.yaml: field "server.cors.origins.0": must be "*" or an origin: scheme, host and port only (https://shop.example.com)',
  );
});
