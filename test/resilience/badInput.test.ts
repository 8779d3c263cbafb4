import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN } from '../../src/emulators/ecwid';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid, postGraphQL, startTestGateway } from '../support/gateway';

let all: AllPlatforms;
beforeAll(async () => {
  all = await startAllPlatforms();
});
afterAll(() => all.close());
beforeEach(() => {
  for (const emulator of all.emulators()) emulator.server.log.clear();
});
afterEach(() => {
  // The point of every case: nothing reached a platform.
  for (const emulator of all.emulators()) expect(emulator.server.log.all()).toHaveLength(0);
});

const ECWID_CATEGORY = gid('Category', 'ecwid', 9691001);
const SFCC_CATEGORY = gid('Category', 'sfcc', 'womens-clothing-dresses');
const ZAVEIT_CATEGORY = gid('Category', 'zaveit', '76a489e5-939a-4239-b166-4fbac4caf9fa');

async function post(body: string | Buffer, contentType = 'application/json') {
  const response = await fetch(all.gateway.url, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

const nested = (depth: number) => `{ category(id: "${SFCC_CATEGORY}") { ${'parent { '.repeat(depth)}name${' }'.repeat(depth)} } }`;

describe('operations refused before execution', () => {
  test.each<[string, string, string, RegExp]>([
    ['a depth bomb', nested(20), 'GRAPHQL_VALIDATION_FAILED', /depth/i],
    ['an alias bomb', `{ ${Array.from({ length: 60 }, (_, n) => `a${n}: category(id: "${ZAVEIT_CATEGORY}") { name }`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', /alias/i],
    ['a directive bomb', `{ stores { id ${'@include(if: true) '.repeat(50)} } }`, 'GRAPHQL_VALIDATION_FAILED', /directive/i],
    ['a token bomb', `{ stores { ${'id '.repeat(6000)} } }`, 'GRAPHQL_PARSE_FAILED', /more that 5000 tokens/],
    [
      'a fragment cycle',
      `{ category(id: "${ECWID_CATEGORY}") { ...A } } fragment A on Category { parent { ...B } } fragment B on Category { parent { ...A } }`,
      'GRAPHQL_VALIDATION_FAILED',
      /spread fragment "A" within itself/,
    ],
    [
      'a cost bomb of large pages',
      `{ categories(storeId: "ecwid", first: 500) { nodes { children(first: 500) { nodes { name } } } } }`,
      'BAD_USER_INPUT',
      /costs \d+, above the limit/,
    ],
    [
      'explicit null page sizes (a default page each, not a free one)',
      `{ categories(storeId: "sfcc", first: null) { nodes { children(first: null) { nodes { children(first: null) { nodes { name } } } } } } }`,
      'BAD_USER_INPUT',
      /costs \d+, above the limit/,
    ],
    [
      'a fragment fan-out (each fragment spreads the next twice)',
      `{ stores { ...F0 } } ${Array.from({ length: 20 }, (_, n) => `fragment F${n} on Store { ...F${n + 1} ...F${n + 1} }`).join(' ')} fragment F20 on Store { id }`,
      'GRAPHQL_VALIDATION_FAILED',
      /cannot be accepted/,
    ],
    ['a wrong argument type', `{ categories(storeId: "ecwid", first: "ten") { totalCount } }`, 'GRAPHQL_VALIDATION_FAILED', /Int/],
    ['an unknown field', `{ stores { id secrets } }`, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "secrets"/],
  ])('%s', async (_name, query, code, message) => {
    const { status, body } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions!.code).toBe(code);
    expect(body.errors![0].message).toMatch(message);
  });

  test.each([
    ['a variable of the wrong type', { f: 'ten' }],
    ['a missing required variable', {}],
  ])('%s is BAD_USER_INPUT', async (_name, variables) => {
    const { status, body } = await post(JSON.stringify({ query: 'query($f: Int!) { categories(storeId: "ecwid", first: $f) { totalCount } }', variables }));
    expect(status).toBe(400);
    expect(body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('a query text priced cheap with some variables is priced again with costlier ones', async () => {
    // Costs are remembered per document and variables, never per document alone.
    const query = 'query($f: Int!) { categories(storeId: "ecwid", first: $f) { nodes { children(first: $f) { nodes { children(first: $f) { nodes { name } } } } } } }';
    const cheap = await post(JSON.stringify({ query, variables: { f: 0 } }));
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    for (let attempt = 0; attempt < 2; attempt++) {
      const costly = await post(JSON.stringify({ query, variables: { f: 100 } }));
      expect(costly.status).toBe(400);
      expect(costly.body.errors![0].message).toMatch(/costs \d+, above the limit/);
    }
  });

  test('more than 100 ids in nodes', async () => {
    const ids = Array.from({ length: 101 }, (_, n) => gid('Category', 'ecwid', 9691001 + n));
    const { body } = await post(JSON.stringify({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } }));
    expect(body.errors![0]).toMatchObject({ message: 'nodes takes at most 100 ids a field, got 101: split them over several requests', extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('bad ids and unknown stores', async () => {
    const bad = await postGraphQL(all.gateway.url, `{ a: category(id: "gid://categraph/Category/ecwid/abc") { name } }`);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    for (const id of ['abc', '0', '-1', '1e3', '9'.repeat(16)]) {
      const badBigCommerce = await postGraphQL(all.gateway.url, `{ category(id: "gid://categraph/Category/bigcommerce/${id}") { name } }`);
      expect(badBigCommerce.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
    const store = await postGraphQL(all.gateway.url, `{ categories(storeId: "nowhere") { totalCount } }`);
    expect(store.errors![0].extensions!.code).toBe('STORE_NOT_FOUND');
  });

  /** 10 001 Ecwid product ids to assign, sent to a gateway in front of the suite's Ecwid emulator with the given upstream-request limit. */
  async function assignTooMany(maxUpstreamRequests: number) {
    const gateway = await startTestGateway({
      server: { limits: { maxUpstreamRequests } },
      stores: [{ id: 'ecwid', platform: 'ecwid', baseUrl: all.ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
    });
    try {
      return await gateway.query('mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code field message } } }', {
        input: { categoryId: ECWID_CATEGORY, productIds: Array.from({ length: 10_001 }, (_, n) => gid('Product', 'ecwid', n + 1)) },
      });
    } finally {
      await gateway.close();
    }
  }

  test('more than 10 000 product ids in a mutation, over the upstream-request limit: the estimate refuses the operation first', async () => {
    const huge = await assignTooMany(10);
    expect(huge.status).toBe(400);
    expect(huge.data).toBeUndefined();
    expect(huge.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', estimatedUpstreamRequests: expect.any(Number), maxUpstreamRequests: 10 });
  });

  test('more than 10 000 product ids in a mutation, within the upstream-request limit: the input rule answers', async () => {
    const huge = await assignTooMany(100_000);
    expect(huge.errors).toBeUndefined();
    expect(huge.data.assignProducts.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'productIds'], message: 'productIds may name at most 10000 products' }]);
  });
});

test('a deep tree written with one fragment per level is not refused for its fragments', async () => {
  const query = `{ category(id: "${SFCC_CATEGORY}") { ...L1 } }
    fragment L1 on Category { name parent { ...L2 } }
    fragment L2 on Category { name parent { ...L3 } }
    fragment L3 on Category { name children(first: 5) { nodes { name } } }`;
  const { status, body } = await post(JSON.stringify({ query }));
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  // This one is meant to reach SFCC: clear the log the afterEach hook checks.
  for (const emulator of all.emulators()) emulator.server.log.clear();
});

describe('requests refused at the HTTP layer', () => {
  test('malformed JSON is 400', async () => {
    const { status, body } = await post('{"query": "{ stores { id } }"');
    expect(status).toBe(400);
    expect(body.errors![0].extensions!.code).toBe('BAD_REQUEST');
  });

  test('a body over the limit is 413', async () => {
    const { status, body } = await post(JSON.stringify({ query: `{ stores { id } } # ${'x'.repeat(2 * 1024 * 1024)}` }));
    expect(status).toBe(413);
    expect(body.errors![0].extensions!.code).toBe('BAD_REQUEST');
  });

  test('a batch (a JSON array of operations) is refused: batching is off', async () => {
    const { status, body } = await post(JSON.stringify([{ query: '{ stores { id } }' }, { query: '{ stores { id } }' }]));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batching/i);
  });
});

test('field suggestions are off where introspection is off', async () => {
  const gateway = await startTestGateway({
    server: { introspection: false },
    stores: [{ id: 'z', platform: 'zaveit', baseUrl: all.zaveit.baseUrl, token: 'zaveit-demo-token' }],
  });
  try {
    const { errors } = await gateway.query('{ stores { idd } }');
    expect(errors![0].message).not.toMatch(/Did you mean/);
    const open = await all.gateway.query('{ stores { idd } }');
    expect(open.errors![0].message).toMatch(/Did you mean "id"/);
  } finally {
    await gateway.close();
  }
});

describe('cases the fuzz pass found (test/resilience/fuzzInputs.test.ts)', () => {
  test.each([
    ['a lone high surrogate in an SFCC native id', 'gid://categraph/Category/sfcc/a\uD800'],
    ['a lone low surrogate in a Zaveit native id', 'gid://categraph/Category/zaveit/\uDC00'],
    ['a lone surrogate in the store id', 'gid://categraph/Category/\uD800/1'],
  ])('%s is BAD_USER_INPUT', async (_name, id) => {
    for (const query of ['query($id: ID!) { category(id: $id) { id } }', 'query($id: ID!) { node(id: $id) { id } }']) {
      const { errors } = await postGraphQL(all.gateway.url, query, { id });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['id'] });
      expect(errors![0].message).toMatch(/lone surrogate/);
    }
    const deleted = await postGraphQL(all.gateway.url, 'mutation($id: ID!) { deleteCategory(input: { categoryId: $id }) { userErrors { code field } } }', { id });
    expect(deleted.data.deleteCategory.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'categoryId'] }]);
  });

  test('a lone surrogate in a new SFCC category nativeId or name is BAD_USER_INPUT', async () => {
    const { data } = await postGraphQL(all.gateway.url, 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { userErrors { code field } } }', {
      input: { storeId: 'sfcc', name: 'x\uDBFF', nativeId: 'new-\uD800' },
    });
    expect(data.createCategory.userErrors).toEqual(
      expect.arrayContaining([
        { code: 'BAD_USER_INPUT', field: ['input', 'name'] },
        { code: 'BAD_USER_INPUT', field: ['input', 'nativeId'] },
      ]),
    );
  });

  test('malformed federation representations are BAD_USER_INPUT, each in its own entry', async () => {
    const gateway = await startTestGateway({
      server: { federation: true, explorer: false },
      stores: [{ id: 'sfcc', platform: 'sfcc', baseUrl: all.sfcc.baseUrl, catalogId: 'storefront-catalog-m-en', token: 'x' }],
    });
    try {
      const representations = [
        'a string',
        {},
        { __typename: 'Category' },
        { __typename: 'Category', id: 7 },
        { __typename: 'Store', id: 'x' },
        { __typename: 'Category', id: 'x'.repeat(100_000) },
      ];
      const { data, errors } = await gateway.query('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: representations });
      expect(data._entities).toEqual(representations.map(() => null));
      expect(errors!.map((error) => [error.path, error.extensions!.code])).toEqual(representations.map((_, index) => [['_entities', index], 'BAD_USER_INPUT']));
    } finally {
      await gateway.close();
    }
  });
});
