import { STOREFRONT_CATEGORY_ID } from '../../src/emulators/sfcc';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid } from '../support/gateway';

// The fewest upstream requests each operation shape needs, counted in the emulators' request logs.

let all: AllPlatforms;
beforeAll(async () => {
  all = await startAllPlatforms();
});
afterAll(() => all.close());
beforeEach(() => all.emulators().forEach((emulator) => emulator.server.log.clear()));

const requests = (storeId: 'ecwid' | 'sfcc' | 'zaveit') => all[storeId].server.log.all().length;
const ecwidCategory = (name: string) => [...all.ecwid.catalog.categories.values()].find((category) => category.name === name)!;

const TREE = `query($id: ID!) { category(id: $id) { name children(first: 20) { nodes { name children(first: 10) { nodes { name } } } } } }`;
const PAGE = `query($id: ID!) { category(id: $id) { name products(first: 50) { nodes { position product { name } } } } }`;

function namesIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + namesIn(item), 0);
  if (!value || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((sum, [key, item]) => sum + (key === 'name' && typeof item === 'string' ? 1 : namesIn(item)), 0);
}

describe('the storefront tree (1 + 20 + 200 categories)', () => {
  test('Ecwid: ≤ 3 requests, the store listed 100 categories a request instead of one request per parent', async () => {
    const { data, errors } = await all.gateway.query(TREE, { id: gid('Category', 'ecwid', ecwidCategory('Grocery').id) });
    expect(errors).toBeUndefined();
    expect(namesIn(data)).toBe(221);
    expect(requests('ecwid')).toBeLessThanOrEqual(3);
    expect(all.ecwid.server.log.all().every((entry) => entry.path.endsWith('/categories') && entry.query.parent === undefined)).toBe(true);
  });

  test('SFCC: ≤ 2 requests (levels)', async () => {
    const { data, errors } = await all.gateway.query(TREE, { id: gid('Category', 'sfcc', STOREFRONT_CATEGORY_ID) });
    expect(errors).toBeUndefined();
    expect(namesIn(data)).toBe(221);
    expect(requests('sfcc')).toBeLessThanOrEqual(2);
  });

  test('Ecwid: a store over categoryIndexMaxTotal is read one parent a request, and answers the same', async () => {
    const { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN } = await import('../../src/emulators/ecwid');
    const { startTestGateway } = await import('../support/gateway');
    const small = await startTestGateway({
      upstream: { rateLimit: false },
      stores: [{ id: 'ecwid', platform: 'ecwid', baseUrl: all.ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN, categoryIndexMaxTotal: 100 }],
    });
    try {
      const id = gid('Category', 'ecwid', ecwidCategory('Grocery').id);
      const { data, errors } = await small.query(TREE, { id });
      expect(errors).toBeUndefined();
      expect(data).toEqual((await all.gateway.query(TREE, { id })).data);
      const parents = all.ecwid.server.log.all().filter((entry) => entry.query.parent !== undefined);
      expect(parents).toHaveLength(21);
    } finally {
      await small.close();
    }
  });
});

test('Ecwid: 20 categories by id with their parents in ≤ 3 requests', async () => {
  const departments = [...all.ecwid.catalog.categories.values()].filter((category) => category.parentId === ecwidCategory('Grocery').id);
  const leaves = departments.map((department) => [...all.ecwid.catalog.categories.values()].find((category) => category.parentId === department.id)!);
  const ids = leaves.map((leaf) => gid('Category', 'ecwid', leaf.id));
  expect(ids).toHaveLength(20);
  const { data, errors } = await all.gateway.query(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Category { name parent { name } } } }`, { ids });
  expect(errors).toBeUndefined();
  expect(data.nodes.map((node: any) => node.parent.name)).toEqual(departments.map((department) => department.name));
  expect(requests('ecwid')).toBeLessThanOrEqual(3);
});

test.each([
  ['ecwid', '9691001'],
  ['sfcc', 'womens-clothing-dresses'],
  ['zaveit', '76a489e5-939a-4239-b166-4fbac4caf9fa'],
] as const)('%s: a category page (the category and its products with names) in ≤ 2 requests', async (storeId, categoryId) => {
  const { data, errors } = await all.gateway.query(PAGE, { id: gid('Category', storeId, categoryId) });
  expect(errors).toBeUndefined();
  expect(data.category.products.nodes.length).toBeGreaterThan(0);
  expect(data.category.products.nodes.every((node: any) => typeof node.product.name === 'string')).toBe(true);
  expect(requests(storeId)).toBeLessThanOrEqual(2);
});

test('identical operations in flight at once share their upstream reads', async () => {
  all.ecwid.server.latencyMs = 100;
  try {
    const id = gid('Category', 'ecwid', '9691001');
    const answers = await Promise.all(Array.from({ length: 5 }, () => all.gateway.query(PAGE, { id })));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(requests('ecwid')).toBe(2);
  } finally {
    all.ecwid.server.latencyMs = 0;
  }
});
