import { EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';
import { ensureExplorerBundle } from '../support/explorerBundle';

/** The explorer over plain HTTP (the browser test in test/e2e drives it in Chromium). */
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('server.explorer: true (the default)', () => {
  let h: EcwidHarness;
  beforeAll(async () => {
    ensureExplorerBundle();
    h = await startEcwidHarness();
  });
  afterAll(() => h.close());

  test('a browser opening /graphql gets GraphiQL whose every file, web workers included, the gateway serves itself', async () => {
    const page = await fetch(h.gateway.url, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await page.text();
    expect(body).toContain('GraphiQL');
    // Nothing from a CDN or anywhere else: no absolute URL at all, and only the gateway's own scripts may run.
    expect(body).not.toMatch(/https?:\/\//);
    expect(body).toMatch(/Content-Security-Policy" content="[^"]*script-src 'self';/);
    expect(body).not.toMatch(/<script>/);
    const options = JSON.parse(body.match(/<script type="application\/json" id="explorer-options">(.*)<\/script>/)![1]);
    expect(options.graphiql.defaultTabs[0].query).toContain('query StorefrontMenu');
    const pageAssets = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]).filter((url) => !url.startsWith('data:'));
    expect(pageAssets).toHaveLength(2);
    const workers = Object.values(options.workers) as string[];
    expect(workers).toHaveLength(3);
    for (const asset of [...pageAssets, ...workers]) {
      expect(asset).toMatch(/^explorer\/[\w.]+-\w+\.(js|css)$/);
      const response = await fetch(new URL(asset, h.gateway.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      // Content-hashed names: browsers keep them for good.
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = (await response.arrayBuffer()).byteLength;
      expect(bytes).toBeGreaterThan(1000);
      expect(Number(response.headers.get('content-length'))).toBe(bytes);
    }
  });

  test('API clients on the same URL are unaffected', async () => {
    const response = await fetch(`${h.gateway.url}?query=${encodeURIComponent('{ stores { id } }')}`, { headers: { 'content-type': 'application/json' } });
    expect(await response.json()).toEqual({ data: { stores: [{ id: 'ecwid-test' }] }, extensions: { cost: expect.any(Object) } });
  });

  test("only the bundle's files are served: anything else under explorer/ is 404", async () => {
    const { script } = ensureExplorerBundle();
    const served = await fetch(new URL(`explorer/${script}`, h.gateway.url));
    expect(served.status).toBe(200);
    await served.arrayBuffer();
    expect((await fetch(new URL('explorer/..%2F..%2Fpackage.json', h.gateway.url))).status).toBe(404);
    expect((await fetch(new URL('explorer/manifest.json', h.gateway.url))).status).toBe(404);
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
    expect(((await page.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await fetch(new URL(`explorer/${ensureExplorerBundle().script}`, h.gateway.url))).status).toBe(404);
  });

  test('introspection is refused while queries still work', async () => {
    const introspection = await h.gateway.query('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await h.gateway.query('{ stores { id } }')).data).toEqual({ stores: [{ id: 'ecwid-test' }] });
  });
});
