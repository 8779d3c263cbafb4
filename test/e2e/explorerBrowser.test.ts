import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { parseConfig } from '../../src/config/loadConfig';
import { Demo, startDemo } from '../../src/gateway/demo';
import { GatewayServer, startGateway } from '../../src/gateway/server';
import { ensureExplorerBundle } from '../support/explorerBundle';

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

const withChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(`Skipping the explorer's browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

/** What the page did that a user would notice went wrong: script errors, console errors (CSP refusals among them), other hosts asked. */
interface Watched {
  page: Page;
  problems: string[];
  hosts: Set<string>;
}

withChromium(`the explorer in Chromium (${CHROMIUM})`, () => {
  let demo: Demo;
  let gateway: GatewayServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureExplorerBundle();
    demo = await startDemo();
    gateway = await startGateway(parseConfig({ server: { port: 0 }, stores: demo.config.stores.map(({ upstream: _, ...store }) => store) }, 'test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await demo?.close();
  });

  async function openExplorer(): Promise<Watched> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const watched: Watched = { page, problems: [], hosts: new Set() };
    page.on('request', (request) => watched.hosts.add(new URL(request.url()).host));
    page.on('pageerror', (error) => watched.problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && watched.problems.push(message.text()));
    const response = await page.goto(gateway.url);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .monaco-editor', { timeout: 20_000 });
    return watched;
  }

  /** Every operation these tests run reads `stores`. */
  interface StoresAnswer {
    data?: { stores: { id: string; platform?: string }[] };
    errors?: unknown[];
  }

  /** Runs the open tab with the execute button and answers the POST it made and the gateway's answer. */
  async function run(page: Page): Promise<{ sent: { query: string; operationName?: string | null }; headers: Record<string, string>; status: number; body: StoresAnswer }> {
    const [response] = await Promise.all([
      page.waitForResponse((response) => response.url() === gateway.url && response.request().method() === 'POST', { timeout: 20_000 }),
      page.click('.graphiql-execute-button'),
    ]);
    const request = response.request();
    return { sent: request.postDataJSON(), headers: await request.allHeaders(), status: response.status(), body: await response.json() };
  }

  function expectNothingWrong({ hosts, problems }: Watched): void {
    expect([...hosts]).toEqual([new URL(gateway.url).host]);
    expect(problems).toEqual([]);
  }

  test('GET /graphql opens GraphiQL 5 with the demo queries, runs one against every store and loads nothing from the internet', async () => {
    const watched = await openExplorer();
    const { page } = watched;

    // The README's example operations are the tabs; the first, the storefront menu, is open.
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['StorefrontMenu', 'CategoryPage', 'MoveProduct', 'AssignProducts']);
    // Monaco draws spaces as no-break spaces.
    expect((await page.locator('.graphiql-query-editor').innerText()).replace(/\u00a0/g, ' ')).toContain('The storefront menu of every store');
    // Playground's panels: docs explorer, history and the headers editor, and the explorer plugin.
    expect(await page.locator('[aria-label="Show Documentation Explorer"]').count()).toBe(1);
    expect(await page.locator('[aria-label="Show History"]').count()).toBe(1);
    expect(await page.locator('[aria-label="Show GraphiQL Explorer"]').count()).toBe(1);
    expect(await page.locator('.graphiql-editor-tools button', { hasText: 'Headers' }).count()).toBe(1);

    const { status, body } = await run(page);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.stores.map((store) => [store.id, store.platform])).toEqual([
      ['ecwid-demo', 'ECWID'],
      ['sfcc-demo', 'SFCC'],
      ['zaveit-demo', 'ZAVEIT'],
      ['bigcommerce-demo', 'BIGCOMMERCE'],
    ]);
    // The answer shows in the result pane (Monaco draws the lines in view: the first stores).
    await page.locator('.result-window').getByText('"ecwid-demo"').waitFor({ timeout: 10_000 });

    // The docs explorer reads the schema through introspection.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer >> text=Mutation');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
    expectNothingWrong(watched);
    await page.close();
  }, 60_000);

  test("a new tab runs what is typed into it, not the previous tab's operation", async () => {
    const watched = await openExplorer();
    const { page } = watched;

    // The first tab's operation runs first, as a user would start.
    expect((await run(page)).sent.operationName).toBe('StorefrontMenu');
    await page.click('[aria-label="New tab"]');
    expect(await page.locator('.graphiql-tab').count()).toBe(5);
    await page.click('.graphiql-query-editor .monaco-editor');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('query NewTabStores { stores { id } }');
    // Headers go with the tab's requests, and never into the browser's storage (they often carry keys).
    await page.click('.graphiql-editor-tools button:has-text("Headers")');
    await page.click('.graphiql-editor-tool .monaco-editor >> visible=true');
    await page.keyboard.insertText('{"x-explorer-check": "typed-in-the-tab"}');

    const { sent, headers, status, body } = await run(page);
    expect(headers['x-explorer-check']).toBe('typed-in-the-tab');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('typed-in-the-tab');
    expect(sent.query).toContain('NewTabStores');
    expect(sent.operationName ?? 'NewTabStores').toBe('NewTabStores');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { stores: [{ id: 'ecwid-demo' }, { id: 'sfcc-demo' }, { id: 'zaveit-demo' }, { id: 'bigcommerce-demo' }] },
      // Store ids come from the config: the answer costs no upstream request.
      extensions: { cost: { requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: expect.any(Object) } },
    });
    await page.locator('.result-window').getByText('"bigcommerce-demo"').waitFor({ timeout: 10_000 });
    expectNothingWrong(watched);
    await page.close();
  }, 60_000);

  test('the explorer plugin lists the schema’s fields and writes the query a click picks', async () => {
    const watched = await openExplorer();
    const { page } = watched;

    await page.click('[aria-label="New tab"]');
    await page.click('[aria-label="Show GraphiQL Explorer"]');
    const field = page.locator('.graphiql-explorer-root').getByText('stores', { exact: true }).first();
    await field.waitFor({ timeout: 20_000 });
    await field.click();
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('stores'), undefined, { timeout: 10_000 });

    const { sent, status, body } = await run(page);
    expect(sent.query).toMatch(/stores\s*{/);
    expect(status).toBe(200);
    expect(body.data?.stores).toHaveLength(4);
    expectNothingWrong(watched);
    await page.close();
  }, 60_000);
});
