import { startEcwidHarness, EcwidHarness, ECWID_STORE } from '../../support/ecwid';

let h: EcwidHarness;
beforeAll(async () => { h = await startEcwidHarness(); });
afterAll(() => h.close());

test('smoke', async () => {
  const r = await h.gateway.query(`{ categories(storeId: "${ECWID_STORE}", first: 3) { nodes { id name } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.categories.nodes).toHaveLength(3);
});
