import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { parseConfig } from '../../src/config/loadConfig';
import { Demo, startDemo } from '../../src/gateway/demo';
import { GatewayServer, startGateway } from '../../src/gateway/server';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it). */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The result pane is a CodeMirror editor that renders only the lines in view: its value is the whole result. */
const RESULT_VALUE = `document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() ?? ''`;

const withChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(`Skipping the explorer's browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

withChromium(`the explorer in Chromium (${CHROMIUM})`, () => {
  let demo: Demo;
  let gateway: GatewayServer;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemo();
    gateway = await startGateway(parseConfig({ server: { port: 0 }, stores: demo.config.stores.map(({ upstream: _, ...store }) => store) }, 'test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await demo?.close();
  });

  test('GET /graphql opens GraphiQL with the demo queries, runs one against every store and loads nothing from the internet', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const requestedHosts = new Set<string>();
    page.on('request', (request) => requestedHosts.add(new URL(request.url()).host));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(gateway.url);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });

    // The README's example operations are the tabs; the first, the storefront menu, is open.
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['StorefrontMenu', 'CategoryPage', 'MoveProduct', 'AssignProducts']);
    expect(await page.locator('.graphiql-query-editor').innerText()).toContain('The storefront menu of every store');
    // Playground's panels: docs explorer, history and the headers editor.
    expect(await page.locator('[aria-label="Show Documentation Explorer"]').count()).toBe(1);
    expect(await page.locator('[aria-label="Show History"]').count()).toBe(1);
    expect(await page.locator('.graphiql-editor-tools button', { hasText: 'Headers' }).count()).toBe(1);

    await page.click('.graphiql-execute-button');
    await page.waitForFunction(`(${RESULT_VALUE}).includes('"data"')`, undefined, { timeout: 20_000 });
    const result = JSON.parse(await page.evaluate<string>(RESULT_VALUE));
    expect(result.errors).toBeUndefined();
    expect(result.data.stores.map((store: { id: string; platform: string }) => [store.id, store.platform])).toEqual([
      ['ecwid-demo', 'ECWID'],
      ['sfcc-demo', 'SFCC'],
      ['zaveit-demo', 'ZAVEIT'],
      ['bigcommerce-demo', 'BIGCOMMERCE'],
    ]);
    expect(await page.locator('.result-window').innerText()).toContain('"Grocery"');

    // The docs explorer reads the schema through introspection.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer >> text=Mutation');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });

    expect([...requestedHosts]).toEqual([new URL(gateway.url).host]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
