import fc from 'fast-check';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { GraphQLResponse, postGraphQL } from '../support/gateway';

/**
 * Hostile arguments, generated: whatever a client sends as an id, a page argument, a name, a position,
 * an image or a federation representation, the gateway answers without INTERNAL_SERVER_ERROR or a 5xx,
 * and an id it refuses costs no platform request. Fixed seed and bounded runs: the same cases every run.
 */
let all: AllPlatforms;
beforeAll(async () => {
  all = await startAllPlatforms({ server: { federation: true, explorer: false } });
});
afterAll(() => all.close());

const SEED = 20_240_614;
const RUNS = 40;
const STORES = ['ecwid', 'sfcc', 'zaveit', 'bigcommerce'];
const ID_FIELDS = new Set(['id', 'ids', 'categoryId', 'productIds', 'productId', 'parentId', 'storeId']);

/** Native parts that broke, or could break, a parser or an encoder: lone surrogates, bad escapes, huge strings. */
const nativePart = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF\uDBFF', '%ED%A0%80', '%', '%E0%A4%A', '%00', '..', '.', ' x ', '0', '-1', '1e3', '9'.repeat(20), 'a/b', '\u0000'),
  fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }),
);
const hostileId = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .tuple(fc.constantFrom('Category', 'Product', 'Store', 'category', ''), fc.constantFrom(...STORES, 'nowhere', 'ECWID', '', '\uD800'), nativePart)
    .map(([type, store, native]) => `gid://categraph/${type}/${store}/${native}`),
);
const hostileCursor = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }).map((tail) => Buffer.from(`offset:${tail}`).toString('base64')),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => Buffer.from(`offset:${n}`).toString('base64')),
);
const hostileText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('', ' ', '\uD800', '\t\n'));
const hostileInt = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2_147_483_647, -2_147_483_648));
const hostileFloat = fc.double({ noNaN: true, noDefaultInfinity: true });
const representation = fc.oneof(
  fc.anything(),
  fc.record({ __typename: fc.constantFrom('Category', 'Product', 'Store', 'Query', ''), id: fc.oneof(hostileId, fc.anything()) }, { requiredKeys: [] }),
  fc.string({ unit: 'binary', minLength: 20_000, maxLength: 40_000 }).map((id) => ({ __typename: 'Category', id })),
);

type Refusal = { code?: string; field?: string[] | null; message: string };

/** The upstream requests every emulator received since the last call. */
function upstreamRequests(): number {
  const count = all.emulators().reduce((sum, emulator) => sum + emulator.server.log.all().length, 0);
  for (const emulator of all.emulators()) emulator.server.log.clear();
  return count;
}

/** Sends one operation; fails when anything answered INTERNAL_SERVER_ERROR or a 5xx. */
async function send(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  upstreamRequests();
  const response = await postGraphQL(all.gateway.url, query, variables);
  expect(response.status).toBeLessThan(500);
  expect(JSON.stringify(response)).not.toContain('INTERNAL_SERVER_ERROR');
  return response;
}

/** An id refusal: the id did not parse, named the wrong type or store, or no native id the platform could have. */
const isIdRefusal = (error: Refusal) =>
  (error.code === 'BAD_USER_INPUT' || error.code === 'STORE_NOT_FOUND') && (!error.field || ID_FIELDS.has(error.field.find((part) => part !== 'input') ?? ''));

const topLevel = (response: GraphQLResponse): Refusal[] => (response.errors ?? []).map((error) => ({ ...error, code: error.extensions?.code, field: error.extensions?.field }));

function expectNoRequestWhenEveryIdRefused(refusals: Refusal[], expected: number): void {
  if (refusals.length >= expected && refusals.every(isIdRefusal)) expect(upstreamRequests()).toBe(0);
}

const check = (property: fc.IAsyncProperty<[unknown]> | fc.IAsyncPropertyWithHooks<never>) => fc.assert(property as fc.IAsyncProperty<unknown[]>, { seed: SEED, numRuns: RUNS });

describe('generated hostile arguments never reach INTERNAL_SERVER_ERROR', () => {
  test('category(id) and node(id)', () =>
    check(
      fc.asyncProperty(hostileId, async (id) => {
        for (const query of ['query($id: ID!) { category(id: $id) { id name } }', 'query($id: ID!) { node(id: $id) { id } }']) {
          const response = await send(query, { id });
          expectNoRequestWhenEveryIdRefused(topLevel(response), 1);
        }
      }),
    ));

  test('nodes(ids)', () =>
    check(
      fc.asyncProperty(fc.array(hostileId, { minLength: 1, maxLength: 8 }), async (ids) => {
        const response = await send('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
        expectNoRequestWhenEveryIdRefused(topLevel(response), ids.length);
      }),
    ));

  test('_entities(representations) with federation on', () =>
    check(
      fc.asyncProperty(fc.array(representation, { minLength: 1, maxLength: 5 }), async (representations) => {
        const response = await send('query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Category { id name } ... on Product { id } } }', {
          r: representations,
        });
        const errors = topLevel(response);
        if (errors.length >= representations.length && errors.every((error) => error.code === 'BAD_USER_INPUT' || error.code === 'STORE_NOT_FOUND')) {
          expect(upstreamRequests()).toBe(0);
        }
      }),
    ));

  test('categories(storeId, parentId, first, after)', () =>
    check(
      fc.asyncProperty(
        fc.record({ storeId: fc.oneof(fc.constantFrom(...STORES), hostileText), parentId: fc.option(hostileId), first: fc.option(hostileInt), after: fc.option(hostileCursor) }),
        async (variables) => {
          const response = await send(
            'query($storeId: ID!, $parentId: ID, $first: Int, $after: String) { categories(storeId: $storeId, parentId: $parentId, first: $first, after: $after) { totalCount nodes { id } } }',
            variables,
          );
          expectNoRequestWhenEveryIdRefused(topLevel(response), 1);
        },
      ),
    ));

  test('assignProducts, unassignProducts and moveProduct inputs', () =>
    check(
      fc.asyncProperty(fc.record({ categoryId: hostileId, productIds: fc.array(hostileId, { minLength: 1, maxLength: 4 }), position: hostileInt }), async (input) => {
        const { categoryId, productIds, position } = input;
        const operations: Array<[string, string, Record<string, unknown>]> = [
          ['assignProducts', 'AssignProductsInput', { categoryId, productIds }],
          ['unassignProducts', 'UnassignProductsInput', { categoryId, productIds }],
          ['moveProduct', 'MoveProductInput', { categoryId, productId: productIds[0], position }],
        ];
        for (const [name, type, variables] of operations) {
          const response = await send(`mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code field message } } }`, { input: variables });
          const refusals: Refusal[] = [...topLevel(response), ...((response.data?.[name]?.userErrors as Refusal[] | undefined) ?? [])];
          // Ids are all checked before any request: one refused id means nothing was sent.
          if (refusals.some(isIdRefusal)) expect(upstreamRequests()).toBe(0);
        }
      }),
    ));

  test('createCategory, updateCategory, deleteCategory and the image mutations', () =>
    check(
      fc.asyncProperty(
        fc.record({
          storeId: fc.oneof(fc.constantFrom(...STORES), hostileText),
          categoryId: hostileId,
          name: hostileText,
          nativeId: fc.option(hostileText),
          parentId: fc.option(hostileId),
          description: fc.option(hostileText),
          position: fc.option(hostileFloat),
          image: fc.oneof(hostileText, fc.base64String({ maxLength: 200 }), fc.constantFrom('data:image/png;base64,', 'data:;base64,iVBORw0KGgo=')),
        }),
        async (input) => {
          const { storeId, categoryId, name, nativeId, parentId, description, position, image } = input;
          // Names, positions and descriptions may reach a platform (which may refuse them itself): only the answer's shape is checked.
          await send('mutation($input: CreateCategoryInput!) { createCategory(input: $input) { userErrors { code field } } }', {
            input: { storeId, name, nativeId, parentId, description, position },
          });
          await send('mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { userErrors { code field } } }', {
            input: { categoryId, name, parentId, description, position },
          });
          for (const [operation, type, extra] of [
            ['deleteCategory', 'DeleteCategoryInput', {}],
            ['deleteCategoryImage', 'DeleteCategoryImageInput', {}],
            ['setCategoryImage', 'SetCategoryImageInput', { imageBase64: image }],
          ] as const) {
            const response = await send(`mutation($input: ${type}!) { ${operation}(input: $input) { userErrors { code field message } } }`, { input: { categoryId, ...extra } });
            const refusals: Refusal[] = [...topLevel(response), ...((response.data?.[operation]?.userErrors as Refusal[] | undefined) ?? [])];
            if (refusals.some((refusal) => isIdRefusal(refusal) || refusal.field?.includes('imageBase64'))) expect(upstreamRequests()).toBe(0);
          }
        },
      ),
    ));
});
