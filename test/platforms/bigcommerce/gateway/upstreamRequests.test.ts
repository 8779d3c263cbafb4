import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIGCOMMERCE_STORE, BigCommerceHarness, startBigCommerceHarness } from '../../../support/bigcommerceGateway';
import { addProducts, assign } from '../../../support/bigcommerceEmulatorClient';
import { gid } from '../../../support/gateway';

let h: BigCommerceHarness;
beforeAll(async () => {
  h = await startBigCommerceHarness();
});
afterAll(() => h.close());
beforeEach(() => h.emulator.server.log.clear());

const example = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', `${name}.graphql`), 'utf8');
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;
const cat = (id: number) => gid('Category', BIGCOMMERCE_STORE, id);
/** A node of the answers these tests read: a name, and the tree fields some of them select. */
interface Named {
  name: string;
  parent: Named;
  children: { nodes: Named[] };
  product: Named;
}
const requests = () => h.emulator.server.log.all().map((r) => r.path.replace(/^\/stores\/\w+\/v3/, ''));

describe('upstream requests per operation (no N+1)', () => {
  test('a storefront tree (a category, 20 children, 10 grandchildren each) is one read of the whole tree', async () => {
    const { data, errors } = await h.gateway.query(`{
      category(id: "${cat(byName('Kitchen').id)}") {
        name
        children(first: 20) { nodes { name children(first: 10) { nodes { name } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.category.children.nodes.map((n: Named) => n.name)).toEqual(['Kitchen Textiles', 'Appliances', 'Storage', 'Tableware', 'Cookware']);
    expect(data.category.children.nodes[4].children.nodes.map((n: Named) => n.name)).toEqual(['Frying Pans', 'Saucepans', 'Dutch Ovens', 'Bakeware']);
    // 92 categories: one page of the flat listing holds them all.
    expect(requests()).toEqual(['/catalog/trees/categories']);
  });

  test('the storefront menu example (every root, two levels below) is the same one read', async () => {
    const { data, errors } = await h.gateway.query(example('storefrontMenu'), { storeId: BIGCOMMERCE_STORE });
    expect(errors).toBeUndefined();
    expect(data.categories.nodes).toHaveLength(7);
    expect(data.categories.nodes.flatMap((n: Named) => n.children.nodes.flatMap((c: Named) => c.children.nodes)).length).toBeGreaterThan(60);
    expect(requests()).toEqual(['/catalog/trees/categories']);
  });

  test('20 categories by id with their parents: at most 2 requests', async () => {
    const leaves = [...h.emulator.catalog.categories.values()]
      .filter((c) => c.treeId === 1 && c.parentId !== 0 && ![...h.emulator.catalog.categories.values()].some((x) => x.parentId === c.id))
      .slice(0, 20);
    expect(leaves).toHaveLength(20);
    const ids = leaves.map((c) => `"${cat(c.id)}"`).join(', ');
    const withParents = await h.gateway.query(`{ nodes(ids: [${ids}]) { ... on Category { name parent { name } } } }`);
    expect(withParents.errors).toBeUndefined();
    expect(withParents.data.nodes.map((n: Named) => n.parent.name)).toEqual(leaves.map((c) => h.emulator.catalog.categories.get(c.parentId)!.name));
    // At most 2 asked; parent is a tree field, so the whole tree's one read answers all 40.
    expect(requests()).toEqual(['/catalog/trees/categories']);

    // Without a tree field: one flat read by id.
    h.emulator.server.log.clear();
    const alone = await h.gateway.query(`{ nodes(ids: [${ids}]) { ... on Category { name } } }`);
    expect(alone.data.nodes.map((n: Named) => n.name)).toEqual(leaves.map((c) => c.name));
    expect(h.emulator.server.log.all()).toHaveLength(1);
    expect(h.emulator.server.log.all()[0].query['category_id:in'].split(',')).toHaveLength(20);
  });

  test('a category page with 50 product names (and its breadcrumb): at most 3 requests', async () => {
    const shopAll = byName('Shop All');
    // Shop All holds 40 demo products; 30 more make a category larger than the page.
    assign(h.emulator, shopAll.id, addProducts(h.emulator, 30));
    const page = await h.gateway.query(`{ category(id: "${cat(shopAll.id)}") { name products(first: 50) { totalCount nodes { position product { name } } } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.data.category.products.totalCount).toBe(70);
    expect(page.data.category.products.nodes).toHaveLength(50);
    expect(page.data.category.products.nodes.every((n: Named) => typeof n.product.name === 'string')).toBe(true);
    expect(requests()).toEqual(['/catalog/trees/categories', `/catalog/categories/${shopAll.id}/products/sort-order`, '/catalog/products']);

    // The example's page adds the breadcrumb (ancestors): the tree's one read stands in for the category's.
    h.emulator.server.log.clear();
    const crumbs = await h.gateway.query(example('categoryPage'), { id: cat(byName('Frying Pans').id) });
    expect(crumbs.errors).toBeUndefined();
    expect(crumbs.data.category.ancestors.map((a: Named) => a.name)).toEqual(['Kitchen', 'Cookware']);
    expect(requests()).toHaveLength(3);
  });

  test('20 categories with their parents and product names: one listing, one order read each, one batch of names', async () => {
    const { data, errors } = await h.gateway.query(`{
      categories(storeId: "${BIGCOMMERCE_STORE}", first: 20) {
        nodes { name parent { name } products(first: 10) { nodes { position product { name } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.categories.nodes).toHaveLength(20);
    const log = h.emulator.server.log;
    expect(log.count({ path: /\/catalog\/trees\/categories$/ })).toBe(1);
    // BigCommerce has no batch read of product orders: one per category.
    expect(log.count({ path: /\/sort-order$/ })).toBe(20);
    expect(log.count({ path: /\/catalog\/products$/ })).toBe(1);
  });

  test('the same category asked for twice in one operation is read once', async () => {
    const id = cat(byName('Saucepans').id);
    await h.gateway.query(`{ a: category(id: "${id}") { name } b: category(id: "${id}") { name products { totalCount } } c: node(id: "${id}") { id } }`);
    expect(requests()).toEqual(['/catalog/trees/categories', `/catalog/categories/${byName('Saucepans').id}/products/sort-order`]);
  });

  test('identical listings in one operation are read once', async () => {
    await h.gateway.query(
      `{ a: categories(storeId: "${BIGCOMMERCE_STORE}", rootsOnly: true) { totalCount } b: categories(storeId: "${BIGCOMMERCE_STORE}", rootsOnly: true) { nodes { name } } }`,
    );
    expect(requests()).toHaveLength(1);
  });
});
