import { ZAVEIT_DEMO_TOKEN } from '../../../../src/emulators/zaveit';
import { BASE, Zaveit, call, categoryNamed, productIdsOf, startDemo, unplacedProducts } from '../../../support/zaveitEmulator';

describe('Zaveit emulator and the kit: faults, request log, rate limit', () => {
  let zaveit: Zaveit;
  afterEach(() => zaveit.close());

  it('injects a fault for the matching requests only, as many times as asked', async () => {
    zaveit = await startDemo();
    zaveit.server.injectFault({ method: 'PUT', path: '/products/add', status: 503, body: { message: 'Service Unavailable' }, times: 1 });
    const categoryId = categoryNamed(zaveit, 'Headset');
    const { resold } = unplacedProducts(zaveit);

    const failed = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [resold] });
    const read = await call(zaveit, 'GET', `${BASE}/${categoryId}`);
    const retried = await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [resold] });

    expect(failed).toMatchObject({ status: 503, body: { message: 'Service Unavailable' } });
    expect(read.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(productIdsOf(zaveit, categoryId).filter((id) => id === resold)).toHaveLength(1);
  });

  it('takes faults over the control API, e.g. a reset connection', async () => {
    zaveit = await startDemo();
    await fetch(`${zaveit.baseUrl}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: { regex: '^/v2/product/category/?$' }, reset: true, times: 1 }),
    });

    await expect(call(zaveit, 'GET', BASE)).rejects.toThrow();
    expect((await call(zaveit, 'GET', BASE)).status).toBe(200);
  });

  it('logs each request with its method, path, status and write body', async () => {
    zaveit = await startDemo();
    const categoryId = categoryNamed(zaveit, 'Headset');
    const { own } = unplacedProducts(zaveit);

    await call(zaveit, 'GET', `${BASE}/${categoryId}`);
    await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/add`, { body: [own] });
    await call(zaveit, 'PUT', `${BASE}/${categoryId}/products/remove`, { body: [own], token: 'wrong' });

    expect(zaveit.server.log.all().map(({ method, path, status, body }) => ({ method, path, status, body }))).toEqual([
      { method: 'GET', path: `${BASE}/${categoryId}`, status: 200, body: undefined },
      { method: 'PUT', path: `${BASE}/${categoryId}/products/add`, status: 200, body: [own] },
      { method: 'PUT', path: `${BASE}/${categoryId}/products/remove`, status: 401, body: [own] },
    ]);
    expect(zaveit.server.log.count({ method: 'PUT', path: '/products/' })).toBe(2);
  });

  it('has no rate limit unless one is given', async () => {
    zaveit = await startDemo();
    const replies = await Promise.all(Array.from({ length: 50 }, () => call(zaveit, 'GET', BASE)));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
  });

  it('answers 429 with Retry-After over a given rate limit, per token', async () => {
    zaveit = await startDemo({ rateLimit: { limit: 2, windowMs: 60_000 } });
    zaveit.catalog.addToken('second-token', 'second-tenant');

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await call(zaveit, 'GET', BASE, { token: ZAVEIT_DEMO_TOKEN }));
    const other = await call(zaveit, 'GET', BASE, { token: 'second-token' });

    expect(statuses.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expect(Number(statuses[2].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(other.status).toBe(200);
  });
});
