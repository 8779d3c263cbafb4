import { ZAVEIT_DEMO_TENANT } from '../../src/emulators/zaveit';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid } from '../support/gateway';

let all: AllPlatforms;
beforeAll(async () => {
  // About 200 Ecwid requests in a second: the test is about locking, not Ecwid's quota.
  all = await startAllPlatforms({ upstream: { rateLimit: false } });
  // Each platform answers a little slowly, so the 50 mutations truly overlap.
  for (const emulator of all.emulators()) emulator.server.latencyMs = 3;
});
afterAll(() => all.close());

interface Platform {
  store: 'ecwid' | 'sfcc' | 'zaveit' | 'bigcommerce';
  categoryId: string;
  /** The category's products as the platform holds them, in order. */
  productsInCategory(): string[];
  allProducts(): string[];
  canMove: boolean;
}

const PLATFORMS: Platform[] = [
  {
    store: 'ecwid',
    categoryId: '9691001',
    productsInCategory: () => all.ecwid.catalog.categories.get(9691001)!.productIds.map(String),
    allProducts: () => [...all.ecwid.catalog.products.keys()].map(String),
    canMove: true,
  },
  {
    store: 'sfcc',
    categoryId: 'womens-clothing-dresses',
    productsInCategory: () => all.sfcc.catalog.productIdsOf('womens-clothing-dresses'),
    allProducts: () => all.sfcc.catalog.listProducts().map((product) => product.id),
    canMove: true,
  },
  {
    store: 'zaveit',
    categoryId: '76a489e5-939a-4239-b166-4fbac4caf9fa',
    productsInCategory: () => all.zaveit.catalog.category('76a489e5-939a-4239-b166-4fbac4caf9fa')!.productIds,
    allProducts: () => all.zaveit.catalog.productsOf(ZAVEIT_DEMO_TENANT).map((product) => product._id),
    canMove: false,
  },
  {
    store: 'bigcommerce',
    categoryId: '20',
    productsInCategory: () => all.bigcommerce.catalog.sortOrder(20).map((entry) => String(entry.product_id)),
    allProducts: () => [...all.bigcommerce.catalog.products.keys()].map(String),
    canMove: true,
  },
];

const ASSIGN = `mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code message } } }`;
const UNASSIGN = `mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) { userErrors { code message } } }`;
const MOVE = `mutation($input: MoveProductInput!) { moveProduct(input: $input) { userErrors { code message } } }`;

test.each(PLATFORMS)('$store: 50 concurrent assigns, moves and unassigns on one category lose nothing', async (platform) => {
  const { store } = platform;
  const categoryId = gid('Category', store, platform.categoryId);
  const outside = platform.allProducts().filter((id) => !platform.productsInCategory().includes(id));
  // Start from a category of 20 products so there is enough to move and unassign.
  const seeded = await all.gateway.query(ASSIGN, {
    input: { categoryId, productIds: outside.slice(0, 20 - platform.productsInCategory().length).map((id) => gid('Product', store, id)) },
  });
  expect(seeded.data.assignProducts.userErrors).toEqual([]);
  const base = platform.productsInCategory();
  expect(base).toHaveLength(20);

  const toAssign = outside.slice(20, 45);
  const toUnassign = base.slice(0, 10);
  const toMove = base.slice(10, 20);
  const mutations = [
    ...toAssign.map((id) => all.gateway.query(ASSIGN, { input: { categoryId, productIds: [gid('Product', store, id)] } })),
    ...toUnassign.map((id) => all.gateway.query(UNASSIGN, { input: { categoryId, productIds: [gid('Product', store, id)] } })),
    ...toMove.map((id, n) =>
      platform.canMove
        ? all.gateway.query(MOVE, { input: { categoryId, productId: gid('Product', store, id), position: (n * 7) % 20 } })
        : all.gateway.query(ASSIGN, { input: { categoryId, productIds: [gid('Product', store, id)] } }),
    ),
  ];
  expect(mutations).toHaveLength(45);
  const extra = outside.slice(45, 50);
  mutations.push(...extra.map((id) => all.gateway.query(ASSIGN, { input: { categoryId, productIds: [gid('Product', store, id)] } })));
  const answers = await Promise.all(mutations);

  for (const answer of answers) {
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data)[0]).toMatchObject({ userErrors: [] });
  }
  // Every answer said success, so the final state holds exactly their sum.
  const expected = new Set([...base.filter((id) => !toUnassign.includes(id)), ...toAssign, ...extra]);
  const final = platform.productsInCategory();
  expect(new Set(final)).toEqual(expected);
  expect(final).toHaveLength(expected.size);
});
