import { CategoryPageDocument, StorefrontMenuDocument } from '../../examples/generated/graphql';
import { AllPlatforms, startAllPlatforms } from '../support/allPlatforms';
import { gid } from '../support/gateway';

let all: AllPlatforms;
beforeAll(async () => {
  all = await startAllPlatforms();
});
afterAll(() => all.close());

test.each(['ecwid', 'sfcc', 'zaveit', 'bigcommerce'])('%s answers the storefront menu (examples/storefrontMenu.graphql)', async (storeId) => {
  const { data, errors } = await all.gateway.query(StorefrontMenuDocument, { storeId });
  expect(errors).toBeUndefined();
  const roots = data.categories.nodes;
  expect(roots.length).toBeGreaterThan(1);
  expect(roots.some((root) => root.children.nodes.some((child) => child.children.nodes.length > 0))).toBe(true);
  for (const root of roots) expect(root.id).toMatch(new RegExp(`^gid://categraph/Category/${storeId}/`));
});

test.each([
  ['ecwid', '9691001'],
  ['sfcc', 'womens-clothing-dresses'],
  ['zaveit', '76a489e5-939a-4239-b166-4fbac4caf9fa'],
  // Frying Pans, below Kitchen › Cookware in the demo store.
  ['bigcommerce', '20'],
])('%s answers the category page (examples/categoryPage.graphql) with its breadcrumb and ordered products', async (storeId, categoryId) => {
  const { data, errors } = await all.gateway.query(CategoryPageDocument, { id: gid('Category', storeId, categoryId), first: 3 });
  expect(errors).toBeUndefined();
  const category = data.category!;
  expect(category.ancestors.length).toBeGreaterThan(0);
  expect(category.products.totalCount).toBeGreaterThan(0);
  category.products.nodes.forEach((node, index) => {
    expect(node.position).toBe(index);
    expect(node.product.name).toEqual(expect.any(String));
  });
});

test('stores { capabilities } tells the truth for each platform', async () => {
  const { data } = await all.gateway.query(`{ stores { id capabilities { moveProduct createCategory updateCategory deleteCategory categoryImages } } }`);
  expect(data.stores).toEqual([
    { id: 'ecwid', capabilities: { moveProduct: true, createCategory: true, updateCategory: true, deleteCategory: true, categoryImages: true } },
    { id: 'sfcc', capabilities: { moveProduct: true, createCategory: true, updateCategory: true, deleteCategory: true, categoryImages: false } },
    { id: 'zaveit', capabilities: { moveProduct: false, createCategory: false, updateCategory: false, deleteCategory: true, categoryImages: false } },
    { id: 'bigcommerce', capabilities: { moveProduct: true, createCategory: true, updateCategory: true, deleteCategory: true, categoryImages: true } },
  ]);
});
