import { BIGCOMMERCE_ERROR_TYPE, startBigCommerceEmulator } from '../../../../src/emulators/bigcommerce';
import { BigCommerce, categoryNamed, storeClient } from '../../../support/bigcommerceEmulatorClient';
import type { EmulatorCall } from '../../../support/emulatorClient';

/** The fields of a flat-listing category, as the spec's "Get Category 12" example has them (docs/platforms/bigcommerce.md#endpoints). */
const CATEGORY_FIELDS = [
  'category_id',
  'category_uuid',
  'parent_id',
  'tree_id',
  'name',
  'description',
  'views',
  'sort_order',
  'page_title',
  'meta_keywords',
  'meta_description',
  'layout_file',
  'image_url',
  'is_visible',
  'search_keywords',
  'default_product_sort',
  'url',
].sort();
const NODE_FIELDS = ['children', 'depth', 'id', 'is_visible', 'name', 'parent_id', 'path', 'url'];

interface Node {
  id: number;
  parent_id: number;
  depth: number;
  path: number[];
  name: string;
  children: Node[];
}
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);

describe('BigCommerce emulator: category reads (docs/platforms/bigcommerce.md#endpoints)', () => {
  let bc: BigCommerce;
  let call: EmulatorCall;
  beforeAll(async () => {
    bc = await startBigCommerceEmulator({ rateLimit: false });
    call = storeClient(bc);
  });
  afterAll(() => bc.close());

  describe('GET /catalog/trees/{tree_id}/categories', () => {
    it('answers the whole tree nested, as CategoryNode objects with an empty meta', async () => {
      const { status, body } = await call('GET', '/catalog/trees/1/categories');

      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['data', 'meta']);
      expect(body.meta).toEqual({});
      const nodes = flatten(body.data);
      expect(nodes).toHaveLength([...bc.catalog.categories.values()].filter((c) => c.treeId === 1).length);
      for (const node of nodes) expect(Object.keys(node).sort()).toEqual(NODE_FIELDS);
      const aprons = nodes.find((node) => node.name === 'Aprons');
      expect(aprons).toEqual({
        id: categoryNamed(bc, 'Aprons'),
        parent_id: categoryNamed(bc, 'Kitchen Textiles'),
        depth: 2,
        path: [categoryNamed(bc, 'Kitchen'), categoryNamed(bc, 'Kitchen Textiles')],
        name: 'Aprons',
        is_visible: true,
        url: '/kitchen/kitchen-textiles/aprons/',
        children: [],
      });
    });

    it('lists roots and every children list by sort_order, then id (docs/platforms/bigcommerce.md#ordering-and-positions)', async () => {
      const { body } = await call('GET', '/catalog/trees/1/categories');

      // Shop All was created last but has sort_order 0; Clearance (hidden) has 9.
      expect(body.data.map((node: Node) => node.name)).toEqual(['Shop All', 'Kitchen', 'Garden', 'Bath', 'Publications', 'Utility', 'Outdoor Living', 'Clearance']);
      expect(body.data.find((node: Node) => node.name === 'Clearance').is_visible).toBe(false);
      for (const node of flatten(body.data)) {
        const order = node.children.map((child) => bc.catalog.category(child.id)!);
        const sorted = [...order].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
        expect(order.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
      }
      const kitchen = body.data.find((node: Node) => node.name === 'Kitchen');
      // The demo sorts Kitchen's groups against their creation order, so id order would fail here.
      expect(kitchen.children.map((child: Node) => child.name)).toEqual(['Kitchen Textiles', 'Appliances', 'Storage', 'Tableware', 'Cookware']);
    });

    it('cuts the tree at `depth` levels', async () => {
      const roots = await call('GET', '/catalog/trees/1/categories?depth=1');
      const two = await call('GET', '/catalog/trees/1/categories?depth=2');

      expect(roots.body.data.every((node: Node) => node.children.length === 0)).toBe(true);
      expect(Math.max(...flatten(two.body.data).map((node) => node.depth))).toBe(1);
      expect(
        flatten(two.body.data)
          .filter((node) => node.depth === 1)
          .every((node) => node.children.length === 0),
      ).toBe(true);
    });

    it('serves each tree apart, and answers an unknown tree with 404 and the error body', async () => {
      const second = await call('GET', '/catalog/trees/2/categories');
      const unknown = await call('GET', '/catalog/trees/99/categories');

      expect(second.body.data.map((node: Node) => node.name)).toEqual(['Bulk Buys']);
      expect(second.body.data[0].children.map((node: Node) => node.name)).toEqual(['Kitchen Bulk', 'Cleaning Bulk']);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ status: 404, title: 'Category tree 99 not found', type: BIGCOMMERCE_ERROR_TYPE, errors: {} });
    });
  });

  describe('GET /catalog/trees/categories (docs/platforms/bigcommerce.md#paging)', () => {
    it('answers every field of the spec example and meta.pagination, 50 a page by default', async () => {
      const total = bc.catalog.categories.size;
      const first = await call('GET', '/catalog/trees/categories');
      const second = await call('GET', '/catalog/trees/categories?page=2');

      expect(first.status).toBe(200);
      expect(Object.keys(first.body.data[0]).sort()).toEqual(CATEGORY_FIELDS);
      expect(first.body.meta.pagination).toEqual({
        total,
        count: 50,
        per_page: 50,
        current_page: 1,
        total_pages: Math.ceil(total / 50),
        links: { current: '?limit=50&page=1', next: '?limit=50&page=2' },
      });
      expect(second.body.meta.pagination).toMatchObject({ count: total - 50, current_page: 2, links: { previous: '?limit=50&page=1', current: '?limit=50&page=2' } });
      expect(second.body.meta.pagination.links.next).toBeUndefined();
      const ids = [...first.body.data, ...second.body.data].map((c: { category_id: number }) => c.category_id);
      expect(ids).toEqual([...bc.catalog.categories.keys()].sort((a, b) => a - b));
    });

    it('caps limit at 250, and answers a page past the end with no data', async () => {
      const all = await call('GET', '/catalog/trees/categories?limit=1000');
      const past = await call('GET', '/catalog/trees/categories?limit=10&page=50');

      expect(all.body.meta.pagination).toMatchObject({ per_page: 250, count: bc.catalog.categories.size, total_pages: 1 });
      expect(past.body.data).toEqual([]);
      expect(past.body.meta.pagination).toMatchObject({ count: 0, current_page: 50, links: { previous: '?limit=10&page=49' } });
    });

    it('describes a category as the store keeps it', async () => {
      const kitchen = bc.catalog.category(categoryNamed(bc, 'Kitchen'))!;
      const { body } = await call('GET', `/catalog/trees/categories?category_id:in=${kitchen.id}`);

      expect(body.data).toEqual([
        {
          category_id: kitchen.id,
          category_uuid: kitchen.uuid,
          parent_id: 0,
          tree_id: 1,
          name: 'Kitchen',
          description: '<p>Kitchen for every home.</p>',
          views: 0,
          sort_order: 1,
          page_title: '',
          meta_keywords: [''],
          meta_description: '',
          layout_file: 'category.html',
          image_url: '',
          is_visible: true,
          search_keywords: '',
          default_product_sort: 'use_store_settings',
          url: { path: '/kitchen/', is_customized: false },
        },
      ]);
    });

    it('filters by the :in and :not_in lists, visibility and name', async () => {
      const ids = (answer: { body: { data: Array<{ category_id: number }> } }) => answer.body.data.map((c) => c.category_id);
      const kitchen = categoryNamed(bc, 'Kitchen');
      const garden = categoryNamed(bc, 'Garden');

      const roots = await call('GET', '/catalog/trees/categories?tree_id:in=1&parent_id:in=0');
      const some = await call('GET', `/catalog/trees/categories?category_id:in=${garden},${kitchen},999999`);
      const notRoots = await call('GET', '/catalog/trees/categories?tree_id:in=1&parent_id:not_in=0&limit=250');
      const otherTree = await call('GET', '/catalog/trees/categories?tree_id:not_in=1');
      const hidden = await call('GET', '/catalog/trees/categories?is_visible=false');
      const like = await call('GET', '/catalog/trees/categories?name:like=bulk');
      const exact = await call('GET', '/catalog/trees/categories?name=Garden');

      expect(roots.body.data.map((c: { name: string }) => c.name)).toEqual(['Kitchen', 'Garden', 'Bath', 'Publications', 'Utility', 'Outdoor Living', 'Clearance', 'Shop All']);
      expect(ids(some)).toEqual([kitchen, garden]);
      expect(notRoots.body.meta.pagination.total).toBe(91 - 8);
      expect(ids(otherTree)).toEqual(['Bulk Buys', 'Kitchen Bulk', 'Cleaning Bulk'].map((name) => categoryNamed(bc, name)));
      expect(ids(hidden)).toEqual([categoryNamed(bc, 'Clearance')]);
      expect(ids(like)).toEqual(ids(otherTree));
      expect(ids(exact)).toEqual([garden]);
    });

    it('keeps the id and the fields named by include_fields, drops those named by exclude_fields', async () => {
      const kitchen = categoryNamed(bc, 'Kitchen');
      const included = await call('GET', `/catalog/trees/categories?category_id:in=${kitchen}&include_fields=name,sort_order`);
      const excluded = await call('GET', `/catalog/trees/categories?category_id:in=${kitchen}&exclude_fields=description,category_id`);

      expect(included.body.data).toEqual([{ category_id: kitchen, name: 'Kitchen', sort_order: 1 }]);
      expect(Object.keys(excluded.body.data[0])).toContain('category_id');
      expect(Object.keys(excluded.body.data[0])).not.toContain('description');
    });

    it.each([
      ['a non-numeric id list', 'category_id:in=12,abc', 'category_id:in'],
      ['a zero limit', 'limit=0', 'limit'],
      ['a non-numeric page', 'page=first', 'page'],
      ['a non-boolean is_visible', 'is_visible=maybe', 'is_visible'],
    ])('answers %s with 422, the error object nested under `errors` (docs/platforms/bigcommerce.md#faults)', async (_, query, field) => {
      const { status, body } = await call('GET', `/catalog/trees/categories?${query}`);

      expect(status).toBe(422);
      expect(body).toEqual({
        errors: { status: 422, title: expect.stringContaining(field), type: BIGCOMMERCE_ERROR_TYPE, errors: { [field]: expect.any(String) } },
        meta: { total: 0, success: 0, failed: 0 },
      });
    });
  });
});
