import { ErrorCode } from '../../../../src/domain/errorCode';
import { GatewayFault } from '../../../../src/domain/gatewayFault';
import { InProcessCategoryLock } from '../../../../src/locks/categoryLock';
import { BigCommerceAdapter } from '../../../../src/platforms/bigcommerce/adapter';
import type { CallContext } from '../../../../src/platforms/port';
import type { UpstreamRequest, UpstreamResponse } from '../../../../src/upstream/types';
import type { UpstreamClient } from '../../../../src/upstream/upstreamClient';
import { RequestMemo } from '../../../../src/util/requestMemo';

/**
 * The adapter against a scripted upstream: what it asks for and how it reads the answers, request by
 * request (the emulator's gateway tests cover the same over real HTTP).
 */

interface Category {
  category_id: number;
  parent_id: number;
  name: string;
  sort_order: number;
  is_visible: boolean;
}

const json = (status: number, body?: unknown, headers: Record<string, string> = {}): UpstreamResponse => ({
  status,
  headers,
  text: body === undefined ? '' : JSON.stringify(body),
});

/** A tree 1 ─ 2 ─ 4, 1 ─ 3, and 5 (hidden root); products 100..109; category 2 holds 100..104. */
function store() {
  const categories: Category[] = [
    { category_id: 1, parent_id: 0, name: 'Shop', sort_order: 0, is_visible: true },
    { category_id: 2, parent_id: 1, name: 'Mugs', sort_order: 1, is_visible: true },
    { category_id: 3, parent_id: 1, name: 'Cups', sort_order: 0, is_visible: true },
    { category_id: 4, parent_id: 2, name: 'Tall', sort_order: 0, is_visible: true },
    { category_id: 5, parent_id: 0, name: 'Hidden', sort_order: 1, is_visible: false },
  ];
  const products = new Map(Array.from({ length: 10 }, (_, n) => [100 + n, { id: 100 + n, name: `P${n}`, sku: `S${n}` }]));
  const sortOrders = new Map<number, Array<{ product_id: number; sort_order: number | null }>>([
    [2, [100, 101, 102, 103, 104].map((id, n) => ({ product_id: id, sort_order: n }))],
    [3, []],
    [4, []],
    [1, []],
    [5, []],
  ]);
  return { categories, products, sortOrders };
}

type Store = ReturnType<typeof store>;

function bigCommerce(s: Store, override?: (request: UpstreamRequest) => UpstreamResponse | undefined) {
  const requests: UpstreamRequest[] = [];
  const idsOf = (value: unknown) => String(value).split(',').map(Number);
  const handle = (request: UpstreamRequest): UpstreamResponse => {
    const q = request.query ?? {};
    if (request.method === 'GET' && request.path === '/catalog/trees/categories') {
      let list = [...s.categories];
      if (q['category_id:in'] !== undefined) list = list.filter((c) => idsOf(q['category_id:in']).includes(c.category_id));
      if (q['parent_id:in'] !== undefined) list = list.filter((c) => idsOf(q['parent_id:in']).includes(c.parent_id));
      if (q.is_visible) list = list.filter((c) => c.is_visible);
      const limit = Number(q.limit);
      const page = Number(q.page);
      const data = list.slice((page - 1) * limit, page * limit).map((c) => ({ ...c, tree_id: 1, url: { path: `/${c.name.toLowerCase()}/`, is_customized: false } }));
      return json(200, {
        data,
        meta: { pagination: { total: list.length, count: data.length, per_page: limit, current_page: page, total_pages: Math.ceil(list.length / limit) } },
      });
    }
    const sortPath = /^\/catalog\/categories\/(\d+)\/products\/sort-order$/.exec(request.path);
    if (sortPath) {
      const entries = s.sortOrders.get(Number(sortPath[1]));
      if (!entries) return json(404, { status: 404, title: 'Category not found', type: 't' });
      if (request.method === 'GET') return json(200, { data: entries, meta: { pagination: { total: entries.length, total_pages: 1 } } });
      const writes = request.json as Array<{ product_id: number; sort_order: number }>;
      const stranger = writes.find((write) => !entries.some((e) => e.product_id === write.product_id));
      if (stranger) return json(422, { status: 422, title: `Product ${stranger.product_id} is not assigned to category ${sortPath[1]}`, type: 't' });
      for (const write of writes) entries.find((e) => e.product_id === write.product_id)!.sort_order = write.sort_order;
      return json(200, writes);
    }
    if (request.path === '/catalog/products/category-assignments' && request.method === 'PUT') {
      const items = request.json as Array<{ product_id: number; category_id: number }>;
      // One bad pair fails the batch: 422, keyed "<index>.product_id".
      const errors = Object.fromEntries(items.flatMap((item, at) => (s.products.has(item.product_id) ? [] : [[`${at}.product_id`, `Product ${item.product_id} does not exist`]])));
      if (Object.keys(errors).length > 0) return json(422, { status: 422, title: 'The category assignments were not valid', type: 't', errors });
      for (const item of items) {
        const entries = s.sortOrders.get(item.category_id)!;
        if (!entries.some((e) => e.product_id === item.product_id)) entries.push({ product_id: item.product_id, sort_order: null });
      }
      return json(204);
    }
    if (request.path === '/catalog/products' && request.method === 'GET') {
      const data = idsOf(q['id:in']).flatMap((id) => (s.products.has(id) ? [s.products.get(id)!] : []));
      return json(200, { data, meta: { pagination: { total: data.length, total_pages: 1 } } });
    }
    throw new Error(`unexpected ${request.method} ${request.path}`);
  };
  const http = {
    send: async (request: UpstreamRequest) => {
      requests.push(request);
      return override?.(request) ?? handle(request);
    },
  } as unknown as UpstreamClient;
  return { http, requests };
}

const ctx = (walksCategoryTree = false): CallContext => ({ signal: new AbortController().signal, deadlineAt: Date.now() + 10_000, memo: new RequestMemo(), walksCategoryTree });
const adapterOn = (http: UpstreamClient) => new BigCommerceAdapter(http, new InProcessCategoryLock(), 1);

describe('reads', () => {
  test('a walk reads the whole flat listing once and carries every category and child list, siblings in sort_order', async () => {
    const s = store();
    const { http, requests } = bigCommerce(s);
    const adapter = adapterOn(http);
    const call = ctx(true);
    const [categories, children] = await Promise.all([
      adapter.getCategories(['2', '99'], call),
      adapter.listCategories({ parentId: '1', includeHidden: false, offset: 0, limit: 20 }, call),
    ]);
    expect(categories.value.map((c) => c?.name ?? null)).toEqual(['Mugs', null]);
    // Sibling order is the tree's (Cups has the lower sort_order).
    expect(children.value).toMatchObject({ items: [{ name: 'Cups' }, { name: 'Mugs' }], total: 2 });
    const roots = await adapter.listCategories({ parentId: null, includeHidden: true, offset: 0, limit: 20 }, call);
    expect(roots.value.items.map((c) => c.name)).toEqual(['Shop', 'Hidden']);
    expect(requests.map((r) => [r.path, r.query])).toEqual([['/catalog/trees/categories', { 'tree_id:in': 1, page: 1, limit: 250 }]]);
    const carried = categories.carried.categories.length ? categories.carried : children.carried;
    expect(carried.categories).toHaveLength(5);
    expect(new Map(carried.childLists.map((list) => [list.parentId, list.children.map((c) => c.nativeId)]))).toEqual(
      new Map([
        ['', ['1', '5']],
        ['1', ['3', '2']],
        ['2', ['4']],
        ['3', []],
        ['4', []],
        ['5', []],
      ]),
    );
  });

  test('without a walk: one flat read by id for many categories, tree-scoped', async () => {
    const { http, requests } = bigCommerce(store());
    const answer = await adapterOn(http).getCategories(['1', '2', '3', '77'], ctx());
    expect(answer.value.map((c) => c?.nativeId ?? null)).toEqual(['1', '2', '3', null]);
    expect(requests).toHaveLength(1);
    expect(requests[0].query).toMatchObject({ 'tree_id:in': 1, 'category_id:in': '1,2,3,77' });
    expect(answer.carried.categories).toHaveLength(3);
  });

  test('one parent’s children: the listing filtered by parent (0 for roots), visible only unless hidden ones are asked for', async () => {
    const { http, requests } = bigCommerce(store());
    const adapter = adapterOn(http);
    const roots = await adapter.listCategories({ parentId: null, includeHidden: false, offset: 0, limit: 50 }, ctx());
    expect(roots.value).toMatchObject({ items: [{ name: 'Shop' }], total: 1 });
    expect(requests[0].query).toMatchObject({ 'parent_id:in': '0', is_visible: true, page: 1, limit: 250 });
    expect(roots.carried.childLists).toEqual([expect.objectContaining({ parentId: '', includesHidden: false })]);
  });

  test('the product order: ascending sort_order, products without one last', async () => {
    const s = store();
    s.sortOrders.set(2, [
      { product_id: 104, sort_order: null },
      { product_id: 101, sort_order: 5 },
      { product_id: 100, sort_order: 1 },
    ]);
    const { http } = bigCommerce(s);
    const order = await adapterOn(http).getCategoryProducts('2', ctx());
    expect(order.value).toEqual([
      { productId: '100', position: 0 },
      { productId: '101', position: 1 },
      { productId: '104', position: 2 },
    ]);
    expect((await adapterOn(http).getCategoryProducts('404', ctx())).value).toBeNull();
  });

  test('every request may be retried when the quota resets: the adapter tells the client how to read the reset time', async () => {
    const { http, requests } = bigCommerce(store());
    await adapterOn(http).getProducts(['100'], ctx());
    expect(requests[0].retryAfterMs?.(json(429, undefined, { 'x-rate-limit-time-reset-ms': '1500' }))).toBe(1500);
    expect(requests[0].query).toMatchObject({ 'id:in': '100', include_fields: 'name,sku' });
  });
});

describe('writes', () => {
  test('assign: unknown products are per-product failures found before the write; the others are appended in input order', async () => {
    const s = store();
    const { http, requests } = bigCommerce(s);
    const answer = await adapterOn(http).assignProducts('2', ['107', '999', '101', '105'], ctx());
    expect(answer.value.failures.map((f) => [f.code, f.productId])).toEqual([[ErrorCode.PRODUCT_NOT_FOUND, '999']]);
    expect(answer.value.assignments).toEqual([
      { productId: '101', position: 1 },
      { productId: '107', position: 5 },
      { productId: '105', position: 6 },
    ]);
    const writes = requests.filter((r) => r.method !== 'GET');
    expect(writes.map((w) => [w.method, w.path, w.json])).toEqual([
      [
        'PUT',
        '/catalog/products/category-assignments',
        [
          { product_id: 107, category_id: 2 },
          { product_id: 105, category_id: 2 },
        ],
      ],
      [
        'PUT',
        '/catalog/categories/2/products/sort-order',
        [
          { product_id: 107, sort_order: 5 },
          { product_id: 105, sort_order: 6 },
        ],
      ],
    ]);
  });

  test('assign: a batch refused for a product deleted meanwhile is sent again without it; that one fails alone', async () => {
    const s = store();
    // The product is deleted between the gateway's existence check and its write.
    const { http, requests } = bigCommerce(s, (request) => {
      if (request.method === 'PUT' && request.path.endsWith('category-assignments')) s.products.delete(106);
      return undefined;
    });
    const answer = await adapterOn(http).assignProducts('2', ['106', '107'], ctx());
    expect(answer.value.failures.map((f) => [f.code, f.productId])).toEqual([[ErrorCode.PRODUCT_NOT_FOUND, '106']]);
    expect(answer.value.assignments).toEqual([{ productId: '107', position: 5 }]);
    expect(s.sortOrders.get(2)!.map((e) => e.product_id)).toEqual([100, 101, 102, 103, 104, 107]);
    expect(requests.filter((r) => r.path.endsWith('category-assignments')).map((r) => r.json)).toEqual([
      [
        { product_id: 106, category_id: 2 },
        { product_id: 107, category_id: 2 },
      ],
      [{ product_id: 107, category_id: 2 }],
    ]);
  });

  test('assign to a category that does not exist is CATEGORY_NOT_FOUND before any write', async () => {
    const { http, requests } = bigCommerce(store());
    await expect(adapterOn(http).assignProducts('404', ['100'], ctx())).rejects.toMatchObject({ code: ErrorCode.CATEGORY_NOT_FOUND, field: ['categoryId'] });
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  test('move: the renumbered order is written where it changes, then verified', async () => {
    const s = store();
    const { http, requests } = bigCommerce(s);
    const answer = await adapterOn(http).moveProduct('2', '100', 2, ctx());
    expect(answer.value).toEqual({ productId: '100', position: 2 });
    expect(
      s.sortOrders
        .get(2)!
        .sort((a, b) => a.sort_order! - b.sort_order!)
        .map((e) => e.product_id),
    ).toEqual([101, 102, 100, 103, 104]);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET']);
    expect(answer.carried.productOrders[0].assignments.map((a) => a.productId)).toEqual(['101', '102', '100', '103', '104']);
  });

  test('move: where another client keeps undoing it, CONFLICT after three tries', async () => {
    const s = store();
    // Writes are answered but never applied.
    const { http, requests } = bigCommerce(s, (request) => (request.method === 'PUT' ? json(200, []) : undefined));
    await expect(adapterOn(http).moveProduct('2', '104', 0, ctx())).rejects.toMatchObject({ code: ErrorCode.CONFLICT, retryable: true });
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(3);
  });

  test('move: a product not in the category is ASSIGNMENT_NOT_FOUND; a move to where it is writes nothing', async () => {
    const { http, requests } = bigCommerce(store());
    const adapter = adapterOn(http);
    await expect(adapter.moveProduct('2', '109', 0, ctx())).rejects.toBeInstanceOf(GatewayFault);
    await expect(adapter.moveProduct('2', '109', 0, ctx())).rejects.toMatchObject({ code: ErrorCode.ASSIGNMENT_NOT_FOUND, field: ['productId'] });
    expect((await adapter.moveProduct('2', '102', 2, ctx())).value).toEqual({ productId: '102', position: 2 });
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  test('a write forgets the request’s tree, so the rest of the operation reads it anew', async () => {
    const s = store();
    const { http, requests } = bigCommerce(s);
    const adapter = adapterOn(http);
    const call = ctx(true);
    await adapter.getCategories(['1'], call);
    await adapter.moveProduct('2', '100', 1, call);
    requests.length = 0;
    await adapter.getCategories(['1'], call);
    expect(requests.map((r) => r.path)).toEqual(['/catalog/trees/categories']);
  });
});
