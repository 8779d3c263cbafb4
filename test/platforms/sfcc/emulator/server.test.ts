import { SFCC_API_PATH, SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, startSfccEmulator } from '../../../../src/emulators/sfcc';
import { catalogClient } from '../../../support/sfccEmulatorClient';

describe('SFCC emulator: server', () => {
  it('starts on loopback with baseUrl = origin + /s/-/dw/data/v23_2 and the default catalog and token', async () => {
    const emulator = await startSfccEmulator({ catalog: 'empty' });
    try {
      expect(SFCC_DEFAULT_CATALOG_ID).toBe('main-catalog');
      expect(SFCC_DEFAULT_TOKEN).toBe('sfcc-demo-token');
      expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/-\/dw\/data\/v23_2$/);
      expect(emulator.baseUrl).toBe(`${emulator.server.origin}${SFCC_API_PATH}`);
      expect(emulator.catalog.listCategories().map((c) => c.id)).toEqual(['root']);
    } finally {
      await emulator.close();
    }
  });

  it('takes its catalog id and token from the options', async () => {
    const emulator = await startSfccEmulator({ catalog: 'empty', catalogId: 'eu-catalog', token: 'secret' });
    try {
      const ok = await catalogClient(emulator, 'eu-catalog')('GET', '/categories/root', { token: 'secret' });
      expect(ok.status).toBe(200);
      expect(ok.body.paths[0].id).toBe('eu-catalog');
      const wrongCatalog = await catalogClient(emulator)('GET', '/categories/root', { token: 'secret' });
      expect(wrongCatalog.body.fault.type).toBe('CatalogNotFoundException');
    } finally {
      await emulator.close();
    }
  });

  describe('with a running emulator', () => {
    const started = startSfccEmulator({ catalog: 'empty' });
    afterAll(async () => (await started).close());

    it('answers a missing or wrong bearer token with 401 InvalidAccessTokenException', async () => {
      const emulator = await started;
      const call = catalogClient(emulator);
      for (const token of [null, 'wrong']) {
        const { status, body } = await call('GET', '/categories', { token });
        expect(status).toBe(401);
        expect(body).toEqual({
          _v: '23.2',
          fault: { type: 'InvalidAccessTokenException', message: 'The request is unauthorized, the access token is invalid.', arguments: {} },
        });
      }
    });

    it('answers unknown paths with a NotFoundException fault', async () => {
      const emulator = await started;
      const { status, body } = await catalogClient(emulator)('GET', '/nothing-here');
      expect(status).toBe(404);
      expect(body.fault.type).toBe('NotFoundException');
    });

    it('records requests in the log, with write bodies', async () => {
      const emulator = await started;
      emulator.server.log.clear();
      const call = catalogClient(emulator);
      await call('PUT', '/categories/logged', { body: { name: 'Logged' } });
      await call('GET', '/categories/logged');
      expect(emulator.server.log.count({ method: 'PUT', path: '/categories/logged' })).toBe(1);
      expect(emulator.server.log.all()).toEqual([
        expect.objectContaining({ method: 'PUT', path: `${SFCC_API_PATH}/catalogs/main-catalog/categories/logged`, status: 200, body: { name: 'Logged' } }),
        expect.objectContaining({ method: 'GET', status: 200 }),
      ]);
    });

    it('injects faults through the kit: a status, then normal service again', async () => {
      const emulator = await started;
      const call = catalogClient(emulator);
      emulator.server.injectFault({ method: 'GET', path: '/categories/root', status: 503, body: 'Service Unavailable', times: 1 });
      expect(await call('GET', '/categories/root')).toMatchObject({ status: 503, body: 'Service Unavailable' });
      expect((await call('GET', '/categories/root')).status).toBe(200);

      emulator.server.injectFault({ path: /\/categories$/, status: 500, body: { oops: true }, times: 1 });
      const failed = await call('GET', '/categories');
      expect(failed).toMatchObject({ status: 500, body: { oops: true } });
      expect(emulator.server.log.all().at(-1)).toMatchObject({ status: 500 });
    });
  });

  it('applies a rate limit only when asked to', async () => {
    const limited = await startSfccEmulator({ catalog: 'empty', rateLimit: { limit: 2, windowMs: 60_000 } });
    const unlimited = await startSfccEmulator({ catalog: 'empty' });
    try {
      const statuses = async (emulator: typeof limited) => {
        const call = catalogClient(emulator);
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(await call('GET', '/categories/root'));
        return answers;
      };
      const answers = await statuses(limited);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(Number(answers[2].headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await statuses(unlimited)).map((a) => a.status)).toEqual([200, 200, 200]);
    } finally {
      await Promise.all([limited.close(), unlimited.close()]);
    }
  });
});
