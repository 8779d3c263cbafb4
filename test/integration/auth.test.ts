import { Writable } from 'node:stream';
import { PLATFORMS } from '../../src/platforms';
import { buildGatewaySchema } from '../../src/schema/buildGatewaySchema';
import { ConfigError, parseConfig } from '../../src/config/loadConfig';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { createLogger } from '../../src/observability/logger';
import { startGateway } from '../../src/gateway/server';
import { gid, postGraphQL, startTestGateway, TestGateway } from '../support/gateway';
import { describeWithRedis, RedisServer } from '../support/redisServer';

/**
 * Client authentication and authorization (README, "Authentication") over real HTTP: the gateway in
 * front of one Ecwid emulator serving two stores, shop-a and shop-b, with clients read from `${VAR}`s.
 */
const KEYS = {
  admin: 'admin-key-0123456789abcdef',
  storefront: 'storefront-key-0123456789abcdef',
  merch: 'merch-key-0123456789abcdef',
  importer: 'importer-key-0123456789abcdef',
};
const CLIENTS = [
  { name: 'admin', key: '${AUTH_TEST_ADMIN_KEY}', stores: '*', scopes: ['read_catalog', 'update_catalog'] },
  { name: 'storefront', key: '${AUTH_TEST_STOREFRONT_KEY}', stores: ['shop-a'], scopes: ['read_catalog'] },
  { name: 'merch', key: '${AUTH_TEST_MERCH_KEY}', stores: ['shop-a'], scopes: ['read_catalog', 'update_catalog'] },
  { name: 'importer', key: '${AUTH_TEST_IMPORTER_KEY}', stores: '*', scopes: ['update_catalog'] },
];
Object.assign(process.env, {
  AUTH_TEST_ADMIN_KEY: KEYS.admin,
  AUTH_TEST_STOREFRONT_KEY: KEYS.storefront,
  AUTH_TEST_MERCH_KEY: KEYS.merch,
  AUTH_TEST_IMPORTER_KEY: KEYS.importer,
});

const FRUIT = 9691001;
const APPLE = 37208002;
const cat = (store: string, id = FRUIT) => gid('Category', store, id);
const prod = (store: string, id = APPLE) => gid('Product', store, id);
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const MOVE = `mutation($input: MoveProductInput!) { moveProduct(input: $input) { assignment { position } userErrors { code } } }`;

let emulator: RunningEmulator<EcwidCatalog>;
let gateway: TestGateway;
let rawLog = '';

function logSink() {
  return new Writable({
    write(chunk, _encoding, done) {
      rawLog += chunk.toString();
      done();
    },
  });
}

const stores = () => ['shop-a', 'shop-b'].map((id) => ({ id, platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }));

beforeAll(async () => {
  emulator = await startEcwidEmulator({ rateLimit: false });
  gateway = await startTestGateway(
    { clients: CLIENTS, stores: stores(), upstream: { rateLimit: false }, server: { cacheMaxAgeSeconds: 60 } },
    { logger: createLogger('trace', logSink()) },
  );
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
});
beforeEach(() => emulator.server.log.clear());

const query = (text: string, headers: Record<string, string>, variables?: Record<string, unknown>) => postGraphQL(gateway.url, text, variables, headers);
const productOrder = () => [...emulator.catalog.categories.get(FRUIT)!.productIds];

describe('authentication: a missing or unknown key is HTTP 401 before anything runs', () => {
  test('no key: 401 UNAUTHENTICATED with a Bearer challenge, and no platform request', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ categories(storeId: "shop-a") { totalCount } }` }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="categraph"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining('API key is required'), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(emulator.server.log.all()).toHaveLength(0);
  });

  test.each([
    ['Authorization: Bearer', { authorization: 'Bearer not-a-configured-key-0000' }],
    ['x-api-key', { 'x-api-key': 'not-a-configured-key-0000' }],
    ['a configured key with one character changed', { 'x-api-key': `${KEYS.admin.slice(0, -1)}0` }],
    ['a configured key in another scheme', { authorization: `Basic ${KEYS.admin}` }],
  ])('an unknown key (%s): 401 UNAUTHENTICATED', async (_name, headers) => {
    const response = await query('{ stores { id } }', headers);
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(response.data).toBeUndefined();
  });

  test('two different keys in Authorization and x-api-key are refused, not guessed between', async () => {
    const response = await query('{ stores { id } }', { ...bearer(KEYS.admin), 'x-api-key': KEYS.storefront });
    expect(response.status).toBe(401);
    expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  test('a key is accepted as Authorization: Bearer (any case of the scheme) and as x-api-key', async () => {
    for (const headers of [bearer(KEYS.admin), { authorization: `bearer ${KEYS.admin}` }, { 'x-api-key': KEYS.admin }, { ...bearer(KEYS.admin), 'x-api-key': KEYS.admin }]) {
      const response = await query('{ stores { id } }', headers);
      expect(response).toEqual({ status: 200, data: { stores: [{ id: 'shop-a' }, { id: 'shop-b' }] }, extensions: { cost: expect.any(Object) } });
    }
  });

  test('a GET with a key runs; CSRF prevention accepts the key header as proof of a preflight', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ stores { id } }')}`, { headers: { 'x-api-key': KEYS.storefront } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { stores: [{ id: 'shop-a' }] }, extensions: { cost: expect.any(Object) } });
    // Cacheable (server.cacheMaxAgeSeconds), but a shared cache keeps it for this key only.
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
    expect(response.headers.get('vary')).toMatch(/Authorization, X-Api-Key/);
  });
});

describe('what stays open', () => {
  test('GraphiQL and its assets: the page sends the key the user sets in its headers editor', async () => {
    const page = await fetch(gateway.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /src="(explorer\/[^"]+)"/.exec(html)![1];
    expect((await fetch(new URL(asset, gateway.url))).status).toBe(200);
  });

  test('a GET that mentions text/html but is run as an operation still needs a key', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ stores { id } }')}`, {
      headers: { accept: 'application/json, text/html;q=0.1', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="categraph"');
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('/healthz answers without a key, and names no stores', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('/metrics needs the key of a client whose stores are "*" (metrics describe every store)', async () => {
    const metricsUrl = gateway.url.replace('/graphql', '/metrics');
    expect((await fetch(metricsUrl)).status).toBe(401);
    const limited = await fetch(metricsUrl, { headers: bearer(KEYS.storefront) });
    expect(limited.status).toBe(403);
    expect(((await limited.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const full = await fetch(metricsUrl, { headers: bearer(KEYS.admin) });
    expect(full.status).toBe(200);
    expect(await full.text()).toContain('categraph_graphql_requests_total');
  });
});

describe('stores: a client reaches only its own', () => {
  test('a store outside the list is FORBIDDEN on that field; the other fields of the query still answer', async () => {
    const response = await query(
      `{
        a: store(id: "shop-a") { categories(first: 2) { nodes { name } } }
        b: store(id: "shop-b") { categories(first: 2) { nodes { name } } }
        c: categories(storeId: "shop-b") { totalCount }
      }`,
      bearer(KEYS.storefront),
    );
    expect(response.status).toBe(200);
    // `categories` is non-null, so its error nulls the whole data: the same query without it answers `a`.
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['b'],
        message: 'Client "storefront" may not reach store "shop-b"',
        extensions: expect.objectContaining({ code: 'FORBIDDEN', field: ['id'] }),
      }),
      expect.objectContaining({ path: ['c'], extensions: expect.objectContaining({ code: 'FORBIDDEN', field: ['storeId'] }) }),
    ]);
    const partial = await query(
      `{ a: store(id: "shop-a") { categories(first: 2) { nodes { name } } } b: store(id: "shop-b") { categories(first: 2) { nodes { name } } } }`,
      bearer(KEYS.storefront),
    );
    expect(partial.data.a.categories.nodes).toHaveLength(2);
    expect(partial.data.b).toBeNull();
    expect(partial.errors).toEqual([expect.objectContaining({ path: ['b'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  test('ids of another store are FORBIDDEN through category, node, nodes and store alike', async () => {
    const response = await query(
      `{
        mine: category(id: "${cat('shop-a')}") { name }
        theirs: category(id: "${cat('shop-b')}") { name }
        node(id: "${prod('shop-b')}") { id }
        nodes(ids: ["${prod('shop-a')}", "${prod('shop-b')}"]) { id }
        store(id: "shop-b") { id }
      }`,
      bearer(KEYS.storefront),
    );
    expect(response.data).toEqual({ mine: { name: 'Fruit' }, theirs: null, node: null, nodes: [{ id: prod('shop-a') }, null], store: null });
    const forbidden = response.errors!.map((error) => [error.path, error.extensions!.code]);
    expect(forbidden).toEqual(
      expect.arrayContaining([
        [['theirs'], 'FORBIDDEN'],
        [['node'], 'FORBIDDEN'],
        [['nodes', 1], 'FORBIDDEN'],
        [['store'], 'FORBIDDEN'],
      ]),
    );
    expect(response.errors).toHaveLength(4);
  });

  test("stores lists only the client's stores; an unknown store is FORBIDDEN to it too, so it cannot probe which exist", async () => {
    expect((await query('{ stores { id } }', bearer(KEYS.storefront))).data).toEqual({ stores: [{ id: 'shop-a' }] });
    const unknown = await query('{ categories(storeId: "nowhere") { totalCount } }', bearer(KEYS.storefront));
    expect(unknown.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  test('stores: "*" reaches every store; an unknown store is then STORE_NOT_FOUND', async () => {
    const response = await query(`{ a: category(id: "${cat('shop-a')}") { name } b: category(id: "${cat('shop-b')}") { name } }`, bearer(KEYS.admin));
    expect(response).toEqual({ status: 200, data: { a: { name: 'Fruit' }, b: { name: 'Fruit' } }, extensions: { cost: expect.any(Object) } });
    const unknown = await query('{ categories(storeId: "nowhere") { totalCount } }', bearer(KEYS.admin));
    expect(unknown.errors![0].extensions!.code).toBe('STORE_NOT_FOUND');
  });
});

describe('scopes: mutations need update_catalog, queries read_catalog', () => {
  test('a storefront key (read_catalog only) cannot mutate: 403 FORBIDDEN and no platform request', async () => {
    const before = productOrder();
    const response = await query(MOVE, bearer(KEYS.storefront), { input: { categoryId: cat('shop-a'), productId: prod('shop-a'), position: 3 } });
    expect(response.status).toBe(403);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: 'Client "storefront" lacks the update_catalog scope that a mutation needs', extensions: { code: 'FORBIDDEN' } }]);
    expect(emulator.server.log.all()).toHaveLength(0);
    expect(productOrder()).toEqual(before);
  });

  test('every mutation of the schema is refused to it, before its input is even looked at', async () => {
    const mutations = Object.values(
      buildGatewaySchema({ platforms: PLATFORMS.map((platform) => platform.graphqlName) })
        .getMutationType()!
        .getFields(),
    );
    expect(mutations.length).toBeGreaterThanOrEqual(8);
    for (const field of mutations) {
      const inputType = field.args.find((arg) => arg.name === 'input')!.type.toString();
      const response = await query(`mutation($input: ${inputType}) { ${field.name}(input: $input) { __typename } }`, bearer(KEYS.storefront), { input: {} });
      expect([field.name, response.status, response.errors?.[0].extensions?.code]).toEqual([field.name, 403, 'FORBIDDEN']);
    }
    expect(emulator.server.log.all()).toHaveLength(0);
  });

  test('a key with update_catalog mutates its store', async () => {
    const response = await query(MOVE, bearer(KEYS.merch), { input: { categoryId: cat('shop-a'), productId: prod('shop-a'), position: 0 } });
    expect(response).toEqual({ status: 200, data: { moveProduct: { assignment: { position: 0 }, userErrors: [] } }, extensions: { cost: expect.any(Object) } });
  });

  test("update_catalog does not reach past the client's stores: FORBIDDEN, nothing written", async () => {
    const move = await query(MOVE, bearer(KEYS.merch), { input: { categoryId: cat('shop-b'), productId: prod('shop-b'), position: 2 } });
    expect(move.data).toBeNull();
    expect(move.errors).toEqual([expect.objectContaining({ path: ['moveProduct'], extensions: expect.objectContaining({ code: 'FORBIDDEN', field: ['categoryId'] }) })]);
    // A product id naming a forbidden store fails the mutation too, rather than becoming a userError.
    const assign = await query(`mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code } } }`, bearer(KEYS.merch), {
      input: { categoryId: cat('shop-a'), productIds: [prod('shop-b')] },
    });
    expect(assign.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(emulator.server.log.all().filter((request) => request.method !== 'GET')).toEqual([]);
  });

  test('a client with update_catalog only may not query', async () => {
    const response = await query('{ stores { id } }', bearer(KEYS.importer));
    expect(response.status).toBe(403);
    expect(response.errors![0]).toEqual({ message: 'Client "importer" lacks the read_catalog scope that a query needs', extensions: { code: 'FORBIDDEN' } });
  });
});

describe('federation: _entities goes through the same checks', () => {
  let federated: TestGateway;
  beforeAll(async () => {
    federated = await startTestGateway({ clients: CLIENTS, stores: stores(), upstream: { rateLimit: false }, server: { federation: true } });
  });
  afterAll(() => federated.close());

  test("an entity of a store outside the client's list is FORBIDDEN in its own entry", async () => {
    const response = await postGraphQL(
      federated.url,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Category { name } } }`,
      {
        representations: [
          { __typename: 'Category', id: cat('shop-a') },
          { __typename: 'Category', id: cat('shop-b') },
        ],
      },
      bearer(KEYS.storefront),
    );
    expect(response.data).toEqual({ _entities: [{ name: 'Fruit' }, null] });
    expect(response.errors).toEqual([expect.objectContaining({ path: ['_entities', 1], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });
});

describe('logs', () => {
  test("one line per refused request and the client's name on each request line, never a key", async () => {
    await query('{ stores { id } }', { 'x-api-key': KEYS.admin });
    await query('{ stores { id } }', bearer(KEYS.storefront));
    await query('{ stores { id } }', { 'x-api-key': 'an-unknown-key-that-must-not-be-logged' });
    const lines = rawLog
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'graphql request', client: 'storefront' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request refused: no valid API key', reason: 'unknown', route: '/graphql' }));
    for (const secret of [...Object.values(KEYS), 'an-unknown-key-that-must-not-be-logged', ECWID_DEMO_TOKEN]) expect(rawLog).not.toContain(secret);
  });

  test("keys in a logged header or config object are redacted by the gateway's logger", () => {
    let out = '';
    const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => ((out += chunk.toString()), done()) }));
    logger.info({ req: { headers: { authorization: `Bearer ${KEYS.admin}`, 'x-api-key': KEYS.merch } }, config: { clients: [{ name: 'admin', key: KEYS.admin }] } }, 'careless');
    expect(out).toContain('careless');
    expect(out).not.toContain(KEYS.admin);
    expect(out).not.toContain(KEYS.merch);
  });

  test('without clients the gateway runs open and says so at startup', async () => {
    let out = '';
    const open = await startTestGateway(
      { stores: stores() },
      { logger: createLogger('info', new Writable({ write: (chunk, _encoding, done) => ((out += chunk.toString()), done()) })) },
    );
    try {
      const warning = out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .find((line) => line.level === 40);
      expect(warning?.msg).toMatch(/no clients configured: the gateway runs open/);
      expect((await postGraphQL(open.url, '{ stores { id } }')).data).toEqual({ stores: [{ id: 'shop-a' }, { id: 'shop-b' }] });
      expect(await (await fetch(open.url.replace('/graphql', '/healthz'))).json()).toEqual({ status: 'ok', stores: ['shop-a', 'shop-b'] });
    } finally {
      await open.close();
    }
    expect(rawLog).not.toMatch(/runs open/);
  });
});

describe('a bad clients section stops startup with the client and the field named', () => {
  const config =
    (clients: unknown, env: NodeJS.ProcessEnv = {}) =>
    () =>
      parseConfig({ clients, stores: [{ id: 'shop-a', platform: 'ecwid', baseUrl: 'https://app.ecwid.com/api/v3', storeId: '1', token: 't' }] }, 'stores.yaml', env);
  const client = (fields: Record<string, unknown> = {}) => ({ name: 'pos', key: 'k'.repeat(32), stores: '*', scopes: ['read_catalog'], ...fields });

  test.each<[string, unknown, string]>([
    [
      'an unknown scope',
      [client({ scopes: ['read_catalog', 'write_everything'] })],
      'stores.yaml: client "pos" (clients[0]), field "scopes.1": must be one of read_catalog, update_catalog',
    ],
    ['no scopes', [client({ scopes: [] })], 'client "pos" (clients[0]), field "scopes": must list at least one of read_catalog, update_catalog'],
    ['a duplicate name', [client(), client({ key: 'x'.repeat(32) })], 'client "pos" (clients[1]), field "name": duplicate client name "pos"'],
    ['a duplicate key', [client(), client({ name: 'web' })], 'client "web" (clients[1]), field "key": the same key as another client'],
    ['a short key', [client({ key: 'short' })], 'client "pos" (clients[0]), field "key": must be at least 16 characters'],
    ['a store that is not configured', [client({ stores: ['shop-a', 'shop-z'] })], 'client "pos" (clients[0]), field "stores.1": store "shop-z" is not configured'],
    ['"*" inside a list', [client({ stores: ['*'] })], 'store "*" is not configured (for every store write stores: "*", not a list)'],
    ['an empty list', [], 'field "clients": must list at least one client (leave `clients` out to run the gateway open)'],
    ['an unknown field', [client({ role: 'admin' })], 'client "pos" (clients[0])'],
  ])('%s', (_name, clients, message) => {
    expect(config(clients)).toThrow(ConfigError);
    expect(config(clients)).toThrow(message);
  });

  test('a missing ${VAR} for a key is named, and no message carries a key', () => {
    expect(config([client({ key: '${POS_KEY}' })])).toThrow('stores.yaml: client "pos" (clients[0]), field "key": environment variable POS_KEY is not set');
    const secret = 'a-secret-key-value-0123456789';
    let message = '';
    try {
      config([client({ key: secret }), client({ name: 'web', key: secret })])();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('the same key as another client');
    expect(message).not.toContain(secret);
  });
});

describeWithRedis('a client narrowed in the config finds none of the answers kept for it before', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(() => redis.kill());

  /** A gateway whose storefront client reaches these stores with these scopes, its answers kept in the shared Redis. */
  const start = (reach: { stores: string[]; scopes: string[] }) =>
    startGateway(
      parseConfig(
        {
          server: { port: 0 },
          redis: { url: redis.url, keyPrefix: 'narrowed:' },
          cache: { ttlSeconds: 300 },
          upstream: { rateLimit: false },
          clients: [{ name: 'storefront', key: KEYS.storefront, ...reach }],
          stores: stores(),
        },
        'test config',
      ),
    );
  const PAGE = `{ b: category(id: "${cat('shop-b')}") { name } stores { id } }`;

  test('restarted with fewer stores or scopes against the same Redis, the old answer is not served', async () => {
    const before = await start({ stores: ['shop-a', 'shop-b'], scopes: ['read_catalog'] });
    try {
      const first = await postGraphQL(before.url, PAGE, undefined, bearer(KEYS.storefront));
      expect(first.data).toEqual({ b: { name: 'Fruit' }, stores: [{ id: 'shop-a' }, { id: 'shop-b' }] });
      emulator.server.log.clear();
      expect((await postGraphQL(before.url, PAGE, undefined, bearer(KEYS.storefront))).data).toEqual(first.data);
      // Kept: the repeat asked nothing upstream.
      expect(emulator.server.log.all()).toHaveLength(0);
    } finally {
      await before.close();
    }

    const fewerStores = await start({ stores: ['shop-a'], scopes: ['read_catalog'] });
    try {
      const response = await postGraphQL(fewerStores.url, PAGE, undefined, bearer(KEYS.storefront));
      expect(response.data).toEqual({ b: null, stores: [{ id: 'shop-a' }] });
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    } finally {
      await fewerStores.close();
    }

    const noReads = await start({ stores: ['shop-a', 'shop-b'], scopes: ['update_catalog'] });
    try {
      const response = await postGraphQL(noReads.url, PAGE, undefined, bearer(KEYS.storefront));
      expect(response.status).toBe(403);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    } finally {
      await noReads.close();
    }
  });
});
