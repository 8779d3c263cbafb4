import { startZaveitHarness, ZAVEIT_STORE, ZaveitHarness } from '../../../support/zaveitGateway';
import { categoryGid, EXCHANGE_PLAN_1, M365_BUSINESS, productGid, productIdsIn, upstreamRequests } from '../../../support/zaveitDemoIds';

const CATEGORY = 'query ($id: ID!) { category(id: $id) { name } }';
const ASSIGN = `mutation ($input: AssignProductsInput!) { assignProducts(input: $input) { assignments { position } userErrors { code field message } } }`;

describe('Zaveit failures through the gateway', () => {
  let zaveit: ZaveitHarness;
  afterEach(() => zaveit.close());

  describe('with the demo token', () => {
    beforeEach(async () => {
      zaveit = await startZaveitHarness({}, { upstream: { maxRetries: 0 } });
    });

    it.each([
      [500, 'UPSTREAM_UNAVAILABLE', true],
      [503, 'UPSTREAM_UNAVAILABLE', true],
      [403, 'STORE_MISCONFIGURED', false],
      [418, 'UPSTREAM_ERROR', false],
    ])('a query answered HTTP %i is a top-level %s error (retryable: %s)', async (status, code, retryable) => {
      zaveit.emulator.server.injectFault({ method: 'GET', status, body: { message: 'Something broke' } });

      const response = await zaveit.gateway.query(CATEGORY, { id: categoryGid(M365_BUSINESS) });

      expect(response.data).toEqual({ category: null });
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0].path).toEqual(['category']);
      expect(response.errors?.[0].extensions).toMatchObject({ code, retryable, upstreamStatus: status, storeId: ZAVEIT_STORE, platform: 'ZAVEIT' });
    });

    it('a body that is not the expected JSON is UPSTREAM_UNAVAILABLE', async () => {
      zaveit.emulator.server.injectFault({ method: 'GET', status: 200, body: '<html>maintenance</html>' });
      const garbage = await zaveit.gateway.query(CATEGORY, { id: categoryGid(M365_BUSINESS) });
      zaveit.emulator.server.injectFault({ method: 'GET', status: 200, body: { data: [] } });
      const wrongShape = await zaveit.gateway.query('query ($s: ID!) { categories(storeId: $s) { totalCount } }', { s: ZAVEIT_STORE });

      for (const response of [garbage, wrongShape]) {
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstreamStatus: 200 });
        expect(response.errors?.[0].message).toBe('Zaveit answered with a body that is not the expected JSON');
      }
    });

    it('a reset connection is UPSTREAM_UNAVAILABLE', async () => {
      zaveit.emulator.server.injectFault({ method: 'GET', reset: true });

      const response = await zaveit.gateway.query(CATEGORY, { id: categoryGid(M365_BUSINESS) });

      expect(response.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    });

    it('429 is RATE_LIMITED with Retry-After once the retries are spent', async () => {
      zaveit.emulator.server.injectFault({ method: 'GET', status: 429, headers: { 'retry-after': '30' }, body: { message: 'Too many requests' } });

      const response = await zaveit.gateway.query(CATEGORY, { id: categoryGid(M365_BUSINESS) });

      expect(response.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 30, upstreamStatus: 429 });
    });

    it('a failed field leaves the rest of the response filled', async () => {
      zaveit.emulator.server.injectFault({ method: 'GET', path: /\/category\/?$/, status: 502 });

      const response = await zaveit.gateway.query('query ($id: ID!, $s: ID!) { category(id: $id) { name } store(id: $s) { categories { totalCount } } }', {
        id: categoryGid(M365_BUSINESS),
        s: ZAVEIT_STORE,
      });

      expect(response.data).toEqual({ category: { name: 'Microsoft 365 for bedrift' }, store: null });
      expect(response.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['store', 'categories'], 'UPSTREAM_UNAVAILABLE']]);
    });

    it('a failed write is a top-level error, not a userError', async () => {
      zaveit.emulator.server.injectFault({ method: 'PUT', status: 500 });

      const response = await zaveit.gateway.query(ASSIGN, { input: { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(EXCHANGE_PLAN_1)] } });

      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({ path: ['assignProducts'], extensions: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 500 } });
    });

    it('Zaveit refusing the body (400) is a BAD_USER_INPUT userError', async () => {
      zaveit.emulator.server.injectFault({ method: 'PUT', status: 400, body: { message: 'Body must be a non-empty JSON array of product ids (strings)' } });
      const before = productIdsIn(zaveit, M365_BUSINESS);

      const response = await zaveit.gateway.query(ASSIGN, { input: { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(EXCHANGE_PLAN_1)] } });

      expect(response.errors).toBeUndefined();
      expect(response.data.assignProducts.userErrors).toEqual([
        { code: 'BAD_USER_INPUT', field: null, message: 'Zaveit rejected the request: Body must be a non-empty JSON array of product ids (strings)' },
      ]);
      expect(productIdsIn(zaveit, M365_BUSINESS)).toEqual(before);
    });
  });

  it('a 429 is retried after its Retry-After while the deadline allows', async () => {
    zaveit = await startZaveitHarness();
    zaveit.emulator.server.injectFault({ method: 'GET', status: 429, headers: { 'retry-after': '0' }, times: 1 });

    const response = await zaveit.gateway.query(CATEGORY, { id: categoryGid(M365_BUSINESS) });

    expect(response.errors).toBeUndefined();
    expect(response.data.category).toEqual({ name: 'Microsoft 365 for bedrift' });
    expect(upstreamRequests(zaveit)).toEqual([`GET ~/${M365_BUSINESS}`, `GET ~/${M365_BUSINESS}`]);
  });

  it('a token Zaveit rejects (401) is STORE_MISCONFIGURED, on queries and mutations, and never shows the token', async () => {
    zaveit = await startZaveitHarness({}, { token: 'wrong-secret-token' });

    const read = await zaveit.gateway.query(CATEGORY, { id: categoryGid(M365_BUSINESS) });
    const write = await zaveit.gateway.query(ASSIGN, { input: { categoryId: categoryGid(M365_BUSINESS), productIds: [productGid(EXCHANGE_PLAN_1)] } });

    for (const response of [read, write]) {
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'STORE_MISCONFIGURED', upstreamStatus: 401, storeId: ZAVEIT_STORE, platform: 'ZAVEIT', retryable: false });
      expect(response.errors?.[0].message).toBe("Zaveit rejected the gateway's credentials for this store");
      expect(JSON.stringify(response)).not.toContain('wrong-secret-token');
    }
  });
});
