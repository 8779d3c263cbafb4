import { ZAVEIT_ENDPOINTS } from '../../../../src/platforms/zaveit/endpoints';
import { ZaveitAdapter } from '../../../../src/platforms/zaveit/adapter';
import { zaveit } from '../../../../src/platforms/zaveit';
import { OPTIONAL_OPERATIONS, type CallContext, type CatalogPort, type OptionalOperation } from '../../../../src/platforms/port';
import { InProcessCategoryLock } from '../../../../src/locks/categoryLock';
import type { UpstreamCall, UpstreamRequest, UpstreamResponse } from '../../../../src/upstream/types';
import type { UpstreamClient } from '../../../../src/upstream/upstreamClient';
import { RequestMemo } from '../../../../src/util/requestMemo';

/** What the adapter sent, with the call it was sent under. */
interface Sent {
  request: UpstreamRequest;
  call: UpstreamCall;
}

/** An upstream client that answers from `route` and records every request: no network. */
function fakeHttp(route: (request: UpstreamRequest) => { status: number; body?: unknown }): { http: UpstreamClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const http = {
    send: async (request: UpstreamRequest, call: UpstreamCall): Promise<UpstreamResponse> => {
      sent.push({ request, call });
      const { status, body } = route(request);
      return { status, headers: {}, text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) };
    },
  };
  return { http: http as unknown as UpstreamClient, sent };
}

/** One GraphQL request's context: its own memo. */
const requestContext = (): CallContext => ({ signal: new AbortController().signal, deadlineAt: Date.now() + 10_000, memo: new RequestMemo() });

const BASE = '/v2/product/category';
const product = (id: string, sku = `SKU-${id}`) => ({ _id: id, sku, name: `Product ${id}`, stock: 1 });
const TREE = [
  { _id: 'root-1', name: 'Root', parent: null, products: [product('p-1')] },
  { _id: 'child-1', name: 'Child', parent: 'root-1', products: [product('p-2'), product('p-1')] },
  { _id: 'leaf-1', name: 'Leaf', parent: 'child-1', products: [] },
];

describe("the Zaveit adapter's fixed parts", () => {
  const { http } = fakeHttp(() => ({ status: 500 }));
  const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());

  test.each([
    ['a UUID', '76a489e5-939a-4239-b166-4fbac4caf9fa', true],
    ['a MongoDB ObjectId', '64b7f3c2a1e4d5f6a7b8c9d0', true],
    ['the vendor example id', 'category-id-1', true],
    ['an empty id', '', false],
    ['a dot segment', '..', false],
    ['a slash', 'a/b', false],
    ['a space', 'a b', false],
    ['percent-encoding', 'a%2Fb', false],
    ['129 characters', 'a'.repeat(129), false],
  ])('isValidNativeId: %s → %s', (_, id, valid) => {
    expect(adapter.isValidNativeId('Category', id)).toBe(valid);
    expect(adapter.isValidNativeId('Product', id)).toBe(valid);
  });

  test('capabilities say what Zaveit can do', () => {
    expect(zaveit.capabilities).toEqual({
      moveProduct: false,
      createCategory: false,
      updateCategory: false,
      deleteCategory: true,
      categoryImages: false,
      createRequiresNativeId: false,
    });
  });

  test('the operations Zaveit lacks are not implemented (the store session answers UNSUPPORTED_OPERATION for them); the ones it has are', () => {
    const operations = Object.keys(OPTIONAL_OPERATIONS) as OptionalOperation[];
    const implemented = operations.filter((name) => typeof (adapter as CatalogPort)[name] === 'function');
    expect(implemented).toEqual(operations.filter((name) => zaveit.capabilities[OPTIONAL_OPERATIONS[name]]));
    expect(implemented).toEqual(['deleteCategory']);
  });

  test('the endpoint table: documented add/remove, assumed get/list/delete, ids as one path segment', () => {
    expect(ZAVEIT_ENDPOINTS.addProducts.request('c-1', ['p-1'])).toEqual({
      method: 'PUT',
      path: '/v2/product/category/c-1/products/add',
      route: '/v2/product/category/{id}/products/add',
      json: ['p-1'],
    });
    expect(ZAVEIT_ENDPOINTS.removeProducts.request('c-1', ['p-1'])).toEqual({
      method: 'PUT',
      path: '/v2/product/category/c-1/products/remove',
      route: '/v2/product/category/{id}/products/remove',
      json: ['p-1'],
    });
    expect(ZAVEIT_ENDPOINTS.getCategory.request('c 1/x')).toEqual({ method: 'GET', path: '/v2/product/category/c%201%2Fx', route: '/v2/product/category/{id}' });
    expect(ZAVEIT_ENDPOINTS.listCategories.request()).toEqual({ method: 'GET', path: '/v2/product/category/', route: '/v2/product/category/' });
    expect(ZAVEIT_ENDPOINTS.deleteCategory.request('c-1')).toEqual({ method: 'DELETE', path: '/v2/product/category/c-1', route: '/v2/product/category/{id}' });
    const assumed = Object.entries(ZAVEIT_ENDPOINTS)
      .filter(([, endpoint]) => endpoint.source === 'assumed')
      .map(([name]) => name);
    expect(assumed).toEqual(['listCategories', 'getCategory', 'deleteCategory']);
  });
});

describe("the Zaveit adapter's reads: answers and what they carry", () => {
  test('one listing per request: the call that reads it carries everything; later calls answer from it', async () => {
    const { http, sent } = fakeHttp(() => ({ status: 200, body: TREE }));
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();

    const products = await adapter.getProducts(['p-2', 'p-1', 'ghost'], ctx);
    expect(products.value).toEqual([{ nativeId: 'p-2', sku: 'SKU-p-2', name: 'Product p-2' }, { nativeId: 'p-1', sku: 'SKU-p-1', name: 'Product p-1' }, null]);
    const { carried } = products;
    expect(carried.categories.map((category) => [category.nativeId, category.parentId, category.productCount])).toEqual([
      ['root-1', null, 1],
      ['child-1', 'root-1', 2],
      ['leaf-1', 'child-1', 0],
    ]);
    // Every parent's complete child list, the roots ('') and leaves' empty lists included.
    expect(carried.childLists.map((list) => [list.parentId, list.children.map((child) => child.nativeId), list.includesHidden])).toEqual([
      ['', ['root-1'], true],
      ['root-1', ['child-1'], true],
      ['child-1', ['leaf-1'], true],
      ['leaf-1', [], true],
    ]);
    expect(carried.productOrders).toEqual([
      { categoryId: 'root-1', assignments: [{ productId: 'p-1', position: 0 }] },
      {
        categoryId: 'child-1',
        assignments: [
          { productId: 'p-2', position: 0 },
          { productId: 'p-1', position: 1 },
        ],
      },
      { categoryId: 'leaf-1', assignments: [] },
    ]);
    expect(carried.products.map((record) => record.nativeId)).toEqual(['p-1', 'p-2', 'p-1']);

    const page = await adapter.listCategories({ parentId: 'root-1', includeHidden: false, offset: 0, limit: 10 }, ctx);
    expect(page.value).toEqual({ items: [expect.objectContaining({ nativeId: 'child-1', parentId: 'root-1' })], total: 1 });
    const roots = await adapter.listCategories({ parentId: null, includeHidden: false, offset: 0, limit: 10 }, ctx);
    expect(roots.value.items.map((category) => category.nativeId)).toEqual(['root-1']);
    const sliced = await adapter.listCategories({ includeHidden: false, offset: 1, limit: 1 }, ctx);
    expect(sliced.value).toEqual({ items: [expect.objectContaining({ nativeId: 'child-1' })], total: 3 });
    const batch = await adapter.getCategories(['leaf-1', 'ghost', 'root-1'], ctx);
    expect(batch.value.map((category) => category?.nativeId ?? null)).toEqual(['leaf-1', null, 'root-1']);
    for (const later of [page, roots, sliced, batch]) {
      expect(later.carried.categories).toEqual([]);
      expect(later.carried.childLists).toEqual([]);
    }

    expect(sent.map(({ request }) => `${request.method} ${request.path}`)).toEqual([`GET ${BASE}/`]);
    // Another GraphQL request reads its own listing.
    await adapter.getProducts(['p-1'], requestContext());
    expect(sent).toHaveLength(2);
  });

  test('calls of one request in parallel share the one listing read', async () => {
    const { http, sent } = fakeHttp(() => ({ status: 200, body: TREE }));
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();
    const [products, categories] = await Promise.all([adapter.getProducts(['p-1'], ctx), adapter.getCategories(['root-1', 'child-1'], ctx)]);
    expect(products.value).toEqual([expect.objectContaining({ nativeId: 'p-1' })]);
    expect(categories.value.map((category) => category?.nativeId)).toEqual(['root-1', 'child-1']);
    expect(products.carried.categories.length + categories.carried.categories.length).toBe(3);
    expect(sent).toHaveLength(1);
  });

  test('one category is GET /{id}: it carries the category, its product order and its products; 404 is null', async () => {
    const { http, sent } = fakeHttp((request) => (request.path === `${BASE}/child-1` ? { status: 200, body: TREE[1] } : { status: 404, body: { message: 'Not found' } }));
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();

    const one = await adapter.getCategories(['child-1'], ctx);
    expect(one.value).toEqual([expect.objectContaining({ nativeId: 'child-1', parentId: 'root-1', productCount: 2 })]);
    expect(one.carried.categories.map((category) => category.nativeId)).toEqual(['child-1']);
    expect(one.carried.productOrders).toEqual([
      {
        categoryId: 'child-1',
        assignments: [
          { productId: 'p-2', position: 0 },
          { productId: 'p-1', position: 1 },
        ],
      },
    ]);
    expect(one.carried.products.map((record) => record.nativeId)).toEqual(['p-2', 'p-1']);
    expect(one.carried.childLists).toEqual([]);

    const order = await adapter.getCategoryProducts('child-1', ctx);
    expect(order.value).toEqual([
      { productId: 'p-2', position: 0 },
      { productId: 'p-1', position: 1 },
    ]);
    expect((await adapter.getCategories(['ghost'], ctx)).value).toEqual([null]);
    expect((await adapter.getCategoryProducts('ghost', ctx)).value).toBeNull();
    expect(sent.map(({ request }) => request.path)).toEqual([`${BASE}/child-1`, `${BASE}/child-1`, `${BASE}/ghost`, `${BASE}/ghost`]);
  });

  test('a listing that is not the expected JSON is UPSTREAM_UNAVAILABLE (retryable), and the request reads it again next time', async () => {
    let body: unknown = [{ _id: 'c', name: 'C' }];
    const { http, sent } = fakeHttp(() => ({ status: 200, body }));
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();
    await expect(adapter.getProducts(['p-1'], ctx)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
      message: 'Zaveit answered with a body that is not the expected JSON',
    });
    body = '<html>';
    await expect(adapter.listCategories({ includeHidden: false, offset: 0, limit: 1 }, ctx)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    body = TREE;
    expect((await adapter.getProducts(['p-1'], ctx)).value).toEqual([expect.objectContaining({ nativeId: 'p-1' })]);
    expect(sent).toHaveLength(3);
  });

  test('a 404 on the listing is UPSTREAM_ERROR (no listing at this baseUrl)', async () => {
    const { http } = fakeHttp(() => ({ status: 404, body: { message: 'Cannot GET' } }));
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    await expect(adapter.getProducts(['p-1'], requestContext())).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: 'Zaveit has no category listing at this baseUrl' });
  });
});

describe("the Zaveit adapter's writes", () => {
  /** An emulated category `child-1` (parent `root-1`) holding p-1; p-2 and p-3 exist, anything else is unknown. */
  function zaveitWithOneCategory() {
    let products = [product('p-1')];
    const known = new Set(['p-1', 'p-2', 'p-3']);
    return fakeHttp((request) => {
      if (request.method === 'GET' && request.path === `${BASE}/`) return { status: 200, body: [{ _id: 'child-1', name: 'Child', parent: 'root-1', products }] };
      if (request.method === 'GET' && request.path === `${BASE}/child-1`) return { status: 200, body: { _id: 'child-1', name: 'Child', parent: 'root-1', products } };
      if (request.method === 'GET') return { status: 404, body: { message: 'Category not found' } };
      const ids = request.json as string[];
      if (request.path === `${BASE}/child-1/products/add`) {
        const unknown = ids.filter((id) => !known.has(id));
        if (unknown.length > 0) return { status: 404, body: { message: `Products not found: ${unknown.join(', ')}` } };
        products = [...products, ...ids.map((id) => product(id))];
      } else if (request.path === `${BASE}/child-1/products/remove`) {
        products = products.filter((item) => !ids.includes(item._id));
      } else {
        return { status: 404, body: { message: 'Category not found' } };
      }
      // Add and remove answers have no parent.
      return { status: 200, body: { _id: 'child-1', name: 'Child', products } };
    });
  }

  test('assign: under the lock (every upstream call carries its lease), already-assigned ids left out, unknown ids are failures; the answer carries the category with its known parent', async () => {
    const { http, sent } = zaveitWithOneCategory();
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();

    const answer = await adapter.assignProducts('child-1', ['p-1', 'ghost', 'p-2'], ctx);
    expect(answer.value.assignments).toEqual([
      { productId: 'p-1', position: 0 },
      { productId: 'p-2', position: 1 },
    ]);
    expect(answer.value.failures).toEqual([expect.objectContaining({ code: 'PRODUCT_NOT_FOUND', message: 'Product ghost does not exist', productId: 'ghost' })]);
    expect(answer.carried.categories).toEqual([expect.objectContaining({ nativeId: 'child-1', parentId: 'root-1', productCount: 2 })]);
    expect(answer.carried.productOrders).toEqual([
      {
        categoryId: 'child-1',
        assignments: [
          { productId: 'p-1', position: 0 },
          { productId: 'p-2', position: 1 },
        ],
      },
    ]);
    expect(answer.carried.products.map((record) => record.nativeId)).toEqual(['p-1', 'p-2']);

    expect(sent.map(({ request }) => [request.method, request.path, request.json])).toEqual([
      ['GET', `${BASE}/child-1`, undefined],
      ['PUT', `${BASE}/child-1/products/add`, ['ghost', 'p-2']],
      ['PUT', `${BASE}/child-1/products/add`, ['p-2']],
    ]);
    for (const { call } of sent) {
      expect(call.lease).toBeDefined();
      expect(call.signal).toBe(ctx.signal);
    }
    expect(ctx).not.toHaveProperty('lease');
  });

  test('unassign: only assigned ids are sent, under the lock; the answer carries the category after the write', async () => {
    const { http, sent } = zaveitWithOneCategory();
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const answer = await adapter.unassignProducts('child-1', ['p-1', 'ghost', 'p-3'], requestContext());
    // Ids not in the category are skipped, not failures; the one write landed whole.
    expect(answer.value).toEqual({ failures: [] });
    expect(answer.carried.categories).toEqual([expect.objectContaining({ nativeId: 'child-1', parentId: 'root-1', productCount: 0 })]);
    expect(answer.carried.productOrders).toEqual([{ categoryId: 'child-1', assignments: [] }]);
    expect(sent.map(({ request }) => [request.method, request.path, request.json])).toEqual([
      ['GET', `${BASE}/child-1`, undefined],
      ['PUT', `${BASE}/child-1/products/remove`, ['p-1']],
    ]);
    expect(sent.every(({ call }) => call.lease !== undefined)).toBe(true);
  });

  test('assign and unassign of an unknown category are CATEGORY_NOT_FOUND, with no write sent', async () => {
    const { http, sent } = zaveitWithOneCategory();
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    await expect(adapter.assignProducts('ghost', ['p-1'], requestContext())).rejects.toMatchObject({ code: 'CATEGORY_NOT_FOUND', field: ['categoryId'] });
    await expect(adapter.unassignProducts('ghost', ['p-1'], requestContext())).rejects.toMatchObject({ code: 'CATEGORY_NOT_FOUND', field: ['categoryId'] });
    expect(sent.map(({ request }) => request.method)).toEqual(['GET', 'GET']);
  });

  test("a write forgets the request's listing: a later read of the same request sees it", async () => {
    const { http, sent } = zaveitWithOneCategory();
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();
    expect((await adapter.getProducts(['p-3'], ctx)).value).toEqual([null]);
    await adapter.assignProducts('child-1', ['p-3'], ctx);
    const after = await adapter.getProducts(['p-3'], ctx);
    expect(after.value).toEqual([expect.objectContaining({ nativeId: 'p-3' })]);
    expect(after.carried.categories).toEqual([expect.objectContaining({ nativeId: 'child-1', productCount: 2 })]);
    expect(sent.filter(({ request }) => request.method === 'GET' && request.path === `${BASE}/`)).toHaveLength(2);
  });

  test('delete: DELETE /{id}, forgetting the listing; 404 is CATEGORY_NOT_FOUND', async () => {
    const { http, sent } = fakeHttp((request) => {
      if (request.method === 'GET') return { status: 200, body: TREE };
      return request.path === `${BASE}/leaf-1` ? { status: 200, body: {} } : { status: 404, body: { message: 'Category not found' } };
    });
    const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
    const ctx = requestContext();
    await adapter.getProducts(['p-1'], ctx);
    const answer = await adapter.deleteCategory('leaf-1', ctx);
    expect(answer.value).toBeUndefined();
    await expect(adapter.deleteCategory('ghost', ctx)).rejects.toMatchObject({ code: 'CATEGORY_NOT_FOUND', message: 'Category ghost does not exist', upstreamStatus: 404 });
    await adapter.getProducts(['p-1'], ctx);
    expect(sent.map(({ request }) => `${request.method} ${request.path}`)).toEqual([`GET ${BASE}/`, `DELETE ${BASE}/leaf-1`, `DELETE ${BASE}/ghost`, `GET ${BASE}/`]);
  });
});
