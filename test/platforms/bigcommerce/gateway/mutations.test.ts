import { AssignProductsDocument, MoveProductDocument } from '../../../../examples/generated/graphql';
import { bigcommerce } from '../../../../src/platforms/bigcommerce';
import { addProducts } from '../../../support/bigcommerceEmulatorClient';
import { BIGCOMMERCE_STORE, BigCommerceHarness, startBigCommerceHarness } from '../../../support/bigcommerceGateway';
import { gid } from '../../../support/gateway';

let h: BigCommerceHarness;
beforeEach(async () => {
  h = await startBigCommerceHarness();
});
afterEach(() => h.close());

const cat = (id: number) => gid('Category', BIGCOMMERCE_STORE, id);
const prod = (id: number) => gid('Product', BIGCOMMERCE_STORE, id);
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;
/** The category's products in BigCommerce's order. */
const orderOf = (categoryId: number) => h.emulator.catalog.sortOrder(categoryId).map((entry) => entry.product_id);
const unassignedProducts = (count: number, categoryId: number) => {
  const inCategory = new Set(orderOf(categoryId));
  return [...h.emulator.catalog.products.keys()].filter((id) => !inCategory.has(id)).slice(0, count);
};
const writes = (method: string, path: RegExp) => h.emulator.server.log.all().filter((r) => r.method === method && path.test(r.path));

const ASSIGN = AssignProductsDocument;
const MOVE = MoveProductDocument;

describe('assignProducts on BigCommerce', () => {
  test('appends in input order; an already-assigned product keeps its place; duplicates count once', async () => {
    const leaf = byName('Saucepans'); // numbered 0..3
    const before = orderOf(leaf.id);
    const [p1, p2] = unassignedProducts(2, leaf.id);
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(p2), prod(before[0]), prod(p1), prod(p2)] } });
    const payload = data.assignProducts;
    expect(payload.userErrors).toEqual([]);
    expect(orderOf(leaf.id)).toEqual([...before, p2, p1]);
    expect(payload.assignments).toMatchObject([
      { position: 0, product: { nativeId: String(before[0]) } },
      { position: 4, product: { nativeId: String(p2) } },
      { position: 5, product: { nativeId: String(p1) } },
    ]);
    // The payload reads the state after the write.
    expect(payload.category!.products.nodes.map((n: { product: { nativeId: string } }) => Number(n.product.nativeId))).toEqual([...before, p2, p1]);
    expect(writes('PUT', /category-assignments$/).map((r) => r.body)).toEqual([
      [
        { product_id: p2, category_id: leaf.id },
        { product_id: p1, category_id: leaf.id },
      ],
    ]);
    // The newcomers go after the largest sort_order, in input order.
    expect(writes('PUT', /sort-order$/).map((r) => r.body)).toEqual([
      [
        { product_id: p2, sort_order: 4 },
        { product_id: p1, sort_order: 5 },
      ],
    ]);
  });

  test('in a category without sort_orders (newest first), newcomers still land last: the whole list is numbered', async () => {
    const leaf = byName('Frying Pans'); // all null
    const before = orderOf(leaf.id);
    // A newer product: without a sort_order it would be listed first (newest first among the nulls).
    const [p1] = unassignedProducts(1, leaf.id);
    expect(p1).toBeGreaterThan(Math.max(...before));
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(p1)] } });
    expect(data.assignProducts.userErrors).toEqual([]);
    expect(orderOf(leaf.id)).toEqual([...before, p1]);
    expect(data.assignProducts.assignments).toMatchObject([{ position: before.length, product: { nativeId: String(p1) } }]);
  });

  test('a missing product is a PRODUCT_NOT_FOUND userError at its index; the others are still assigned', async () => {
    const leaf = byName('Dutch Ovens');
    const [p1] = unassignedProducts(1, leaf.id);
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(999999), prod(p1)] } });
    expect(data.assignProducts.userErrors).toEqual([
      { code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '0'], message: 'Product 999999 does not exist', retryable: false },
    ]);
    expect(data.assignProducts.assignments).toMatchObject([{ position: 4, product: { nativeId: String(p1) } }]);
    // Found missing before the write: BigCommerce would have refused the whole batch for it.
    expect(writes('PUT', /category-assignments$/).map((r) => r.body)).toEqual([[{ product_id: p1, category_id: leaf.id }]]);
  });

  test('a product deleted between the check and the write fails alone: the batch is sent again without it', async () => {
    const leaf = byName('Bakeware');
    const [gone, kept] = unassignedProducts(2, leaf.id);
    const assign = h.emulator.catalog.assign.bind(h.emulator.catalog);
    let first = true;
    h.emulator.catalog.assign = (items) => {
      if (first) h.emulator.catalog.products.delete(gone);
      first = false;
      return assign(items);
    };
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(gone), prod(kept)] } });
    expect(data.assignProducts.userErrors).toMatchObject([{ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '0'] }]);
    expect(data.assignProducts.assignments).toMatchObject([{ position: 4, product: { nativeId: String(kept) } }]);
    expect(writes('PUT', /category-assignments$/).map((r) => (r.body as unknown[]).length)).toEqual([2, 1]);
  });

  test('more than 250 products are sent 250 a request', async () => {
    const leaf = byName('Plates');
    const extra = addProducts(h.emulator, 260);
    const { data } = await h.gateway.query(`mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code } assignments { position } } }`, {
      input: { categoryId: cat(leaf.id), productIds: extra.map(prod) },
    });
    expect(data.assignProducts.userErrors).toEqual([]);
    expect(data.assignProducts.assignments).toHaveLength(260);
    expect(writes('PUT', /category-assignments$/).map((r) => (r.body as unknown[]).length)).toEqual([250, 10]);
    expect(orderOf(leaf.id).slice(-260)).toEqual(extra);
  });

  test("the explorer's example runs on the demo catalog as its comment says", async () => {
    const [example] = bigcommerce.explorerExamples!;
    const { data, errors } = await h.gateway.query(example.replaceAll('bigcommerce-demo', BIGCOMMERCE_STORE));
    expect(errors).toBeUndefined();
    expect(byName('Saucepans').id).toBe(21);
    expect(data.assignProducts).toEqual({
      assignments: [
        { position: 4, product: { name: 'Modern Frying Pan' } },
        { position: 5, product: { name: 'Classic Frying Pan' } },
      ],
      userErrors: [{ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '2'], message: 'Product 999999 does not exist' }],
    });
  });

  test('an unknown category is CATEGORY_NOT_FOUND and nothing is written', async () => {
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(424242), productIds: [prod(80)] } });
    expect(data.assignProducts.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
    expect(h.emulator.server.log.count({ method: 'PUT' })).toBe(0);
  });
});

describe('unassignProducts on BigCommerce', () => {
  test('removes; a product that was not assigned is no error', async () => {
    const leaf = byName('Saucepans');
    const [first, second, ...rest] = orderOf(leaf.id);
    const { data } = await h.gateway.query(
      `mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) {
        unassignedProductIds category { products(first: 50) { totalCount } } userErrors { code } } }`,
      { input: { categoryId: cat(leaf.id), productIds: [prod(second), prod(999999), prod(second)] } },
    );
    expect(data.unassignProducts.userErrors).toEqual([]);
    expect(data.unassignProducts.unassignedProductIds).toEqual([prod(second), prod(999999)]);
    expect(orderOf(leaf.id)).toEqual([first, ...rest]);
    expect(data.unassignProducts.category.products.totalCount).toBe(rest.length + 1);
    // Only what was there is deleted.
    expect(writes('DELETE', /category-assignments$/).map((r) => r.query)).toEqual([{ 'product_id:in': String(second), 'category_id:in': String(leaf.id) }]);
  });

  test('an unknown category is CATEGORY_NOT_FOUND', async () => {
    const { data } = await h.gateway.query(`mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) { userErrors { code field } } }`, {
      input: { categoryId: cat(424242), productIds: [prod(80)] },
    });
    expect(data.unassignProducts.userErrors).toEqual([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
  });
});

describe('moveProduct on BigCommerce', () => {
  test('moves to a zero-based index, the others keep their order, the renumbered list is written once', async () => {
    const leaf = byName('Shop All'); // half numbered, half not
    const [a, b, c, d, ...rest] = orderOf(leaf.id);
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(a), position: 2 } });
    expect(data.moveProduct.userErrors).toEqual([]);
    expect(data.moveProduct.assignment).toMatchObject({ position: 2, product: { nativeId: String(a) } });
    const expected = [b, c, a, d, ...rest];
    expect(orderOf(leaf.id)).toEqual(expected);
    expect(data.moveProduct.category!.products.nodes.map((n: { product: { nativeId: string } }) => Number(n.product.nativeId))).toEqual(expected);
    const puts = writes('PUT', /sort-order$/);
    expect(puts).toHaveLength(1);
    // Every product now holds its rank as its sort_order.
    expect(h.emulator.catalog.sortOrder(leaf.id).map((entry) => entry.sort_order)).toEqual(expected.map((_, index) => index));
  });

  test('at or past the end moves the product last', async () => {
    const leaf = byName('Saucepans');
    const [a, ...rest] = orderOf(leaf.id);
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(a), position: 1000 } });
    expect(data.moveProduct.assignment!.position).toBe(rest.length);
    expect(orderOf(leaf.id)).toEqual([...rest, a]);
  });

  test('negative positions and products not in the category are userErrors; nothing is written', async () => {
    const leaf = byName('Saucepans');
    const before = orderOf(leaf.id);
    const negative = await h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(before[0]), position: -1 } });
    expect(negative.data.moveProduct.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'position'] }]);
    const notAssigned = await h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(999999), position: 0 } });
    expect(notAssigned.data.moveProduct.userErrors).toMatchObject([{ code: 'ASSIGNMENT_NOT_FOUND', field: ['input', 'productId'] }]);
    const missing = await h.gateway.query(MOVE, { input: { categoryId: cat(424242), productId: prod(before[0]), position: 0 } });
    expect(missing.data.moveProduct.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
    expect(orderOf(leaf.id)).toEqual(before);
    expect(h.emulator.server.log.count({ method: 'PUT' })).toBe(0);
  });

  test('the move is verified: when another client rewrites the order right after, the gateway moves again', async () => {
    const leaf = byName('Saucepans');
    const original = orderOf(leaf.id);
    const [a, b, c, ...rest] = original;
    const setSortOrder = h.emulator.catalog.setSortOrder.bind(h.emulator.catalog);
    let rewrites = 0;
    // Another BigCommerce client writes the original order back just after the gateway's first write.
    h.emulator.catalog.setSortOrder = (id, items) => {
      const problem = setSortOrder(id, items);
      if (rewrites++ === 0)
        setSortOrder(
          id,
          original.map((product_id, sort_order) => ({ product_id, sort_order })),
        );
      return problem;
    };
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(c), position: 0 } });
    expect(data.moveProduct.userErrors).toEqual([]);
    expect(data.moveProduct.assignment).toMatchObject({ position: 0, product: { nativeId: String(c) } });
    expect(orderOf(leaf.id)).toEqual([c, a, b, ...rest]);
    expect(writes('PUT', /sort-order$/)).toHaveLength(2);
  });

  test('an order that keeps changing elsewhere is CONFLICT (retryable) after three tries', async () => {
    const leaf = byName('Saucepans');
    const original = orderOf(leaf.id);
    const setSortOrder = h.emulator.catalog.setSortOrder.bind(h.emulator.catalog);
    h.emulator.catalog.setSortOrder = (id, items) => {
      const problem = setSortOrder(id, items);
      setSortOrder(
        id,
        original.map((product_id, sort_order) => ({ product_id, sort_order })),
      );
      return problem;
    };
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(original[3]), position: 0 } });
    expect(data.moveProduct.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect(writes('PUT', /sort-order$/)).toHaveLength(3);
  });

  test('concurrent moves and assigns on one category never undo one another', async () => {
    const leaf = byName('Shop All');
    const original = orderOf(leaf.id);
    const newcomers = unassignedProducts(10, leaf.id);
    // Slow sort-order writes: without the per-category lock, an assign would land between a move's read and
    // its write, and the newcomer would keep no sort_order, or a move would be lost.
    h.emulator.server.latencyMs = 2;
    h.emulator.server.injectFault({ method: 'PUT', path: `/catalog/categories/${leaf.id}/products/sort-order`, delayMs: 20 });
    const moves = original
      .slice(0, 12)
      .map((productId, index) => h.gateway.query(MOVE, { input: { categoryId: cat(leaf.id), productId: prod(productId), position: (index * 7) % original.length } }));
    const assigns = newcomers.map((productId) => h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(productId)] } }));
    const answers = await Promise.all([...moves, ...assigns]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    for (const answer of answers) expect(Object.values(answer.data)[0]).toMatchObject({ userErrors: [] });
    const final = orderOf(leaf.id);
    expect([...final].sort()).toEqual([...original, ...newcomers].sort());
  });
});

describe('category writes on BigCommerce', () => {
  const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) {
    category { id nativeId name description enabled position url parent { name } } userErrors { code field message } } }`;
  const UPDATE = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) {
    category { name description enabled position parent { name } } userErrors { code field message } } }`;
  const DELETE = `mutation($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedCategoryId userErrors { code field } } }`;

  test('createCategory makes it under its parent, in the store’s tree, and answers it', async () => {
    const cookware = byName('Cookware');
    const { data } = await h.gateway.query(CREATE, {
      input: { storeId: BIGCOMMERCE_STORE, name: 'Woks', parentId: cat(cookware.id), description: '<p>Round</p>', enabled: false, position: 5 },
    });
    expect(data.createCategory.userErrors).toEqual([]);
    const created = data.createCategory.category;
    expect(created).toMatchObject({ name: 'Woks', description: '<p>Round</p>', enabled: false, position: 5, url: '/kitchen/cookware/woks/', parent: { name: 'Cookware' } });
    expect(h.emulator.catalog.categories.get(Number(created.nativeId))).toMatchObject({ name: 'Woks', parentId: cookware.id, treeId: 1, isVisible: false });
    expect(created.id).toBe(cat(Number(created.nativeId)));
    expect(writes('POST', /\/catalog\/trees\/categories$/).map((r) => r.body)).toEqual([
      [{ name: 'Woks', tree_id: 1, parent_id: cookware.id, description: '<p>Round</p>', is_visible: false, sort_order: 5 }],
    ]);
  });

  test('createCategory without a parent makes a root of the store’s tree', async () => {
    const { data } = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'Gifts' } });
    expect(data.createCategory).toMatchObject({ category: { name: 'Gifts', parent: null, enabled: true }, userErrors: [] });
    expect(h.emulator.catalog.categories.get(Number(data.createCategory.category.nativeId))).toMatchObject({ parentId: 0, treeId: 1 });
  });

  test('createCategory refuses a missing parent, a parent in another tree and a sibling’s name', async () => {
    const missing = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'X', parentId: cat(424242) } });
    expect(missing.data.createCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'parentId'] }]);
    const elsewhere = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'X', parentId: cat(byName('Bulk Buys').id) } });
    expect(elsewhere.data.createCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'parentId'] }]);
    const taken = await h.gateway.query(CREATE, { input: { storeId: BIGCOMMERCE_STORE, name: 'Saucepans', parentId: cat(byName('Cookware').id) } });
    expect(taken.data.createCategory.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'name'], message: 'BigCommerce refused the input: A sibling category is already named "Saucepans"' },
    ]);
    expect([...h.emulator.catalog.categories.values()].filter((c) => c.name === 'X')).toHaveLength(0);
  });

  test('updateCategory changes only the fields given; parentId null makes it a root', async () => {
    const leaf = byName('Saucepans');
    const { data } = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), name: 'Pots & Saucepans', enabled: false } });
    expect(data.updateCategory).toEqual({
      category: { name: 'Pots & Saucepans', description: null, enabled: false, position: 0, parent: { name: 'Cookware' } },
      userErrors: [],
    });
    expect(writes('PUT', /\/catalog\/trees\/categories$/).map((r) => r.body)).toEqual([[{ category_id: leaf.id, name: 'Pots & Saucepans', is_visible: false }]]);
    const moved = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), parentId: null } });
    expect(moved.data.updateCategory.category.parent).toBeNull();
    expect(h.emulator.catalog.categories.get(leaf.id)!.parentId).toBe(0);
  });

  test('updateCategory: unknown category, unknown parent, a fractional position are userErrors', async () => {
    const leaf = byName('Saucepans');
    const missing = await h.gateway.query(UPDATE, { input: { categoryId: cat(424242), name: 'X' } });
    expect(missing.data.updateCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
    const parent = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), parentId: cat(424242) } });
    expect(parent.data.updateCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'parentId'] }]);
    const fractional = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), position: 1.5 } });
    expect(fractional.data.updateCategory.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'position'] }]);
    const underItself = await h.gateway.query(UPDATE, { input: { categoryId: cat(byName('Cookware').id), parentId: cat(leaf.id) } });
    expect(underItself.data.updateCategory.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'parentId'] }]);
  });

  test('deleteCategory removes it with its subcategories; deleting it again is CATEGORY_NOT_FOUND', async () => {
    const cookware = byName('Cookware');
    const { data } = await h.gateway.query(DELETE, { input: { categoryId: cat(cookware.id) } });
    expect(data.deleteCategory).toEqual({ deletedCategoryId: cat(cookware.id), userErrors: [] });
    expect(h.emulator.catalog.categories.has(cookware.id)).toBe(false);
    expect([...h.emulator.catalog.categories.values()].some((c) => c.parentId === cookware.id)).toBe(false);
    const again = await h.gateway.query(DELETE, { input: { categoryId: cat(cookware.id) } });
    expect(again.data.deleteCategory).toEqual({ deletedCategoryId: null, userErrors: [{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }] });
    expect(writes('DELETE', /\/catalog\/trees\/categories$/)).toHaveLength(1);
    const read = await h.gateway.query(`{ category(id: "${cat(cookware.id)}") { name } }`);
    expect(read.data.category).toBeNull();
  });
});

describe('category images on BigCommerce', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const SET = `mutation($input: SetCategoryImageInput!) { setCategoryImage(input: $input) { category { imageUrl } userErrors { code field message } } }`;

  test('setCategoryImage uploads the file as a form post; deleteCategoryImage removes it', async () => {
    const leaf = byName('Saucepans');
    const set = await h.gateway.query(SET, { input: { categoryId: cat(leaf.id), imageBase64: `data:image/png;base64,${PNG.toString('base64')}` } });
    expect(set.data.setCategoryImage.userErrors).toEqual([]);
    expect(set.data.setCategoryImage.category.imageUrl).toMatch(/^https:\/\/cdn11\.bigcommerce\.example\/.*\.png$/);
    expect(h.emulator.catalog.categories.get(leaf.id)!.imageUrl).toBe(set.data.setCategoryImage.category.imageUrl);
    expect(writes('POST', /\/image$/)).toHaveLength(1);

    const removed = await h.gateway.query(`mutation($input: DeleteCategoryImageInput!) { deleteCategoryImage(input: $input) { category { imageUrl } userErrors { code } } }`, {
      input: { categoryId: cat(leaf.id) },
    });
    expect(removed.data.deleteCategoryImage).toEqual({ category: { imageUrl: null }, userErrors: [] });
    expect(h.emulator.catalog.categories.get(leaf.id)!.imageUrl).toBe('');
  });

  test('an image over 1 MB is refused before upload; an unknown category is CATEGORY_NOT_FOUND', async () => {
    // The gateway's own body limit (1 MB by default) would refuse the request before BigCommerce's does.
    const roomy = await startBigCommerceHarness({}, { server: { maxBodyBytes: 4 * 1024 * 1024 } });
    try {
      const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
      const tooBig = await roomy.gateway.query(SET, { input: { categoryId: cat(byName('Saucepans').id), imageBase64: big.toString('base64') } });
      expect(tooBig.data.setCategoryImage.userErrors).toEqual([
        { code: 'BAD_USER_INPUT', field: ['input', 'imageBase64'], message: 'The image is larger than BigCommerce accepts (1 MB)' },
      ]);
      expect(roomy.emulator.server.log.all()).toHaveLength(0);
    } finally {
      await roomy.close();
    }
    const missing = await h.gateway.query(SET, { input: { categoryId: cat(424242), imageBase64: PNG.toString('base64') } });
    expect(missing.data.setCategoryImage.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
  });
});
