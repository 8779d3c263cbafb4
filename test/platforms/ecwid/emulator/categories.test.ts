import { startEcwidEmulator } from '../../../../src/emulators/ecwid';
import { Ecwid, addProducts, categoryNamed, productIdsOf, storeClient } from '../../../support/ecwidEmulatorClient';
import type { EmulatorCall } from '../../../support/emulatorClient';

const ids = (items: Array<{ id: number }>) => items.map((item) => item.id);
const names = (items: Array<{ name: string }>) => items.map((item) => item.name);

describe('Ecwid emulator: reading categories (demo store)', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;

  beforeAll(async () => {
    ecwid = await startEcwidEmulator();
    call = storeClient(ecwid);
  });
  afterAll(() => ecwid.close());

  it('serves the store under baseUrl/{storeId} on loopback, as a store config takes it (docs/platforms/ecwid.md)', () => {
    expect(ecwid.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect(ecwid.baseUrl).toBe(`${ecwid.server.origin}/api/v3`);
  });

  it('GET /categories answers {total, count, offset, limit, items} with 100 enabled categories by default (docs/platforms/ecwid.md#paging)', async () => {
    const { status, body } = await call('GET', '/categories');

    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['count', 'items', 'limit', 'offset', 'total']);
    // 248 in the demo store, less the hidden Clearance root: hidden categories need hidden_categories=true.
    expect(body).toMatchObject({ total: 247, count: 100, offset: 0, limit: 100 });
    expect(body.items).toHaveLength(100);
    expect(body.items.every((c: { enabled: boolean }) => c.enabled)).toBe(true);
  });

  it('pages the whole store (hidden_categories=true, no parent) in ⌈total/100⌉ pages that agree on total and hold distinct ids', async () => {
    const pages = await Promise.all([0, 100, 200].map((offset) => call('GET', `/categories?hidden_categories=true&productIds=true&offset=${offset}&limit=100`)));

    expect(pages.map((page) => [page.body.total, page.body.count, page.body.offset, page.body.limit])).toEqual([
      [248, 100, 0, 100],
      [248, 100, 100, 100],
      [248, 48, 200, 100],
    ]);
    const all = pages.flatMap((page) => page.body.items);
    expect(new Set(ids(all)).size).toBe(248);
    expect(all.find((c: { name: string }) => c.name === 'Clearance')).toMatchObject({ enabled: false });
    expect(all.every((c: { productIds?: unknown }) => Array.isArray(c.productIds))).toBe(true);
  });

  it('takes offset and limit together, and answers an empty page past the end', async () => {
    const everything = await call('GET', '/categories');
    const window = await call('GET', '/categories?offset=10&limit=5');
    const past = await call('GET', '/categories?offset=300');

    expect(window.body).toMatchObject({ total: 247, count: 5, offset: 10, limit: 5 });
    expect(ids(window.body.items)).toEqual(ids(everything.body.items.slice(10, 15)));
    expect(past.body).toEqual({ total: 247, count: 0, offset: 300, limit: 100, items: [] });
  });

  it('caps limit at 100 (docs/platforms/ecwid.md#paging)', async () => {
    const { status, body } = await call('GET', '/categories?hidden_categories=true&limit=250');

    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 248, count: 100, limit: 100 });
    expect(body.items).toHaveLength(100);
  });

  it.each(['offset=-1', 'limit=ten', 'parent=root'])('answers 400 with an errorMessage to a malformed parameter (%s)', async (query) => {
    const { status, body } = await call('GET', `/categories?${query}`);

    expect(status).toBe(400);
    expect(body).toEqual({ errorMessage: expect.stringContaining(`'${query.split('=')[0]}'`) });
  });

  it('parent=0 lists the roots sorted by orderBy, numbered from 10 in steps of 10 (docs/platforms/ecwid.md#ordering-and-positions)', async () => {
    const enabled = await call('GET', '/categories?parent=0');
    const withHidden = await call('GET', '/categories?parent=0&hidden_categories=true');

    expect(names(enabled.body.items)).toEqual(['Grocery', 'Home & Kitchen', 'Gifts']);
    expect(enabled.body.total).toBe(3);
    expect(names(withHidden.body.items)).toEqual(['Grocery', 'Home & Kitchen', 'Gifts', 'Clearance']);
    expect(withHidden.body.items.map((c: { orderBy: number }) => c.orderBy)).toEqual([10, 20, 30, 40]);
    // A root has no parentId at all, not parentId 0.
    expect(withHidden.body.items.every((c: object) => !('parentId' in c))).toBe(true);
  });

  it('parent={id} lists that category’s children only: the 1 + 20 + 200 Grocery tree', async () => {
    const grocery = categoryNamed(ecwid, 'Grocery');
    const departments = await call('GET', `/categories?parent=${grocery}`);

    expect(departments.body.total).toBe(20);
    expect(departments.body.items.every((c: { parentId: number }) => c.parentId === grocery)).toBe(true);
    expect(names(departments.body.items).slice(0, 3)).toEqual(['Fruit', 'Vegetables', 'Bakery']);
    const leaves = await Promise.all(ids(departments.body.items).map((id) => call('GET', `/categories?parent=${id}`)));
    expect(leaves.map((page) => page.body.total)).toEqual(Array(20).fill(10));
  });

  it('adds productIds to listed categories only with productIds=true, in the category’s product order', async () => {
    const fruit = categoryNamed(ecwid, 'Fruit');
    const without = await call('GET', `/categories?parent=${fruit}`);
    const withIds = await call('GET', `/categories?parent=${fruit}&productIds=true`);

    expect(without.body.items.every((c: object) => !('productIds' in c))).toBe(true);
    expect(withIds.body.items.map((c: { productIds: number[] }) => c.productIds)).toEqual(ids(withIds.body.items).map((id) => productIdsOf(ecwid, id)));
    expect(withIds.body.items.every((c: { productIds: number[] }) => c.productIds.length === 2)).toBe(true);
  });

  it('GET /categories/{id} answers the category with productIds and no query parameter (docs/platforms/ecwid.md#endpoints)', async () => {
    const grocery = categoryNamed(ecwid, 'Grocery');
    const fruit = categoryNamed(ecwid, 'Fruit');

    const { status, body } = await call('GET', `/categories/${fruit}`);

    expect(status).toBe(200);
    // productCount counts the subcategories' products too: 10 leaves of 2, the department's own 10 among them.
    expect(body).toEqual({
      id: fruit,
      parentId: grocery,
      orderBy: 10,
      name: 'Fruit',
      url: expect.stringMatching(new RegExp(`/c/${fruit}$`)),
      productCount: 20,
      enabled: true,
      productIds: productIdsOf(ecwid, fruit),
    });
    expect(body.productIds).toHaveLength(10);
    expect((await call('GET', `/categories/${grocery}`)).body).toMatchObject({ description: '<p>Fresh food, delivered.</p>', productCount: 400, productIds: [] });
  });

  it('GET /categories/{id} answers 404 with an errorMessage for an unknown id and 400 for one that is no number', async () => {
    const unknown = await call('GET', '/categories/123');
    const malformed = await call('GET', '/categories/abc');

    expect(unknown).toMatchObject({ status: 404, body: { errorMessage: 'Category is not found' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ errorMessage: expect.any(String) });
  });
});

describe('Ecwid emulator: writing categories', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;

  beforeEach(async () => {
    ecwid = await startEcwidEmulator({ catalog: 'empty' });
    call = storeClient(ecwid);
  });
  afterEach(() => ecwid.close());

  const create = async (body: Record<string, unknown>): Promise<number> => {
    const answer = await call('POST', '/categories', { body });
    expect(answer.status).toBe(200);
    return answer.body.id;
  };
  const read = async (id: number) => (await call('GET', `/categories/${id}`)).body;

  it('POST /categories answers 200 {id}; new siblings get orderBy 10, 20, … unless one is given (docs/platforms/ecwid.md#endpoints)', async () => {
    const answer = await call('POST', '/categories', { body: { name: 'Shoes' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: expect.any(Number) });
    expect(Number.isInteger(answer.body.id) && answer.body.id > 0).toBe(true);
    const shoes = answer.body.id;

    const boots = await create({ name: 'Boots', parentId: shoes, description: '<p>Warm</p>', enabled: false });
    const hats = await create({ name: 'Hats' });
    const scarves = await create({ name: 'Scarves', orderBy: 5 });

    expect(await read(shoes)).toEqual({ id: shoes, orderBy: 10, name: 'Shoes', url: expect.any(String), productCount: 0, enabled: true, productIds: [] });
    expect(await read(boots)).toMatchObject({ parentId: shoes, orderBy: 10, name: 'Boots', description: '<p>Warm</p>', enabled: false });
    expect((await read(hats)).orderBy).toBe(20);
    expect((await read(scarves)).orderBy).toBe(5);
    expect(names((await call('GET', '/categories?parent=0')).body.items)).toEqual(['Scarves', 'Shoes', 'Hats']);
  });

  it('POST creates with productIds when given', async () => {
    const [a, b] = addProducts(ecwid, 2);
    const id = await create({ name: 'Shoes', productIds: [b, a] });
    expect((await read(id)).productIds).toEqual([b, a]);
  });

  it.each([
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a numeric name', { name: 5 }],
    ['a negative orderBy', { name: 'Shoes', orderBy: -1 }],
    ['a string for enabled', { name: 'Shoes', enabled: 'yes' }],
    ['malformed JSON', '{"name": "Shoes"'],
    ['a JSON array', '[{"name": "Shoes"}]'],
  ])('POST answers 400 with an errorMessage for %s and creates nothing', async (_, body) => {
    const { status, body: answer } = await call('POST', '/categories', { body });

    expect(status).toBe(400);
    expect(answer).toEqual({ errorMessage: expect.any(String) });
    expect(ecwid.catalog.categories.size).toBe(0);
  });

  it('POST answers 404 for an unknown parent and creates nothing (docs/platforms/ecwid.md#faults)', async () => {
    const { status, body } = await call('POST', '/categories', { body: { name: 'Boots', parentId: 123 } });

    expect(status).toBe(404);
    expect(body).toEqual({ errorMessage: 'The parent category is not found' });
    expect(ecwid.catalog.categories.size).toBe(0);
  });

  it('POST answers 402 once the plan’s category limit is reached, and works again after a delete (docs/platforms/ecwid.md#faults)', async () => {
    const limited = await startEcwidEmulator({ catalog: 'empty', maxCategories: 2 });
    try {
      const post = storeClient(limited);
      const first = await post('POST', '/categories', { body: { name: 'One' } });
      await post('POST', '/categories', { body: { name: 'Two' } });

      const over = await post('POST', '/categories', { body: { name: 'Three' } });
      expect(over.status).toBe(402);
      expect(over.body).toEqual({ errorMessage: expect.stringMatching(/limit/) });
      expect(limited.catalog.categories.size).toBe(2);

      await post('DELETE', `/categories/${first.body.id}`);
      expect((await post('POST', '/categories', { body: { name: 'Three' } })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('PUT /categories/{id} changes only the fields it is given and answers {updateCount: 1}', async () => {
    const id = await create({ name: 'Shoes', description: '<p>All shoes</p>' });

    const answer = await call('PUT', `/categories/${id}`, { body: { name: 'Footwear', orderBy: 70 } });

    expect(answer).toMatchObject({ status: 200, body: { updateCount: 1 } });
    expect(await read(id)).toMatchObject({ name: 'Footwear', orderBy: 70, description: '<p>All shoes</p>', enabled: true });
    await call('PUT', `/categories/${id}`, { body: { enabled: false } });
    expect(await read(id)).toMatchObject({ name: 'Footwear', enabled: false });
  });

  it('PUT moves a category with parentId; parentId 0 makes it a root and description "" clears (docs/platforms/ecwid.md#writes-and-concurrency)', async () => {
    const shoes = await create({ name: 'Shoes' });
    const boots = await create({ name: 'Boots', description: '<p>Warm</p>' });

    await call('PUT', `/categories/${boots}`, { body: { parentId: shoes } });
    expect((await read(boots)).parentId).toBe(shoes);
    expect(ids((await call('GET', `/categories?parent=${shoes}`)).body.items)).toEqual([boots]);

    const back = await call('PUT', `/categories/${boots}`, { body: { parentId: 0, description: '' } });
    expect(back.status).toBe(200);
    const root = await read(boots);
    expect(root.parentId).toBeUndefined();
    expect(root.description ?? '').toBe('');
    expect(ids((await call('GET', '/categories?parent=0')).body.items)).toContain(boots);
  });

  it('PUT refuses to make a category its own ancestor with 409 "Data validation error", changing nothing', async () => {
    const shoes = await create({ name: 'Shoes' });
    const boots = await create({ name: 'Boots', parentId: shoes });

    for (const parentId of [shoes, boots]) {
      const { status, body } = await call('PUT', `/categories/${shoes}`, { body: { name: 'Renamed', parentId } });
      expect(status).toBe(409);
      expect(body.errorMessage).toMatch(/^Data validation error/);
    }
    expect(await read(shoes)).toMatchObject({ name: 'Shoes' });
    expect((await read(shoes)).parentId).toBeUndefined();
  });

  it('PUT answers 404 for an unknown category, and for an unknown parent without applying the rest of the body', async () => {
    const shoes = await create({ name: 'Shoes' });

    const missing = await call('PUT', '/categories/123', { body: { name: 'Ghost' } });
    const orphan = await call('PUT', `/categories/${shoes}`, { body: { name: 'Renamed', parentId: 123 } });
    const empty = await call('PUT', `/categories/${shoes}`, { body: { name: '' } });

    expect(missing).toMatchObject({ status: 404, body: { errorMessage: 'Category is not found' } });
    expect(orphan).toMatchObject({ status: 404, body: { errorMessage: 'The parent category is not found' } });
    expect(empty.status).toBe(400);
    expect(await read(shoes)).toMatchObject({ name: 'Shoes' });
  });

  it('DELETE answers {deleteCount: 1}, then {deleteCount: 0} for an id it does not know (docs/platforms/ecwid.md#endpoints)', async () => {
    const shoes = await create({ name: 'Shoes' });
    // The emulator deletes subcategories with their parent (catalog.ts); docs/platforms/ecwid.md does not say either way.
    const boots = await create({ name: 'Boots', parentId: shoes });
    const hats = await create({ name: 'Hats' });

    const deleted = await call('DELETE', `/categories/${shoes}`);
    const again = await call('DELETE', `/categories/${shoes}`);

    expect(deleted).toMatchObject({ status: 200, body: { deleteCount: 1 } });
    expect(again).toMatchObject({ status: 200, body: { deleteCount: 0 } });
    expect((await call('GET', `/categories/${shoes}`)).status).toBe(404);
    expect((await call('GET', `/categories/${boots}`)).status).toBe(404);
    expect(ids((await call('GET', '/categories')).body.items)).toEqual([hats]);
  });
});
