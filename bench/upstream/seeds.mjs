// What the scenarios need beyond the demo catalogs: a storefront tree of 1 + 20 + 200 categories and a
// category of exactly 50 products on every platform, and spare products for the merchandising mix's assigns.
const PAGE_SIZE = 50;
const POOL_SIZE = 50;

/** Ecwid's demo already has the Grocery tree; its Fruit department gets products up to 50. */
export function seedEcwid(catalog) {
  const byName = (name) => [...catalog.categories.values()].find((category) => category.name === name);
  const grocery = byName('Grocery');
  const fruit = byName('Fruit');
  const newProduct = (name, n) => catalog.addProduct({ sku: `BENCH-${name}-${n}`, name: `${name} ${n}`, price: 1 + n / 10, enabled: true }).id;
  const missing = PAGE_SIZE - fruit.productIds.length;
  catalog.assign(
    fruit.id,
    Array.from({ length: missing }, (_, n) => newProduct('Orchard Pick', n)),
  );
  const pool = Array.from({ length: POOL_SIZE }, (_, n) => newProduct('Seasonal Special', n));
  return {
    treeRootId: String(grocery.id),
    pageCategoryId: String(fruit.id),
    pageProductIds: fruit.productIds.map(String),
    poolProductIds: pool.map(String),
  };
}

/** SFCC's demo has the `storefront` tree; a `bench-page` root category gets 50 of its products. */
export function seedSfcc(catalog, { ROOT_CATEGORY_ID, STOREFRONT_CATEGORY_ID }) {
  catalog.createCategory('bench-page', { name: { default: 'Bench Page' }, parentId: ROOT_CATEGORY_ID, online: true });
  [...catalog.products.keys()].slice(0, PAGE_SIZE).forEach((productId, index) => catalog.putAssignment('bench-page', productId, index + 1));
  return { treeRootId: STOREFRONT_CATEGORY_ID, pageCategoryId: 'bench-page' };
}

/** Zaveit's demo is a small shop: a 20 × 10 storefront root and a 50-product category are added. */
export function seedZaveit(catalog, { ZAVEIT_DEMO_TENANT: tenant, buildProduct }) {
  const root = catalog.addCategory({ tenant, name: 'Bench Storefront' });
  for (let department = 0; department < 20; department++) {
    const departmentId = catalog.addCategory({ tenant, name: `Department ${department}`, parent: root });
    for (let leaf = 0; leaf < 10; leaf++) catalog.addCategory({ tenant, name: `Department ${department} aisle ${leaf}`, parent: departmentId });
  }
  const page = catalog.addCategory({ tenant, name: 'Bench Page' });
  const products = Array.from({ length: PAGE_SIZE }, (_, n) => catalog.addProduct(buildProduct({ tenant, name: `Bench Licence ${n}`, sku: `BENCH-${1000 + n}`, price: 100 + n })));
  catalog.addProducts(tenant, page, products);
  return { treeRootId: root, pageCategoryId: page };
}

/** BigCommerce's demo is a home and garden store: a 20 × 10 storefront root and a 50-product category are added to its tree. */
export function seedBigCommerce(catalog, { BIGCOMMERCE_DEMO_TREE_ID: treeId }) {
  const create = (items) => {
    const { applied, errors } = catalog.createCategories(items);
    if (applied.length !== items.length) throw new Error(`BigCommerce bench seed: ${JSON.stringify(errors)}`);
    return applied.map((category) => category.id);
  };
  const [root, page] = create([
    { name: 'Bench Storefront', tree_id: treeId, parent_id: 0 },
    { name: 'Bench Page', tree_id: treeId, parent_id: 0 },
  ]);
  const departments = create(Array.from({ length: 20 }, (_, n) => ({ name: `Department ${n}`, parent_id: root })));
  for (const [n, department] of departments.entries()) create(Array.from({ length: 10 }, (_, leaf) => ({ name: `Department ${n} aisle ${leaf}`, parent_id: department })));
  const products = Array.from({ length: PAGE_SIZE }, (_, n) => catalog.addProduct({ name: `Bench Lamp ${n}`, sku: `BENCH-${2000 + n}`, price: 20 + n, isVisible: true }).id);
  const failed = catalog.assign(products.map((productId) => ({ product_id: productId, category_id: page })));
  if (Object.keys(failed).length > 0) throw new Error(`BigCommerce bench seed: ${JSON.stringify(failed)}`);
  return { treeRootId: String(root), pageCategoryId: String(page) };
}
