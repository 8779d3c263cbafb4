import { RunningEmulator } from '../../../../src/emulators/kit';
import { NEW_ARRIVALS_CATEGORY_ID, SfccCatalog, startSfccEmulator } from '../../../../src/emulators/sfcc';
import { catalogClient, searchBody } from '../../../support/sfccEmulatorClient';

describe('SFCC emulator: category product assignments', () => {
  let emulator: RunningEmulator<SfccCatalog>;
  let call: ReturnType<typeof catalogClient>;

  beforeEach(async () => {
    emulator = await startSfccEmulator({ catalog: 'empty' });
    call = catalogClient(emulator);
    emulator.catalog.createCategory('shoes', { name: { default: 'Shoes' } });
    for (const id of ['A', 'B', 'C', 'D']) emulator.catalog.addProduct(id, { default: `Product ${id}` });
  });
  afterEach(() => emulator.close());

  const put = (productId: string, body?: unknown) => call('PUT', `/categories/shoes/products/${productId}`, { body });
  const order = () => emulator.catalog.assignmentsOf('shoes').map((a) => [a.productId, a.position]);

  it('PUT creates (201, Location) a category_product_assignment document; a second PUT replaces it (200)', async () => {
    const created = await put('A', { position: 1 });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${emulator.baseUrl}/catalogs/main-catalog/categories/shoes/products/A`);
    expect(created.body).toMatchObject({
      _v: '23.2',
      _type: 'category_product_assignment',
      catalog_id: 'main-catalog',
      category_id: 'shoes',
      product_id: 'A',
      product_name: { default: 'Product A' },
      owning_catalog_name: { default: 'Main Catalog' },
      position: 1,
      link: `${emulator.baseUrl}/catalogs/main-catalog/categories/shoes/products/A`,
    });
    expect(created.body._resource_state).toMatch(/^[0-9a-f]{64}$/);

    const again = await put('A', { position: 1 });
    expect(again.status).toBe(200);
    expect(emulator.catalog.assignmentsOf('shoes')).toHaveLength(1);
  });

  it('PUT normalizes positions (A, B, C + D at 2 → A, D, B, C) and clamps past the end', async () => {
    for (const [index, id] of ['A', 'B', 'C'].entries()) await put(id, { position: index + 1 });
    const d = await put('D', { position: 2 });
    expect(d.body.position).toBe(2);
    expect(order()).toEqual([
      ['A', 1],
      ['D', 2],
      ['B', 3],
      ['C', 4],
    ]);
    await call('DELETE', '/categories/shoes/products/D');
    expect((await put('D', { position: 17 })).body.position).toBe(4);
  });

  it('PUT without a body assigns without position; the document then has no position', async () => {
    const { status, body } = await put('A');
    expect(status).toBe(201);
    expect(body.position).toBeUndefined();
    expect(order()).toEqual([['A', null]]);
  });

  it('PUT answers ProductNotFoundException, CategoryNotFoundException and IdConflictException', async () => {
    const product = await put('nope', { position: 1 });
    expect(product.status).toBe(404);
    expect(product.body.fault).toMatchObject({ type: 'ProductNotFoundException', arguments: { productId: 'nope' } });
    const category = await call('PUT', '/categories/nope/products/A', { body: { position: 1 } });
    expect(category.status).toBe(404);
    expect(category.body.fault.type).toBe('CategoryNotFoundException');
    const conflict = await put('A', { product_id: 'B' });
    expect(conflict.status).toBe(400);
    expect(conflict.body.fault).toMatchObject({ type: 'IdConflictException', arguments: { bodyID: 'B', urlID: 'A' } });
    const badPosition = await put('A', { position: 'first' });
    expect(badPosition.status).toBe(400);
    expect(badPosition.body.fault).toMatchObject({ type: 'MalformedParameterException', arguments: { parameter: 'position' } });
  });

  it('PATCH moves (A → 3 gives B, C, A, D), unpositions with null, and checks _resource_state', async () => {
    for (const [index, id] of ['A', 'B', 'C', 'D'].entries()) await put(id, { position: index + 1 });
    const before = (await call('GET', '/categories/shoes/products/A')).body._resource_state;
    const moved = await call('PATCH', '/categories/shoes/products/A', { body: { _resource_state: before, position: 3 } });
    expect(moved.status).toBe(200);
    expect(moved.body.position).toBe(3);
    expect(moved.body._resource_state).not.toBe(before);
    expect(order()).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', 3],
      ['D', 4],
    ]);

    await call('PATCH', '/categories/shoes/products/C', { body: { position: null } });
    expect(order()).toEqual([
      ['B', 1],
      ['A', 2],
      ['D', 3],
      ['C', null],
    ]);

    const stale = await call('PATCH', '/categories/shoes/products/A', { body: { _resource_state: before, position: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.fault.type).toBe('ResourceStateConflictException');
  });

  it('GET and PATCH of a missing assignment answer CategoryProductAssignmentNotFoundException', async () => {
    const get = await call('GET', '/categories/shoes/products/A');
    expect(get.status).toBe(404);
    expect(get.body.fault).toEqual({
      type: 'CategoryProductAssignmentNotFoundException',
      message: "No product category assignment with catalog ID 'main-catalog' and category id 'shoes' and product id 'A' was found.",
      arguments: { catalogId: 'main-catalog', categoryId: 'shoes', productId: 'A' },
    });
    const patch = await call('PATCH', '/categories/shoes/products/A', { body: { position: 1 } });
    expect(patch.status).toBe(404);
    expect(patch.body.fault.type).toBe('CategoryProductAssignmentNotFoundException');
    expect((await call('GET', '/categories/shoes/products/nope')).body.fault.type).toBe('ProductNotFoundException');
  });

  it('DELETE answers 204, leaves the other positions alone and checks x-dw-resource-state', async () => {
    for (const [index, id] of ['A', 'B', 'C'].entries()) await put(id, { position: index + 1 });
    const stale = await call('DELETE', '/categories/shoes/products/B', { headers: { 'x-dw-resource-state': 'stale' } });
    expect(stale.status).toBe(409);
    const deleted = await call('DELETE', '/categories/shoes/products/B', {
      headers: { 'x-dw-resource-state': emulator.catalog.getAssignment('shoes', 'B').resourceState },
    });
    expect(deleted.status).toBe(204);
    expect(order()).toEqual([
      ['A', 1],
      ['C', 3],
    ]);
    // No fault is documented for deleting what is not there.
    expect((await call('DELETE', '/categories/shoes/products/B')).status).toBe(204);
  });

  it('POST /category_product_assignment_search sorts by position, unpositioned last, and pages', async () => {
    await put('A');
    await put('B', { position: 1 });
    await put('C', { position: 1 });
    await put('D', { position: 3 });
    const { status, body } = await call('POST', '/category_product_assignment_search', { body: searchBody('shoes') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ _v: '23.2', count: 4, start: 0, total: 4 });
    expect(body.hits.map((hit: { product_id: string; position?: number }) => [hit.product_id, hit.position])).toEqual([
      ['C', 1],
      ['B', 2],
      ['D', 3],
      ['A', undefined],
    ]);
    expect(body.hits[0]).toMatchObject({ _type: 'category_product_assignment', category_id: 'shoes', product_name: { default: 'Product C' } });

    const page = await call('POST', '/category_product_assignment_search', { body: searchBody('shoes', 1, 2) });
    expect(page.body).toMatchObject({ count: 2, start: 1, total: 4 });
    expect(page.body.hits.map((hit: { product_id: string }) => hit.product_id)).toEqual(['B', 'D']);

    const desc = await call('POST', '/category_product_assignment_search', {
      body: { ...(searchBody('shoes') as object), sorts: [{ field: 'position', sort_order: 'desc' }] },
    });
    expect(desc.body.hits.map((hit: { product_id: string }) => hit.product_id)).toEqual(['D', 'B', 'C', 'A']);

    const unknown = await call('POST', '/category_product_assignment_search', { body: searchBody('nope') });
    expect(unknown.body).toMatchObject({ count: 0, hits: [], total: 0 });
  });

  it('search over several categories (one_of their ids): each hit names its category, an unknown id has none', async () => {
    emulator.catalog.createCategory('boots', { name: { default: 'Boots' } });
    await put('A', { position: 1 });
    await put('B', { position: 2 });
    await call('PUT', '/categories/boots/products/C', { body: { position: 1 } });
    const body = { ...(searchBody('shoes') as object), query: { term_query: { fields: ['category_id'], operator: 'one_of', values: ['shoes', 'boots', 'nope'] } } };
    const { status, body: result } = await call('POST', '/category_product_assignment_search', { body });
    expect(status).toBe(200);
    expect(result).toMatchObject({ count: 3, total: 3 });
    const hits = result.hits.map((hit: { category_id: string; product_id: string; position: number }) => [hit.category_id, hit.product_id, hit.position]);
    expect(hits.sort()).toEqual([
      ['boots', 'C', 1],
      ['shoes', 'A', 1],
      ['shoes', 'B', 2],
    ]);
    const isMany = await call('POST', '/category_product_assignment_search', {
      body: { query: { term_query: { fields: ['category_id'], operator: 'is', values: ['shoes', 'boots'] } } },
    });
    expect(isMany.body.fault).toMatchObject({ type: 'MalformedParameterException', arguments: { parameter: 'query' } });
  });

  it('search rejects counts over 200, other query shapes and other sort fields', async () => {
    const tooMany = await call('POST', '/category_product_assignment_search', { body: searchBody('shoes', 0, 201) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fault).toMatchObject({ type: 'MalformedParameterException', arguments: { parameter: 'count', value: '201' } });
    const otherField = await call('POST', '/category_product_assignment_search', {
      body: { query: { term_query: { fields: ['product_id'], operator: 'is', values: ['A'] } } },
    });
    expect(otherField.body.fault).toMatchObject({ type: 'MalformedParameterException', arguments: { parameter: 'query' } });
    const otherSort = await call('POST', '/category_product_assignment_search', {
      body: { ...(searchBody('shoes') as object), sorts: [{ field: 'product_name', sort_order: 'asc' }] },
    });
    expect(otherSort.status).toBe(400);
    expect(otherSort.body.fault).toMatchObject({ type: 'FieldNotSortableException', arguments: { field: 'product_name' } });
  });
});

describe('SFCC emulator: searching the demo catalog', () => {
  it('pages through a category larger than one search page', async () => {
    const emulator = await startSfccEmulator();
    try {
      const call = catalogClient(emulator);
      const first = await call('POST', '/category_product_assignment_search', { body: searchBody(NEW_ARRIVALS_CATEGORY_ID, 0, 200) });
      const second = await call('POST', '/category_product_assignment_search', { body: searchBody(NEW_ARRIVALS_CATEGORY_ID, 200, 200) });
      expect(first.body).toMatchObject({ count: 200, start: 0, total: 250 });
      expect(second.body).toMatchObject({ count: 50, start: 200, total: 250 });
      const ids = [...first.body.hits, ...second.body.hits].map((hit: { product_id: string }) => hit.product_id);
      expect(ids).toEqual(emulator.catalog.productIdsOf(NEW_ARRIVALS_CATEGORY_ID));
    } finally {
      await emulator.close();
    }
  });
});
