import { startZaveitHarness, ZAVEIT_STORE, ZaveitHarness } from '../../../support/zaveitGateway';
import {
  categoryGid,
  EXCHANGE_PLAN_1,
  FORTIGATE_40F,
  GHOST,
  GHOST_2,
  LISENSER,
  M365_BUSINESS,
  MICROSOFT_365,
  ONEDRIVE_PLAN_1,
  productGid,
  productIdsIn,
  TEAMS_ESSENTIALS,
  upstreamRequests,
} from '../../../support/zaveitDemoIds';

const ASSIGN = `mutation ($input: AssignProductsInput!) { assignProducts(input: $input) {
  assignments { position category { nativeId } product { id nativeId sku name } }
  category { nativeId name productCount products(first: 50) { totalCount nodes { position product { nativeId sku name } } } }
  userErrors { code field message retryable }
} }`;

const UNASSIGN = `mutation ($input: UnassignProductsInput!) { unassignProducts(input: $input) {
  unassignedProductIds
  category { nativeId productCount products { nodes { position product { nativeId name } } } }
  userErrors { code field message }
} }`;

const DELETE = `mutation ($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedCategoryId userErrors { code field message } } }`;

describe('Zaveit mutations through the gateway', () => {
  let zaveit: ZaveitHarness;
  beforeEach(async () => {
    zaveit = await startZaveitHarness();
  });
  afterEach(() => zaveit.close());

  const mutate = async (text: string, input: Record<string, unknown>) => {
    zaveit.emulator.server.log.clear();
    const response = await zaveit.gateway.query(text, { input });
    expect(response.errors).toBeUndefined();
    return response.data;
  };

  describe('assignProducts', () => {
    it("appends the products in input order with one write, and the payload's category costs no further request", async () => {
      const before = productIdsIn(zaveit, M365_BUSINESS);

      const data = await mutate(ASSIGN, { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(EXCHANGE_PLAN_1), productGid(FORTIGATE_40F)] });

      const { assignments, category, userErrors } = data.assignProducts;
      expect(userErrors).toEqual([]);
      expect(assignments).toEqual([
        {
          position: 10,
          category: { nativeId: M365_BUSINESS },
          product: { id: productGid(EXCHANGE_PLAN_1), nativeId: EXCHANGE_PLAN_1, sku: 'M365B-1002', name: 'Exchange Online (Plan 1)' },
        },
        {
          position: 11,
          category: { nativeId: M365_BUSINESS },
          product: { id: productGid(FORTIGATE_40F), nativeId: FORTIGATE_40F, sku: 'FW-1001', name: 'Fortinet FortiGate 40F' },
        },
      ]);
      expect(category).toMatchObject({ nativeId: M365_BUSINESS, name: 'Microsoft 365 for bedrift', productCount: 12 });
      expect(category.products.totalCount).toBe(12);
      expect(category.products.nodes.slice(-3)).toEqual([
        { position: 9, product: expect.objectContaining({ sku: 'M365B-1011' }) },
        { position: 10, product: { nativeId: EXCHANGE_PLAN_1, sku: 'M365B-1002', name: 'Exchange Online (Plan 1)' } },
        { position: 11, product: { nativeId: FORTIGATE_40F, sku: 'FW-1001', name: 'Fortinet FortiGate 40F' } },
      ]);
      // The read that says the parent and proves the category, then the one write: nothing for the payload.
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `PUT ~/${M365_BUSINESS}/products/add`]);
      expect(zaveit.emulator.server.log.all()[1].body).toEqual([EXCHANGE_PLAN_1, FORTIGATE_40F]);
      expect(productIdsIn(zaveit, M365_BUSINESS)).toEqual([...before, EXCHANGE_PLAN_1, FORTIGATE_40F]);
      expect(zaveit.emulator.catalog.product(FORTIGATE_40F)?.categories).toEqual([M365_BUSINESS]);
    });

    it("keeps the category's parent in the payload (add's answer has none: it comes from the read before the write)", async () => {
      const data = await mutate(
        `mutation ($input: AssignProductsInput!) { assignProducts(input: $input) { category { name parent { nativeId name } ancestors { name } } userErrors { code } } }`,
        { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(EXCHANGE_PLAN_1)] },
      );

      expect(data.assignProducts).toEqual({
        category: { name: 'Microsoft 365 for bedrift', parent: { nativeId: MICROSOFT_365, name: 'Microsoft 365' }, ancestors: [{ name: 'Lisenser' }, { name: 'Microsoft 365' }] },
        userErrors: [],
      });
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `PUT ~/${M365_BUSINESS}/products/add`, `GET ~/${MICROSOFT_365}`, `GET ~/${LISENSER}`]);
    });

    it('keeps an already assigned product in its place, counts duplicates once, and writes nothing when nothing is new', async () => {
      const before = productIdsIn(zaveit, M365_BUSINESS);

      const data = await mutate(ASSIGN, {
        categoryId: categoryGid(M365_BUSINESS),
        productIds: [productGid(ONEDRIVE_PLAN_1), productGid(TEAMS_ESSENTIALS), productGid(ONEDRIVE_PLAN_1)],
      });

      expect(data.assignProducts.userErrors).toEqual([]);
      expect(data.assignProducts.assignments.map((a: { position: number; product: { nativeId: string } }) => [a.position, a.product.nativeId])).toEqual([
        [0, TEAMS_ESSENTIALS],
        [1, ONEDRIVE_PLAN_1],
      ]);
      expect(data.assignProducts.category.productCount).toBe(10);
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`]);
      expect(productIdsIn(zaveit, M365_BUSINESS)).toEqual(before);
    });

    it('assigns the products that exist and answers one PRODUCT_NOT_FOUND per unknown one, pointing at its input index', async () => {
      const before = productIdsIn(zaveit, M365_BUSINESS);

      const data = await mutate(ASSIGN, {
        categoryId: categoryGid(M365_BUSINESS),
        productIds: [productGid(EXCHANGE_PLAN_1), productGid(GHOST), productGid(FORTIGATE_40F), productGid(GHOST_2)],
      });

      const { assignments, userErrors, category } = data.assignProducts;
      expect(assignments.map((a: { position: number; product: { nativeId: string } }) => [a.position, a.product.nativeId])).toEqual([
        [10, EXCHANGE_PLAN_1],
        [11, FORTIGATE_40F],
      ]);
      expect(userErrors).toEqual([
        { code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '1'], message: `Product ${GHOST} does not exist`, retryable: false },
        { code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '3'], message: `Product ${GHOST_2} does not exist`, retryable: false },
      ]);
      expect(category.productCount).toBe(12);
      // Zaveit rejects the whole add for one unknown id: the unknown ones are left out and the rest sent again.
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `PUT ~/${M365_BUSINESS}/products/add`, `PUT ~/${M365_BUSINESS}/products/add`]);
      expect(zaveit.emulator.server.log.all()[2].body).toEqual([EXCHANGE_PLAN_1, FORTIGATE_40F]);
      expect(productIdsIn(zaveit, M365_BUSINESS)).toEqual([...before, EXCHANGE_PLAN_1, FORTIGATE_40F]);
    });

    it('answers PRODUCT_NOT_FOUND for every product when none exists, changing nothing', async () => {
      const before = productIdsIn(zaveit, M365_BUSINESS);

      const data = await mutate(ASSIGN, { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(GHOST)] });

      expect(data.assignProducts.assignments).toEqual([]);
      expect(data.assignProducts.userErrors).toEqual([expect.objectContaining({ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '0'] })]);
      expect(data.assignProducts.category).toMatchObject({ nativeId: M365_BUSINESS, productCount: 10 });
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `PUT ~/${M365_BUSINESS}/products/add`]);
      expect(productIdsIn(zaveit, M365_BUSINESS)).toEqual(before);
    });

    it("finds unknown products in one pass when Zaveit's 404 does not name them", async () => {
      zaveit.emulator.server.injectFault({ method: 'PUT', path: '/products/add', status: 404, body: { message: 'Not found' }, times: 1 });

      const data = await mutate(ASSIGN, {
        categoryId: categoryGid(M365_BUSINESS),
        productIds: [productGid(EXCHANGE_PLAN_1), productGid(GHOST), productGid(FORTIGATE_40F)],
      });

      expect(data.assignProducts.assignments.map((a: { position: number; product: { nativeId: string } }) => [a.position, a.product.nativeId])).toEqual([
        [10, EXCHANGE_PLAN_1],
        [11, FORTIGATE_40F],
      ]);
      expect(data.assignProducts.userErrors).toEqual([expect.objectContaining({ code: 'PRODUCT_NOT_FOUND', field: ['input', 'productIds', '1'] })]);
      const bodies = zaveit.emulator.server.log
        .all()
        .filter((entry) => entry.method === 'PUT')
        .map((entry) => entry.body);
      // The whole list, then one pass in groups of ⌈√3⌉ = 2, each id of a refused group alone.
      expect(bodies).toEqual([[EXCHANGE_PLAN_1, GHOST, FORTIGATE_40F], [EXCHANGE_PLAN_1, GHOST], [EXCHANGE_PLAN_1], [GHOST], [FORTIGATE_40F]]);
      expect(productIdsIn(zaveit, M365_BUSINESS).slice(-2)).toEqual([EXCHANGE_PLAN_1, FORTIGATE_40F]);
    });

    it('answers CATEGORY_NOT_FOUND for a category Zaveit does not have, without writing', async () => {
      const data = await mutate(ASSIGN, { categoryId: categoryGid(GHOST), productIds: [productGid(EXCHANGE_PLAN_1)] });

      expect(data.assignProducts).toEqual({
        assignments: [],
        category: null,
        userErrors: [{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'], message: `Category ${GHOST} does not exist`, retryable: false }],
      });
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${GHOST}`]);
    });

    it('refuses malformed and foreign ids as BAD_USER_INPUT before any request', async () => {
      const data = await mutate(ASSIGN, {
        categoryId: categoryGid(M365_BUSINESS),
        productIds: [productGid(EXCHANGE_PLAN_1), productGid('no such/id'), 'gid://categraph/Product/ecwid-demo/1'],
      });

      expect(data.assignProducts.userErrors).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'productIds', '1'] }),
        expect.objectContaining({ code: 'STORE_NOT_FOUND', field: ['input', 'productIds', '2'] }),
      ]);
      expect(upstreamRequests(zaveit)).toEqual([]);
    });

    it('makes the assignment visible to the next request', async () => {
      await mutate(ASSIGN, { categoryId: categoryGid(LISENSER), productIds: [productGid(FORTIGATE_40F)] });

      const response = await zaveit.gateway.query('query ($id: ID!) { category(id: $id) { productCount products { nodes { position product { name } } } } }', {
        id: categoryGid(LISENSER),
      });

      expect(response.data.category).toEqual({ productCount: 1, products: { nodes: [{ position: 0, product: { name: 'Fortinet FortiGate 40F' } }] } });
    });
  });

  describe('unassignProducts', () => {
    it('removes the products with one write, sends only those assigned, and primes the payload', async () => {
      const before = productIdsIn(zaveit, M365_BUSINESS);

      const data = await mutate(UNASSIGN, {
        categoryId: categoryGid(M365_BUSINESS),
        productIds: [productGid(ONEDRIVE_PLAN_1), productGid(EXCHANGE_PLAN_1), productGid(GHOST), productGid(TEAMS_ESSENTIALS)],
      });

      const { unassignedProductIds, category, userErrors } = data.unassignProducts;
      expect(userErrors).toEqual([]);
      expect(unassignedProductIds).toEqual([productGid(ONEDRIVE_PLAN_1), productGid(EXCHANGE_PLAN_1), productGid(GHOST), productGid(TEAMS_ESSENTIALS)]);
      expect(category.productCount).toBe(8);
      expect(category.products.nodes[0]).toEqual({ position: 0, product: { nativeId: before[2], name: 'SharePoint Online (Plan 1)' } });
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `PUT ~/${M365_BUSINESS}/products/remove`]);
      expect(zaveit.emulator.server.log.all()[1].body).toEqual([ONEDRIVE_PLAN_1, TEAMS_ESSENTIALS]);
      expect(productIdsIn(zaveit, M365_BUSINESS)).toEqual(before.slice(2));
      expect(zaveit.emulator.catalog.product(TEAMS_ESSENTIALS)?.categories).toEqual([]);
    });

    it('is no error and no write when none of the products is assigned', async () => {
      const data = await mutate(UNASSIGN, { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(EXCHANGE_PLAN_1), productGid(GHOST)] });

      expect(data.unassignProducts.userErrors).toEqual([]);
      expect(data.unassignProducts.category.productCount).toBe(10);
      expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`]);
    });

    it('answers CATEGORY_NOT_FOUND for a category Zaveit does not have', async () => {
      const data = await mutate(UNASSIGN, { categoryId: categoryGid(GHOST), productIds: [productGid(TEAMS_ESSENTIALS)] });

      expect(data.unassignProducts).toEqual({
        unassignedProductIds: [],
        category: null,
        userErrors: [{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'], message: `Category ${GHOST} does not exist` }],
      });
    });
  });

  describe('deleteCategory', () => {
    it('deletes the category: later reads no longer find it', async () => {
      const data = await mutate(DELETE, { categoryId: categoryGid(M365_BUSINESS) });

      expect(data.deleteCategory).toEqual({ deletedCategoryId: categoryGid(M365_BUSINESS), userErrors: [] });
      expect(upstreamRequests(zaveit)).toEqual([`DELETE ~/${M365_BUSINESS}`]);
      expect(zaveit.emulator.catalog.category(M365_BUSINESS)).toBeUndefined();
      const after = await zaveit.gateway.query('query ($id: ID!, $parent: ID!) { category(id: $id) { name } parent: category(id: $parent) { children { nodes { nativeId } } } }', {
        id: categoryGid(M365_BUSINESS),
        parent: categoryGid(MICROSOFT_365),
      });
      expect(after.data.category).toBeNull();
      expect(after.data.parent.children.nodes.map((node: { nativeId: string }) => node.nativeId)).not.toContain(M365_BUSINESS);
    });

    it('answers CATEGORY_NOT_FOUND for a category Zaveit does not have', async () => {
      const data = await mutate(DELETE, { categoryId: categoryGid(GHOST) });

      expect(data.deleteCategory).toEqual({
        deletedCategoryId: null,
        userErrors: [{ code: 'CATEGORY_NOT_FOUND', field: ['input', 'categoryId'], message: `Category ${GHOST} does not exist` }],
      });
    });

    it('is seen by the rest of the same operation, listings included', async () => {
      zaveit.emulator.server.log.clear();
      const response = await zaveit.gateway.query(
        `mutation ($parent: ID!, $child: ID!, $product: ID!) {
          first: assignProducts(input: { categoryId: $parent, productIds: [$product] }) { category { productCount children { nodes { nativeId } } } }
          remove: deleteCategory(input: { categoryId: $child }) { deletedCategoryId }
          last: unassignProducts(input: { categoryId: $parent, productIds: [$product] }) { category { productCount children { nodes { nativeId } } } }
        }`,
        { parent: categoryGid(MICROSOFT_365), child: categoryGid(M365_BUSINESS), product: productGid(EXCHANGE_PLAN_1) },
      );

      expect(response.errors).toBeUndefined();
      const childIds = (payload: { category: { children: { nodes: Array<{ nativeId: string }> } } }) => payload.category.children.nodes.map((node) => node.nativeId);
      expect(response.data.first.category.productCount).toBe(1);
      expect(childIds(response.data.first)).toContain(M365_BUSINESS);
      expect(response.data.remove.deletedCategoryId).toBe(categoryGid(M365_BUSINESS));
      expect(response.data.last.category.productCount).toBe(0);
      expect(childIds(response.data.last)).toHaveLength(2);
      expect(childIds(response.data.last)).not.toContain(M365_BUSINESS);
    });
  });

  describe('operations Zaveit does not have', () => {
    it.each([
      [
        'moveProduct',
        `mutation ($c: ID!, $p: ID!) { moveProduct(input: { categoryId: $c, productId: $p, position: 0 }) { category { name } assignment { position } userErrors { code message field retryable } } }`,
      ],
      ['createCategory', `mutation ($s: ID!) { createCategory(input: { storeId: $s, name: "Ny" }) { category { name } userErrors { code message field retryable } } }`],
      ['updateCategory', `mutation ($c: ID!) { updateCategory(input: { categoryId: $c, name: "Nytt navn" }) { category { name } userErrors { code message field retryable } } }`],
    ])('%s is an UNSUPPORTED_OPERATION userError with no upstream request', async (name, text) => {
      zaveit.emulator.server.log.clear();

      const response = await zaveit.gateway.query(text, { s: ZAVEIT_STORE, c: categoryGid(M365_BUSINESS), p: productGid(TEAMS_ESSENTIALS) });

      expect(response.errors).toBeUndefined();
      const payload = response.data[name];
      expect(payload.category).toBeNull();
      expect(payload.userErrors).toEqual([{ code: 'UNSUPPORTED_OPERATION', message: `${name} is not supported on ZAVEIT stores`, field: null, retryable: false }]);
      expect(upstreamRequests(zaveit)).toEqual([]);
    });
  });
});
