import { startEcwidEmulator } from '../../../../src/emulators/ecwid';
import { Ecwid, addProducts, productIdsOf, storeClient } from '../../../support/ecwidEmulatorClient';
import type { EmulatorCall } from '../../../support/emulatorClient';

describe('Ecwid emulator: products in a category', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;
  let shoes: number;
  let products: number[];

  beforeEach(async () => {
    ecwid = await startEcwidEmulator({ catalog: 'empty' });
    call = storeClient(ecwid);
    shoes = ecwid.catalog.create({ name: 'Shoes' });
    products = addProducts(ecwid, 5);
  });
  afterEach(() => ecwid.close());

  const assign = (productIds: unknown, categoryId = shoes) => call('POST', `/categories/${categoryId}/assignProducts`, { body: { productIds } });
  const unassign = (productIds: unknown, categoryId = shoes) => call('POST', `/categories/${categoryId}/unassignProducts`, { body: { productIds } });
  const readIds = async (categoryId = shoes): Promise<number[]> => (await call('GET', `/categories/${categoryId}`)).body.productIds;

  describe('POST /categories/{id}/assignProducts (docs/platforms/ecwid.md#endpoints)', () => {
    it('answers {updateCount: 1} and puts newly assigned products at the end, in the order sent', async () => {
      const [a, b, c, d] = products;
      expect(await assign([b, a])).toMatchObject({ status: 200, body: { updateCount: 1 } });
      await assign([d, c]);

      expect(await readIds()).toEqual([b, a, d, c]);
    });

    it('leaves an already assigned product where it is (docs/platforms/ecwid.md#writes-and-concurrency)', async () => {
      const [a, b, c] = products;
      await assign([a, b]);

      const again = await assign([c, a]);

      expect(again.status).toBe(200);
      expect(await readIds()).toEqual([a, b, c]);
    });

    it('answers 404 for an unknown product and assigns none of the others', async () => {
      const [a, b] = products;
      await assign([a]);

      const { status, body } = await assign([b, 999]);

      expect(status).toBe(404);
      expect(body).toEqual({ errorMessage: expect.stringContaining('999') });
      expect(await readIds()).toEqual([a]);
    });

    it('answers 404 for an unknown category', async () => {
      expect(await assign([products[0]], 123)).toMatchObject({ status: 404, body: { errorMessage: 'Category is not found' } });
    });

    it('takes at most 2000 ids a call (docs/platforms/ecwid.md#paging): 2000 pass, 2001 answer 400 and change nothing', async () => {
      const many = addProducts(ecwid, 2001);
      const other = ecwid.catalog.create({ name: 'Boots' });

      const tooMany = await assign(many);
      const most = await assign(many.slice(0, 2000), other);

      expect(tooMany.status).toBe(400);
      expect(tooMany.body).toEqual({ errorMessage: expect.stringContaining('2000') });
      expect(productIdsOf(ecwid, shoes)).toEqual([]);
      expect(most).toMatchObject({ status: 200, body: { updateCount: 1 } });
      expect(productIdsOf(ecwid, other)).toEqual(many.slice(0, 2000));
    });

    it.each([
      ['no productIds', {}],
      ['productIds that is not a list', { productIds: 5 }],
      ['ids as strings', { productIds: ['1'] }],
      ['a negative id', { productIds: [-1] }],
    ])('answers 400 with an errorMessage for %s', async (_, body) => {
      const answer = await call('POST', `/categories/${shoes}/assignProducts`, { body });

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errorMessage: expect.any(String) });
      expect(productIdsOf(ecwid, shoes)).toEqual([]);
    });
  });

  describe('POST /categories/{id}/unassignProducts (docs/platforms/ecwid.md#endpoints)', () => {
    it('answers {deleteCount} with the number removed and keeps the others in order', async () => {
      const [a, b, c, d] = products;
      await assign([a, b, c, d]);

      const answer = await unassign([c, a]);

      expect(answer).toMatchObject({ status: 200, body: { deleteCount: 2 } });
      expect(await readIds()).toEqual([b, d]);
    });

    it('counts 0 for products that are not assigned, unknown ones included, without a 404 (docs/platforms/ecwid.md#faults)', async () => {
      const [a, b] = products;
      await assign([a]);

      const answer = await unassign([b, 999]);

      expect(answer).toMatchObject({ status: 200, body: { deleteCount: 0 } });
      expect(await readIds()).toEqual([a]);
    });

    it('answers 404 for an unknown category and 400 for a body without a list', async () => {
      expect(await unassign([products[0]], 123)).toMatchObject({ status: 404, body: { errorMessage: 'Category is not found' } });
      expect((await unassign('all')).status).toBe(400);
    });
  });

  describe('PUT /categories/{id} with productIds (docs/platforms/ecwid.md#ordering-and-positions)', () => {
    it('replaces the category’s products, and the order sent becomes the product order of reads and listings', async () => {
      const [a, b, c, d] = products;
      await assign([a, b, c]);

      const answer = await call('PUT', `/categories/${shoes}`, { body: { productIds: [c, a, d] } });

      expect(answer).toMatchObject({ status: 200, body: { updateCount: 1 } });
      expect(await readIds()).toEqual([c, a, d]);
      const listed = await call('GET', '/categories?productIds=true');
      expect(listed.body.items[0].productIds).toEqual([c, a, d]);
    });

    it('clears the category with an empty list', async () => {
      await assign(products);
      await call('PUT', `/categories/${shoes}`, { body: { productIds: [] } });
      expect(await readIds()).toEqual([]);
    });

    it('answers 404 for an unknown product and keeps the old order', async () => {
      const [a, b] = products;
      await assign([a, b]);

      const answer = await call('PUT', `/categories/${shoes}`, { body: { productIds: [b, 999, a] } });

      expect(answer.status).toBe(404);
      expect(await readIds()).toEqual([a, b]);
    });
  });

  it('counts a category’s products with its subcategories’ in productCount', async () => {
    // Ecwid: "Number of products in the category and its subcategories" (Get category, docs/platforms/ecwid.md#sources).
    const [a, b, c] = products;
    const boots = ecwid.catalog.create({ name: 'Boots', parentId: shoes });
    await assign([a, b]);
    await assign([b, c], boots);

    expect((await call('GET', `/categories/${shoes}`)).body.productCount).toBe(3);
    expect((await call('GET', `/categories/${boots}`)).body.productCount).toBe(2);
  });
});

describe('Ecwid emulator: GET /products?productId=… (docs/platforms/ecwid.md#endpoints)', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;
  beforeAll(async () => {
    ecwid = await startEcwidEmulator();
    call = storeClient(ecwid);
  });
  afterAll(() => ecwid.close());

  it('answers the asked-for products as a SearchResult with id, sku and name', async () => {
    const [first, second] = [...ecwid.catalog.products.values()];

    const { status, body } = await call('GET', `/products?productId=${second.id},${first.id}&limit=100`);

    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 2, count: 2, offset: 0, limit: 100 });
    expect(body.items).toEqual([
      expect.objectContaining({ id: second.id, sku: second.sku, name: second.name }),
      expect.objectContaining({ id: first.id, sku: first.sku, name: first.name }),
    ]);
  });

  it('leaves out ids it does not know', async () => {
    const [first] = [...ecwid.catalog.products.values()];

    const { body } = await call('GET', `/products?productId=999,${first.id},998`);

    expect(body).toMatchObject({ total: 1, count: 1 });
    expect(body.items.map((p: { id: number }) => p.id)).toEqual([first.id]);
  });

  it('answers at most 100 products a page, like the categories listing', async () => {
    const wanted = [...ecwid.catalog.products.keys()].slice(0, 150);

    const { body } = await call('GET', `/products?productId=${wanted.join(',')}&limit=200`);

    expect(body).toMatchObject({ total: 150, count: 100, limit: 100 });
    expect(body.items.map((p: { id: number }) => p.id)).toEqual(wanted.slice(0, 100));
  });

  it('answers 400 with an errorMessage for an id that is no number', async () => {
    const { status, body } = await call('GET', '/products?productId=1,abc');
    expect(status).toBe(400);
    expect(body).toEqual({ errorMessage: expect.stringContaining('productId') });
  });
});
