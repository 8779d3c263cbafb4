import { RunningEmulator } from '../../../../src/emulators/kit';
import { SfccCatalog, startSfccEmulator } from '../../../../src/emulators/sfcc';
import { catalogClient } from '../../../support/sfccEmulatorClient';

describe('SFCC emulator: reading categories (demo catalog)', () => {
  let emulator: RunningEmulator<SfccCatalog>;
  let call: ReturnType<typeof catalogClient>;

  beforeAll(async () => {
    emulator = await startSfccEmulator();
    call = catalogClient(emulator);
  });
  afterAll(() => emulator.close());

  it('GET /categories pages through all categories with start and count (default 25, at most 200)', async () => {
    const first = await call('GET', '/categories');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ _v: '23.2', _type: 'categories', count: 25, start: 0, total: 226 });
    expect(first.body.data[0]).toMatchObject({ _type: 'category', id: 'root', name: { default: 'Root Category' }, online: true });
    expect(first.body.data[0].parent_category_id).toBeUndefined();
    expect(first.body.data[1]).toMatchObject({ id: 'storefront', parent_category_id: 'root', position: 1 });
    expect(first.body.data[1]._resource_state).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.data[1].categories).toBeUndefined();

    const last = await call('GET', '/categories?start=200&count=200');
    expect(last.body).toMatchObject({ count: 26, start: 200, total: 226 });

    const tooMany = await call('GET', '/categories?count=201');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      _v: '23.2',
      fault: { type: 'MalformedParameterException', message: expect.any(String), arguments: { parameter: 'count', value: '201' } },
    });
  });

  it('GET /categories/{id} nests the first level of subcategories by default', async () => {
    const { status, body } = await call('GET', '/categories/root');
    expect(status).toBe(200);
    expect(body).toMatchObject({ _v: '23.2', _type: 'category', id: 'root' });
    expect(body.categories.map((c: { id: string }) => c.id)).toEqual(['storefront', 'new-arrivals', 'sale', 'gift-ideas', 'holiday-shop']);
    expect(body.categories[0]._v).toBeUndefined();
    expect(body.categories[0].categories).toBeUndefined();
    expect(body.categories[4].online).toBe(false);
    expect(body.link).toBe(`${emulator.baseUrl}/catalogs/main-catalog/categories/root`);
  });

  it('GET /categories/{id}?levels=N nests N levels; levels=0 none', async () => {
    const two = await call('GET', '/categories/storefront?levels=2');
    expect(two.body.categories).toHaveLength(20);
    for (const department of two.body.categories) {
      expect(department.categories).toHaveLength(10);
      expect(department.categories[0].categories).toBeUndefined();
    }
    const dresses = two.body.categories[0].categories[0];
    expect(dresses).toMatchObject({ _type: 'category', id: 'womens-clothing-dresses', name: { default: 'Dresses' }, parent_category_id: 'womens-clothing', position: 1 });
    expect(dresses.paths.map((p: { id: string }) => p.id)).toEqual(['main-catalog', 'root', 'storefront', 'womens-clothing', 'womens-clothing-dresses']);

    const none = await call('GET', '/categories/storefront?levels=0');
    expect(none.body.categories).toBeUndefined();

    const negative = await call('GET', '/categories/storefront?levels=-1');
    expect(negative.status).toBe(400);
    expect(negative.body.fault.arguments).toEqual({ parameter: 'levels', value: '-1' });
  });

  it('serves image fields as static URLs', async () => {
    const { body } = await call('GET', '/categories/womens-clothing?levels=0');
    expect(body.image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/on\/demandware\.static\/-\/Sites-main-catalog\/default\/categories\/womens-clothing\.jpg$/);
    expect(body.thumbnail).toMatch(/womens-clothing-thumb\.jpg$/);
  });

  it('answers an unknown category with CategoryNotFoundException and an unknown catalog with CatalogNotFoundException', async () => {
    const category = await call('GET', '/categories/nope');
    expect(category.status).toBe(404);
    expect(category.body).toEqual({
      _v: '23.2',
      fault: {
        type: 'CategoryNotFoundException',
        message: "No category with ID 'nope' for catalog 'main-catalog' was found.",
        arguments: { catalogId: 'main-catalog', categoryId: 'nope' },
      },
    });
    const catalog = await catalogClient(emulator, 'other-catalog')('GET', '/categories');
    expect(catalog.status).toBe(404);
    expect(catalog.body.fault).toEqual({
      type: 'CatalogNotFoundException',
      message: "No catalog with ID 'other-catalog' was found.",
      arguments: { catalogId: 'other-catalog' },
    });
  });
});

describe('SFCC emulator: writing categories', () => {
  let emulator: RunningEmulator<SfccCatalog>;
  let call: ReturnType<typeof catalogClient>;

  beforeEach(async () => {
    emulator = await startSfccEmulator({ catalog: 'empty' });
    call = catalogClient(emulator);
  });
  afterEach(() => emulator.close());

  const create = (id: string, body: Record<string, unknown> = {}) => call('PUT', `/categories/${id}`, { body: { name: id, ...body } });

  it('PUT creates a category from the Data API request shape and answers the category document', async () => {
    const { status, body } = await call('PUT', '/categories/category1', {
      body: { id: 'category1', name: 'category 1 name', description: 'category 1 description', parent_category_id: 'root', online: true, position: 2, image: 'demandware.jpg' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      _v: '23.2',
      _type: 'category',
      id: 'category1',
      name: { default: 'category 1 name' },
      description: { default: 'category 1 description' },
      parent_category_id: 'root',
      online: true,
      position: 2,
    });
    expect(body._resource_state).toMatch(/^[0-9a-f]{64}$/);
    expect(body.image).toMatch(/\/on\/demandware\.static\/-\/Sites-main-catalog\/default\/demandware\.jpg$/);
    expect(emulator.catalog.getCategory('category1').name).toEqual({ default: 'category 1 name' });
  });

  it('PUT answers CategoryDuplicateException, IdConflictException, CategoryInvalidException and BodyDecodingException', async () => {
    await create('shoes');
    const duplicate = await create('shoes');
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.fault).toMatchObject({ type: 'CategoryDuplicateException', arguments: { catalogId: 'main-catalog', categoryId: 'shoes' } });

    const conflict = await create('boots', { id: 'sandals' });
    expect(conflict.status).toBe(400);
    expect(conflict.body.fault).toMatchObject({ type: 'IdConflictException', arguments: { bodyID: 'sandals', urlID: 'boots' } });

    const orphan = await create('boots', { parent_category_id: 'nope' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.fault).toMatchObject({ type: 'CategoryInvalidException', arguments: { field: 'parent_category_id', categoryId: 'boots' } });

    const badType = await create('boots', { online: 'yes' });
    expect(badType.body.fault).toMatchObject({ type: 'CategoryInvalidException', arguments: { field: 'online' } });

    const garbage = await call('PUT', '/categories/boots', { body: '{not json' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.fault.type).toBe('BodyDecodingException');
    expect(emulator.catalog.findCategory('boots')).toBeUndefined();
  });

  it('PATCH updates, changes _resource_state, and answers a stale _resource_state with a 409', async () => {
    const created = await create('shoes', { online: false });
    const updated = await call('PATCH', '/categories/shoes', { body: { _resource_state: created.body._resource_state, online: true, name: { 'fr-FR': 'Chaussures' } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ online: true, name: { default: 'shoes', 'fr-FR': 'Chaussures' } });
    expect(updated.body._resource_state).not.toBe(created.body._resource_state);

    const stale = await call('PATCH', '/categories/shoes', { body: { _resource_state: created.body._resource_state, online: false } });
    expect(stale.status).toBe(409);
    expect(stale.body.fault.type).toBe('ResourceStateConflictException');
    expect(emulator.catalog.getCategory('shoes').online).toBe(true);

    const withoutState = await call('PATCH', '/categories/shoes', { body: { position: 3 } });
    expect(withoutState.status).toBe(200);
    expect(withoutState.body.position).toBe(3);
  });

  it('PATCH moves a category; an unknown one is CategoryNotFoundException', async () => {
    await create('women');
    await create('dresses');
    const moved = await call('PATCH', '/categories/dresses', { body: { parent_category_id: 'women' } });
    expect(moved.body.parent_category_id).toBe('women');
    const cycle = await call('PATCH', '/categories/women', { body: { parent_category_id: 'dresses' } });
    expect(cycle.body.fault).toMatchObject({ type: 'CategoryInvalidException', arguments: { field: 'parent_category_id' } });
    const missing = await call('PATCH', '/categories/nope', { body: { online: true } });
    expect(missing.status).toBe(404);
    expect(missing.body.fault.type).toBe('CategoryNotFoundException');
  });

  it('DELETE answers 204 without a body and checks x-dw-resource-state when sent', async () => {
    const created = await create('shoes');
    await call('PATCH', '/categories/shoes', { body: { online: true } });
    const stale = await call('DELETE', '/categories/shoes', { headers: { 'x-dw-resource-state': created.body._resource_state } });
    expect(stale.status).toBe(409);
    expect(stale.body.fault.type).toBe('ResourceStateConflictException');

    const current = emulator.catalog.getCategory('shoes').resourceState;
    const deleted = await call('DELETE', '/categories/shoes', { headers: { 'x-dw-resource-state': current } });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call('GET', '/categories/shoes')).status).toBe(404);
    expect((await call('DELETE', '/categories/shoes')).body.fault.type).toBe('CategoryNotFoundException');
  });
});
