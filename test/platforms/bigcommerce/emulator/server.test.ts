import {
  BIGCOMMERCE_DEMO_STORE_HASH,
  BIGCOMMERCE_DEMO_TOKEN,
  BIGCOMMERCE_DEMO_TREE_ID,
  BIGCOMMERCE_ERROR_TYPE,
  BIGCOMMERCE_RATE_LIMIT,
  startBigCommerceEmulator,
} from '../../../../src/emulators/bigcommerce';
import { addCategories, BigCommerce, multipart, PNG_BYTES, STORE_PATH, storeClient } from '../../../support/bigcommerceEmulatorClient';
import { Answer, emulatorClient } from '../../../support/emulatorClient';

const RATE_HEADERS = ['x-rate-limit-requests-left', 'x-rate-limit-requests-quota', 'x-rate-limit-time-reset-ms', 'x-rate-limit-time-window-ms'];
const rateHeaders = (answer: Answer) => Object.fromEntries(RATE_HEADERS.map((name) => [name, answer.headers.get(name)]));

describe('BigCommerce emulator: server', () => {
  it('starts on loopback with baseUrl = its origin, the demo store hash, token and tree', async () => {
    const bc = await startBigCommerceEmulator();
    try {
      expect(BIGCOMMERCE_DEMO_STORE_HASH).toBe('categraphdemo');
      expect(BIGCOMMERCE_DEMO_TOKEN).toBe('bigcommerce-demo-token');
      expect(BIGCOMMERCE_DEMO_TREE_ID).toBe(1);
      expect(bc.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(bc.baseUrl).toBe(bc.server.origin);
      expect(STORE_PATH).toBe('/stores/categraphdemo/v3');
      const { status } = await storeClient(bc)('GET', '/catalog/trees/1/categories');
      expect(status).toBe(200);
    } finally {
      await bc.close();
    }
  });

  it('takes its store hash, token and tree id from the options; another store’s path is a 404', async () => {
    const bc = await startBigCommerceEmulator({ storeHash: 'abc123', token: 'other-token', treeId: 4 });
    try {
      const call = storeClient(bc, 'abc123', 'other-token');
      const tree = await call('GET', '/catalog/trees/4/categories');
      const wrongStore = await storeClient(bc, BIGCOMMERCE_DEMO_STORE_HASH, 'other-token')('GET', '/catalog/trees/4/categories');

      expect(tree.status).toBe(200);
      expect(tree.body.data.length).toBeGreaterThan(0);
      expect((await call('GET', '/catalog/trees/5/categories')).status).toBe(200);
      expect(wrongStore).toMatchObject({ status: 404, body: { status: 404, type: BIGCOMMERCE_ERROR_TYPE } });
    } finally {
      await bc.close();
    }
  });

  describe('X-Auth-Token (docs/platforms/bigcommerce.md#faults)', () => {
    let bc: BigCommerce;
    beforeEach(async () => {
      bc = await startBigCommerceEmulator({ catalog: 'empty' });
    });
    afterEach(() => bc.close());

    it.each([
      ['no token', null],
      ['a wrong token', 'not-this-store'],
    ])('answers %s with a plain-text 401, reads and writes alike, changing nothing and counting nothing', async (_, token) => {
      const call = storeClient(bc);
      const answers = await Promise.all([
        call('GET', '/catalog/trees/categories', { token }),
        call('POST', '/catalog/trees/categories', { token, body: [{ name: 'Bath', tree_id: 1 }] }),
        call('DELETE', '/catalog/trees/categories?tree_id:in=1', { token }),
      ]);

      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(typeof answer.body).toBe('string');
        expect(answer.headers.get('x-rate-limit-requests-left')).toBeNull();
      }
      expect(bc.catalog.categories.size).toBe(0);
      const after = await call('GET', '/catalog/trees/categories');
      expect(after.headers.get('x-rate-limit-requests-left')).toBe(String(BIGCOMMERCE_RATE_LIMIT.limit - 1));
    });

    it('ignores Authorization: Bearer, the header other platforms use', async () => {
      const bearer = emulatorClient(`${bc.baseUrl}${STORE_PATH}`, BIGCOMMERCE_DEMO_TOKEN);
      expect((await bearer('GET', '/catalog/trees/categories')).status).toBe(401);
    });
  });

  describe('rate limits (docs/platforms/bigcommerce.md#rate-limits)', () => {
    it('enforces 150 requests a 30 s window by default, the Plus & Standard quota', () => {
      expect(BIGCOMMERCE_RATE_LIMIT).toEqual({ limit: 150, windowMs: 30_000 });
    });

    it('puts the four X-Rate-Limit-* headers on every authorized answer: successes, errors and unknown paths', async () => {
      const bc = await startBigCommerceEmulator({ catalog: 'empty' });
      try {
        const call = storeClient(bc);
        const answers = [
          await call('GET', '/catalog/trees/1/categories'),
          await call('POST', '/catalog/trees/categories', { body: [{ name: '' }] }),
          await call('PUT', '/catalog/products/category-assignments', { body: [] }),
          await call('DELETE', '/catalog/products/category-assignments?product_id:in=1'),
          await call('GET', '/catalog/nothing-here'),
        ];

        expect(answers.map((a) => a.status)).toEqual([200, 422, 422, 204, 404]);
        answers.forEach((answer, index) => {
          const headers = rateHeaders(answer);
          expect(headers['x-rate-limit-requests-left']).toBe(String(150 - 1 - index));
          expect(headers['x-rate-limit-requests-quota']).toBe('150');
          expect(headers['x-rate-limit-time-window-ms']).toBe('30000');
          const reset = Number(headers['x-rate-limit-time-reset-ms']);
          expect(reset).toBeGreaterThan(25_000);
          expect(reset).toBeLessThanOrEqual(30_000);
        });
      } finally {
        await bc.close();
      }
    });

    it('answers 429 over the quota with the headers and a JSON error, no Retry-After, until the window ends', async () => {
      const bc = await startBigCommerceEmulator({ catalog: 'empty', rateLimit: { limit: 3, windowMs: 800 } });
      try {
        const call = storeClient(bc);
        const within = [
          await call('GET', '/catalog/trees/categories'),
          await call('PUT', '/catalog/trees/categories', { body: [] }),
          await call('GET', '/catalog/trees/1/categories'),
        ];
        const over = await call('GET', '/catalog/trees/categories');
        const overWrite = await call('POST', '/catalog/trees/categories', { body: [{ name: 'Bath', tree_id: 1 }] });

        expect(within.map((a) => a.status)).toEqual([200, 422, 200]);
        expect(within[2].headers.get('x-rate-limit-requests-left')).toBe('0');
        for (const answer of [over, overWrite]) {
          expect(answer.status).toBe(429);
          expect(answer.body).toEqual({ status: 429, title: expect.any(String), type: BIGCOMMERCE_ERROR_TYPE });
          expect(rateHeaders(answer)).toMatchObject({ 'x-rate-limit-requests-left': '0', 'x-rate-limit-requests-quota': '3', 'x-rate-limit-time-window-ms': '800' });
          expect(Number(answer.headers.get('x-rate-limit-time-reset-ms'))).toBeLessThanOrEqual(800);
          expect(answer.headers.get('retry-after')).toBeNull();
        }
        expect(bc.catalog.categories.size).toBe(0);

        await new Promise((resolve) => setTimeout(resolve, Number(over.headers.get('x-rate-limit-time-reset-ms')) + 20));
        const next = await call('GET', '/catalog/trees/categories');
        expect(next.status).toBe(200);
        expect(next.headers.get('x-rate-limit-requests-left')).toBe('2');
      } finally {
        await bc.close();
      }
    });

    it('with rateLimit: false (the Unlimited Rate Plan) never answers 429 and sends no rate headers', async () => {
      const bc = await startBigCommerceEmulator({ catalog: 'empty', rateLimit: false });
      try {
        const call = storeClient(bc);
        const answers = await Promise.all(Array.from({ length: BIGCOMMERCE_RATE_LIMIT.limit + 10 }, () => call('GET', '/catalog/trees/categories?limit=1')));
        expect(answers.every((a) => a.status === 200)).toBe(true);
        expect(answers.every((a) => a.headers.get('x-rate-limit-requests-left') === null)).toBe(true);
      } finally {
        await bc.close();
      }
    });
  });

  describe('request log and fault injection', () => {
    it('records paths under /stores/{store_hash}/v3 with their queries and write bodies, and answers injected faults', async () => {
      const bc = await startBigCommerceEmulator({ catalog: 'empty', rateLimit: false });
      try {
        const call = storeClient(bc);
        await call('GET', '/catalog/trees/categories?tree_id:in=1&page=1');
        await call('POST', '/catalog/trees/categories', { body: [{ name: 'Bath', tree_id: 1 }] });
        bc.server.injectFault({ method: 'PUT', path: '/catalog/trees/categories', status: 409, body: { status: 409, title: 'Conflict', type: BIGCOMMERCE_ERROR_TYPE }, times: 1 });
        const conflict = await call('PUT', '/catalog/trees/categories', { body: [{ category_id: 18, name: 'Baths' }] });

        expect(conflict).toMatchObject({ status: 409, body: { status: 409, title: 'Conflict' } });
        expect(bc.catalog.category(18)!.name).toBe('Bath');
        expect(bc.server.log.all().map(({ method, path, query, status, body }) => ({ method, path, query, status, body }))).toEqual([
          { method: 'GET', path: `${STORE_PATH}/catalog/trees/categories`, query: { 'tree_id:in': '1', page: '1' }, status: 200, body: undefined },
          { method: 'POST', path: `${STORE_PATH}/catalog/trees/categories`, query: {}, status: 201, body: [{ name: 'Bath', tree_id: 1 }] },
          { method: 'PUT', path: `${STORE_PATH}/catalog/trees/categories`, query: {}, status: 409, body: [{ category_id: 18, name: 'Baths' }] },
        ]);
      } finally {
        await bc.close();
      }
    });
  });

  describe('category image (docs/platforms/bigcommerce.md#images)', () => {
    let bc: BigCommerce;
    let bath: number;
    beforeEach(async () => {
      bc = await startBigCommerceEmulator({ catalog: 'empty', rateLimit: false });
      [bath] = addCategories(bc, ['Bath']);
    });
    afterEach(() => bc.close());

    it('takes a multipart image_file: 200 {data: {image_url}, meta: {}}, which becomes the category’s image_url; DELETE clears it (204)', async () => {
      const call = storeClient(bc);
      const { body, headers } = multipart('image_file', 'bath.png', 'image/png', PNG_BYTES);

      const upload = await call('POST', `/catalog/categories/${bath}/image`, { body, headers });
      const listed = await call('GET', `/catalog/trees/categories?category_id:in=${bath}&include_fields=image_url`);
      const removed = await call('DELETE', `/catalog/categories/${bath}/image`);

      expect(upload.status).toBe(200);
      expect(upload.body).toEqual({ data: { image_url: expect.stringMatching(/^https:\/\/.+\/s-categraphdemo\/product_images\/.+\.png$/) }, meta: {} });
      expect(listed.body.data).toEqual([{ category_id: bath, image_url: upload.body.data.image_url }]);
      expect(removed.status).toBe(204);
      expect(bc.catalog.category(bath)!.imageUrl).toBe('');
    });

    it.each([
      ['no image_file part', () => multipart('file', 'bath.png', 'image/png', PNG_BYTES)],
      ['a file that is no image', () => multipart('image_file', 'bath.txt', 'text/plain', Buffer.from('not an image'))],
      ['an image over 1 MB', () => multipart('image_file', 'big.png', 'image/png', Buffer.concat([PNG_BYTES, Buffer.alloc(1024 * 1024)]))],
      ['a raw body, not a form', () => ({ body: PNG_BYTES, headers: { 'content-type': 'image/png' } })],
    ])('answers %s with 422 naming image_file, keeping the category as it was', async (_, form) => {
      const { status, body } = await storeClient(bc)('POST', `/catalog/categories/${bath}/image`, form());

      expect(status).toBe(422);
      expect(body).toEqual({ status: 422, title: 'The image was not valid', type: BIGCOMMERCE_ERROR_TYPE, errors: { image_file: expect.any(String) } });
      expect(bc.catalog.category(bath)!.imageUrl).toBe('');
    });

    it('answers an unknown category with 404', async () => {
      const { body, headers } = multipart('image_file', 'bath.png', 'image/png', PNG_BYTES);
      const upload = await storeClient(bc)('POST', '/catalog/categories/999999/image', { body, headers });
      const remove = await storeClient(bc)('DELETE', '/catalog/categories/999999/image');

      for (const answer of [upload, remove]) expect(answer).toMatchObject({ status: 404, body: { status: 404, type: BIGCOMMERCE_ERROR_TYPE } });
    });
  });
});
