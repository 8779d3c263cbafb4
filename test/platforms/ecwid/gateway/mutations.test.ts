import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../../../support/ecwidGateway';
import { AssignProductsDocument, MoveProductDocument } from '../../../../examples/generated/graphql';
import { gid } from '../../../support/gateway';

let h: EcwidHarness;
beforeEach(async () => {
  h = await startEcwidHarness();
});
afterEach(() => h.close());

const cat = (id: number) => gid('Category', ECWID_STORE, id);
const prod = (id: number) => gid('Product', ECWID_STORE, id);
const byName = (name: string) => [...h.emulator.catalog.categories.values()].find((c) => c.name === name)!;
const unassignedProducts = (count: number, categoryId: number) => {
  const inCategory = new Set(h.emulator.catalog.categories.get(categoryId)!.productIds);
  return [...h.emulator.catalog.products.keys()].filter((id) => !inCategory.has(id)).slice(0, count);
};

const ASSIGN = AssignProductsDocument;
const MOVE = MoveProductDocument;

describe('assignProducts on Ecwid', () => {
  test('appends in input order; an already-assigned product keeps its place; duplicates count once', async () => {
    const leaf = byName('Organic Fruit');
    const before = [...leaf.productIds];
    const [p1, p2] = unassignedProducts(2, leaf.id);
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(p2), prod(before[0]), prod(p1), prod(p2)] } });
    const payload = data.assignProducts;
    expect(payload.userErrors).toEqual([]);
    expect(h.emulator.catalog.categories.get(leaf.id)!.productIds).toEqual([...before, p2, p1]);
    expect(payload.assignments).toMatchObject([
      { position: 0, product: { nativeId: String(before[0]) } },
      { position: 2, product: { nativeId: String(p2) } },
      { position: 3, product: { nativeId: String(p1) } },
    ]);
    // The payload reads the state after the write.
    expect(payload.category!.products.nodes.map((n: any) => Number(n.product.nativeId))).toEqual([...before, p2, p1]);
    expect(payload.category!.productCount).toBe(4);
    const assignCalls = h.emulator.server.log.all().filter((r) => r.path.endsWith('/assignProducts'));
    expect(assignCalls.map((r) => r.body)).toEqual([{ productIds: [p2, p1] }]);
  });

  test('a missing product is a PRODUCT_NOT_FOUND userError at its index; the others are still assigned', async () => {
    const leaf = byName('Local Fruit');
    const [p1] = unassignedProducts(1, leaf.id);
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(leaf.id), productIds: [prod(999999), prod(p1)] } });
    expect(data.assignProducts.userErrors).toEqual([
      { code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '0'], message: 'Product 999999 does not exist', retryable: false },
    ]);
    expect(data.assignProducts.assignments).toMatchObject([{ position: 2, product: { nativeId: String(p1) } }]);
    expect(h.emulator.catalog.categories.get(leaf.id)!.productIds).toContain(p1);
  });

  test('more than 2000 products are split into requests Ecwid accepts', async () => {
    const leaf = byName('Value Fruit');
    const extra = Array.from({ length: 2100 }, (_, n) => h.emulator.catalog.addProduct({ sku: `BULK-${n}`, name: `Bulk ${n}`, price: 1, enabled: true }).id);
    const { data } = await h.gateway.query(`mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code } assignments { position } } }`, {
      input: { categoryId: cat(leaf.id), productIds: extra.map(prod) },
    });
    expect(data.assignProducts.userErrors).toEqual([]);
    expect(data.assignProducts.assignments).toHaveLength(2100);
    const calls = h.emulator.server.log.all().filter((r) => r.path.endsWith('/assignProducts'));
    expect(calls.map((r) => (r.body as { productIds: number[] }).productIds.length)).toEqual([2000, 100]);
    expect(h.emulator.catalog.categories.get(leaf.id)!.productIds.slice(-2100)).toEqual(extra);
  });

  test('bad input is a userError and costs no upstream request', async () => {
    const leaf = byName('Organic Fruit');
    const cases: Array<[any, unknown[]]> = [
      [{ categoryId: 'nope', productIds: [prod(1)] }, [{ code: 'BAD_USER_INPUT', field: ['input', 'categoryId'] }]],
      [{ categoryId: cat(leaf.id), productIds: [] }, [{ code: 'BAD_USER_INPUT', field: ['input', 'productIds'] }]],
      [
        { categoryId: cat(leaf.id), productIds: [prod(1), 'x', gid('Product', 'elsewhere', 3), gid('Category', ECWID_STORE, 4)] },
        [
          { code: 'BAD_USER_INPUT', field: ['input', 'productIds', '1'] },
          { code: 'STORE_NOT_FOUND', field: ['input', 'productIds', '2'] },
          { code: 'BAD_USER_INPUT', field: ['input', 'productIds', '3'] },
        ],
      ],
      [{ categoryId: gid('Category', 'elsewhere', 1), productIds: [prod(1)] }, [{ code: 'STORE_NOT_FOUND', field: ['input', 'categoryId'] }]],
    ];
    for (const [input, expected] of cases) {
      const { data } = await h.gateway.query(ASSIGN, { input });
      expect(data.assignProducts.userErrors).toMatchObject(expected);
      expect(data.assignProducts.category).toBeNull();
    }
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test('an unknown category is CATEGORY_NOT_FOUND', async () => {
    const { data } = await h.gateway.query(ASSIGN, { input: { categoryId: cat(12345), productIds: [prod(1)] } });
    expect(data.assignProducts.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
  });
});

describe('unassignProducts on Ecwid', () => {
  test('removes; a product that was not assigned is no error', async () => {
    const fruit = byName('Fruit');
    const [first, second, ...rest] = fruit.productIds;
    const { data } = await h.gateway.query(
      `mutation($input: UnassignProductsInput!) { unassignProducts(input: $input) {
        unassignedProductIds category { products(first: 50) { totalCount } } userErrors { code } } }`,
      { input: { categoryId: cat(fruit.id), productIds: [prod(second), prod(999999), prod(second)] } },
    );
    expect(data.unassignProducts.userErrors).toEqual([]);
    expect(data.unassignProducts.unassignedProductIds).toEqual([prod(second), prod(999999)]);
    expect(h.emulator.catalog.categories.get(fruit.id)!.productIds).toEqual([first, ...rest]);
    expect(data.unassignProducts.category.products.totalCount).toBe(rest.length + 1);
  });
});

describe('moveProduct on Ecwid', () => {
  test('moves to a zero-based index, the others keep their order, the whole list is written once', async () => {
    const fruit = byName('Fruit');
    const [a, b, c, d, ...rest] = fruit.productIds;
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(fruit.id), productId: prod(a), position: 2 } });
    expect(data.moveProduct.userErrors).toEqual([]);
    expect(data.moveProduct.assignment).toMatchObject({ position: 2, product: { nativeId: String(a) } });
    expect(h.emulator.catalog.categories.get(fruit.id)!.productIds).toEqual([b, c, a, d, ...rest]);
    expect(data.moveProduct.category!.products.nodes.map((n: any) => Number(n.product.nativeId))).toEqual([b, c, a, d, ...rest]);
    const writes = h.emulator.server.log.all().filter((r) => r.method === 'PUT');
    expect(writes).toHaveLength(1);
    expect(writes[0].body).toEqual({ productIds: [b, c, a, d, ...rest] });
  });

  test('at or past the end moves the product last', async () => {
    const fruit = byName('Fruit');
    const [a, ...rest] = fruit.productIds;
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(fruit.id), productId: prod(a), position: 1000 } });
    expect(data.moveProduct.assignment!.position).toBe(rest.length);
    expect(h.emulator.catalog.categories.get(fruit.id)!.productIds).toEqual([...rest, a]);
  });

  test('negative positions and products not in the category are userErrors; nothing is written', async () => {
    const fruit = byName('Fruit');
    const before = [...fruit.productIds];
    const negative = await h.gateway.query(MOVE, { input: { categoryId: cat(fruit.id), productId: prod(before[0]), position: -1 } });
    expect(negative.data.moveProduct.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'position'] }]);
    const notAssigned = await h.gateway.query(MOVE, { input: { categoryId: cat(fruit.id), productId: prod(999999), position: 0 } });
    expect(notAssigned.data.moveProduct.userErrors).toMatchObject([{ code: 'ASSIGNMENT_NOT_FOUND', field: ['input', 'productId'] }]);
    expect(h.emulator.catalog.categories.get(fruit.id)!.productIds).toEqual(before);
    expect(h.emulator.server.log.count({ method: 'PUT' })).toBe(0);
  });

  test('the move is verified: when another client rewrites the list right after, the gateway moves again', async () => {
    const fruit = byName('Fruit');
    const [a, b, c, ...rest] = fruit.productIds;
    const update = h.emulator.catalog.update.bind(h.emulator.catalog);
    let rewrites = 0;
    // Another Ecwid client writes the original order back just after the gateway's first write.
    h.emulator.catalog.update = (id, write) => {
      update(id, write);
      if (rewrites++ === 0) update(id, { productIds: [a, b, c, ...rest] });
    };
    const { data } = await h.gateway.query(MOVE, { input: { categoryId: cat(fruit.id), productId: prod(c), position: 0 } });
    expect(data.moveProduct.userErrors).toEqual([]);
    expect(data.moveProduct.assignment).toMatchObject({ position: 0, product: { nativeId: String(c) } });
    expect(h.emulator.catalog.categories.get(fruit.id)!.productIds).toEqual([c, a, b, ...rest]);
    expect(h.emulator.server.log.count({ method: 'PUT' })).toBe(2);
  });

  test('concurrent moves and assigns on one category never undo one another', async () => {
    const fruit = byName('Fruit');
    const original = [...fruit.productIds];
    const newcomers = unassignedProducts(10, fruit.id);
    // Slow whole-list writes: without the per-category lock, an assign would land between a move's read
    // and its write, and the write would drop the assigned product.
    h.emulator.server.latencyMs = 5;
    h.emulator.server.injectFault({ method: 'PUT', path: `/categories/${fruit.id}`, delayMs: 40 });
    const moves = original.map((productId, index) =>
      h.gateway.query(MOVE, { input: { categoryId: cat(fruit.id), productId: prod(productId), position: (index * 7) % original.length } }),
    );
    const assigns = newcomers.map((productId) => h.gateway.query(ASSIGN, { input: { categoryId: cat(fruit.id), productIds: [prod(productId)] } }));
    const answers = await Promise.all([...moves, ...assigns]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const final = h.emulator.catalog.categories.get(fruit.id)!.productIds;
    expect([...final].sort()).toEqual([...original, ...newcomers].sort());
  });
});

describe('category writes on Ecwid', () => {
  const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) {
    category { id nativeId name description enabled position parent { name } } userErrors { code field message } } }`;
  const UPDATE = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) {
    category { name description enabled position parent { name } } userErrors { code field message } } }`;

  test('createCategory makes it under its parent and answers it', async () => {
    const fruit = byName('Fruit');
    const { data } = await h.gateway.query(CREATE, {
      input: { storeId: ECWID_STORE, name: 'Exotic Fruit', parentId: cat(fruit.id), description: '<p>Rare</p>', enabled: false, position: 5 },
    });
    expect(data.createCategory.userErrors).toEqual([]);
    const created = data.createCategory.category;
    expect(created).toMatchObject({ name: 'Exotic Fruit', description: '<p>Rare</p>', enabled: false, position: 5, parent: { name: 'Fruit' } });
    expect(h.emulator.catalog.categories.get(Number(created.nativeId))).toMatchObject({ name: 'Exotic Fruit', parentId: fruit.id, enabled: false });
    expect(created.id).toBe(cat(Number(created.nativeId)));
  });

  test('createCategory refuses a blank name, an unknown store and a missing parent', async () => {
    const blank = await h.gateway.query(CREATE, { input: { storeId: ECWID_STORE, name: '  ' } });
    expect(blank.data.createCategory.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'name'] }]);
    const store = await h.gateway.query(CREATE, { input: { storeId: 'nope', name: 'X' } });
    expect(store.data.createCategory.userErrors).toMatchObject([{ code: 'STORE_NOT_FOUND', field: ['input', 'storeId'] }]);
    expect(h.emulator.server.log.all()).toHaveLength(0);
    const parent = await h.gateway.query(CREATE, { input: { storeId: ECWID_STORE, name: 'X', parentId: cat(424242) } });
    expect(parent.data.createCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'parentId'] }]);
  });

  test('updateCategory changes only the fields given; parentId null makes it a root', async () => {
    const leaf = byName('Organic Fruit');
    const { data } = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), name: 'Organic Fruit & Berries', enabled: false } });
    expect(data.updateCategory).toEqual({
      category: { name: 'Organic Fruit & Berries', description: null, enabled: false, position: leaf.orderBy, parent: { name: 'Fruit' } },
      userErrors: [],
    });
    const moved = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), parentId: null } });
    expect(moved.data.updateCategory.category.parent).toBeNull();
    expect(h.emulator.catalog.categories.get(leaf.id)!.parentId).toBeUndefined();
  });

  test('updateCategory: unknown category, unknown parent and an empty update are userErrors', async () => {
    const leaf = byName('Organic Fruit');
    const missing = await h.gateway.query(UPDATE, { input: { categoryId: cat(424242), name: 'X' } });
    expect(missing.data.updateCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }]);
    const parent = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), parentId: cat(424242) } });
    expect(parent.data.updateCategory.userErrors).toMatchObject([{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'parentId'] }]);
    const empty = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id) } });
    expect(empty.data.updateCategory.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT' }]);
    const fractional = await h.gateway.query(UPDATE, { input: { categoryId: cat(leaf.id), position: 1.5 } });
    expect(fractional.data.updateCategory.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'position'] }]);
  });

  test('deleteCategory removes it with its subcategories; deleting it again is CATEGORY_NOT_FOUND', async () => {
    const fruit = byName('Fruit');
    const DELETE = `mutation($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedCategoryId userErrors { code field } } }`;
    const { data } = await h.gateway.query(DELETE, { input: { categoryId: cat(fruit.id) } });
    expect(data.deleteCategory).toEqual({ deletedCategoryId: cat(fruit.id), userErrors: [] });
    expect(h.emulator.catalog.categories.has(fruit.id)).toBe(false);
    expect([...h.emulator.catalog.categories.values()].some((c) => c.parentId === fruit.id)).toBe(false);
    const again = await h.gateway.query(DELETE, { input: { categoryId: cat(fruit.id) } });
    expect(again.data.deleteCategory).toEqual({ deletedCategoryId: null, userErrors: [{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'] }] });
    const read = await h.gateway.query(`{ category(id: "${cat(fruit.id)}") { name } }`);
    expect(read.data.category).toBeNull();
  });
});

describe('category images on Ecwid', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

  test('setCategoryImage uploads the bytes; deleteCategoryImage removes the image', async () => {
    const fruit = byName('Fruit');
    const set = await h.gateway.query(`mutation($input: SetCategoryImageInput!) { setCategoryImage(input: $input) { category { imageUrl thumbnailUrl } userErrors { code } } }`, {
      input: { categoryId: cat(fruit.id), imageBase64: `data:image/png;base64,${PNG.toString('base64')}` },
    });
    expect(set.data.setCategoryImage.userErrors).toEqual([]);
    expect(set.data.setCategoryImage.category.imageUrl).toMatch(/^https:\/\/images\./);
    expect(h.emulator.catalog.categories.get(fruit.id)!.imageId).toBeDefined();
    const upload = h.emulator.server.log.all().find((r) => r.path.endsWith('/image'))!;
    expect(upload.method).toBe('POST');

    const removed = await h.gateway.query(`mutation($input: DeleteCategoryImageInput!) { deleteCategoryImage(input: $input) { category { imageUrl } userErrors { code } } }`, {
      input: { categoryId: cat(fruit.id) },
    });
    expect(removed.data.deleteCategoryImage).toEqual({ category: { imageUrl: null }, userErrors: [] });
    expect(h.emulator.catalog.categories.get(fruit.id)!.imageId).toBeUndefined();
  });

  test('a file that is not an image is refused before upload', async () => {
    const fruit = byName('Fruit');
    const { data } = await h.gateway.query(`mutation($input: SetCategoryImageInput!) { setCategoryImage(input: $input) { userErrors { code field message } } }`, {
      input: { categoryId: cat(fruit.id), imageBase64: Buffer.from('just some text').toString('base64') },
    });
    expect(data.setCategoryImage.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'imageBase64'], message: 'the image is not a PNG, JPEG, GIF or WebP file' }]);
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });
});
