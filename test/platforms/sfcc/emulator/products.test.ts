import { SFCC_DEFAULT_TOKEN, startSfccEmulator } from '../../../../src/emulators/sfcc';

describe('SFCC emulator: GET /products/{id} (assumed, docs/platforms/sfcc.md#assumptions)', () => {
  const started = startSfccEmulator({ rateLimit: false });
  afterAll(async () => (await started).close());

  const get = async (id: string, token = SFCC_DEFAULT_TOKEN) => {
    const emulator = await started;
    const response = await fetch(`${emulator.baseUrl}/products/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('answers a product document with its localized name', async () => {
    const emulator = await started;
    const { status, body } = await get('P-10001');
    expect(status).toBe(200);
    expect(body).toEqual({
      _v: '23.2',
      _type: 'product',
      id: 'P-10001',
      link: `${emulator.baseUrl}/products/P-10001`,
      name: emulator.catalog.getProduct('P-10001').name,
    });
  });

  it('answers ProductNotFoundException for an unknown product, and checks the token', async () => {
    expect(await get('NO-SUCH')).toMatchObject({ status: 404, body: { fault: { type: 'ProductNotFoundException', arguments: { productId: 'NO-SUCH' } } } });
    expect(await get('P-10001', 'wrong')).toMatchObject({ status: 401, body: { fault: { type: 'InvalidAccessTokenException' } } });
  });
});
