import { EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';

/** The explorer over plain HTTP (the browser test in test/e2e drives it in Chromium). */
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('server.explorer: true (the default)', () => {
  let h: EcwidHarness;
  beforeAll(async () => {
    h = await startEcwidHarness();
  });
  afterAll(() => h.close());

  test('a browser opening /graphql gets GraphiQL whose every asset the gateway serves itself', async () => {
    const page = await fetch(h.gateway.url, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await page.text();
    expect(body).toContain('GraphiQL');
    // Nothing from a CDN: every script and stylesheet is a relative URL the gateway answers.
    const assets = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((url) => !url.startsWith('data:'));
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      expect(asset).toMatch(/^explorer\//);
      const response = await fetch(new URL(asset, h.gateway.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
    }
  });

  test('API clients on the same URL are unaffected', async () => {
    const response = await fetch(`${h.gateway.url}?query=${encodeURIComponent('{ stores { id } }')}`, { headers: { 'content-type': 'application/json' } });
    expect(await response.json()).toEqual({ data: { stores: [{ id: 'ecwid-test' }] } });
  });

  test('an unknown asset is 404', async () => {
    expect((await fetch(new URL('explorer/graphiql@3.9.0/..%2F..%2Fpackage.json', h.gateway.url))).status).toBe(404);
    expect((await fetch(new URL('explorer/nothing.js', h.gateway.url))).status).toBe(404);
  });
});

describe('production: server.explorer and server.introspection false', () => {
  let h: EcwidHarness;
  beforeAll(async () => {
    h = await startEcwidHarness({}, { server: { explorer: false, introspection: false } });
  });
  afterAll(() => h.close());

  test('a browser opening /graphql gets what Apollo answers without a landing page, and no assets', async () => {
    const page = await fetch(h.gateway.url, { headers: html });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await page.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await fetch(new URL('explorer/graphiql@3.9.0/graphiql.min.js', h.gateway.url))).status).toBe(404);
  });

  test('introspection is refused while queries still work', async () => {
    const introspection = await h.gateway.query('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await h.gateway.query('{ stores { id } }')).data).toEqual({ stores: [{ id: 'ecwid-test' }] });
  });
});
