import { createHmac } from 'node:crypto';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../../../src/emulators/ecwid';
import type { RunningEmulator } from '../../../../src/emulators/kit';
import { categoryNamed } from '../../../support/ecwidEmulatorClient';
import { gid, startTestGateway, TestGateway } from '../../../support/gateway';
import { waitFor } from '../../../support/waitFor';

// Ecwid's webhooks purge the gateway's cache: an edit made in Ecwid's admin reaches cached reads within a
// second, and only a delivery signed with the store's client secret purges anything.

const SECRET = 'ecwid-client-secret-for-tests';
const STORE = 'shop';
/** The emulator reads the URL as it sends each webhook: it is set once the gateway has its port. */
const webhooks = { url: '', secret: SECRET };
let emulator: RunningEmulator<EcwidCatalog>;
let gateway: TestGateway;
let webhookUrl: string;

beforeAll(async () => {
  emulator = await startEcwidEmulator({ rateLimit: false, webhooks });
  const store = { platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN };
  gateway = await startTestGateway({
    cache: { ttlSeconds: 300 },
    upstream: { rateLimit: false },
    stores: [
      { id: STORE, ...store, webhookSecret: SECRET },
      { id: 'no-secret', ...store },
    ],
  });
  webhookUrl = new URL(`/webhooks/ecwid/${STORE}`, gateway.url).href;
  webhooks.url = webhookUrl;
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
});

const nameOf = async (categoryId: number) => (await gateway.query(`query($id: ID!) { category(id: $id) { name } }`, { id: gid('Category', STORE, categoryId) })).data.category.name;
const signed = (eventCreated: number, eventId: string, secret = SECRET) => createHmac('sha256', secret).update(`${eventCreated}.${eventId}`).digest('base64');
const deliver = (body: Record<string, unknown>, signature: string | undefined, url = webhookUrl) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-ecwid-webhook-signature': signature } : {}) }, body: JSON.stringify(body) });
const event = (entityId: number, eventCreated = Math.floor(Date.now() / 1000)) => ({
  eventId: `event-${entityId}-${eventCreated}`,
  eventCreated,
  storeId: Number(ECWID_DEMO_STORE_ID),
  entityId,
  eventType: 'category.updated',
});
const counted = async (outcome: string) => {
  const text = await (await fetch(new URL('/metrics', gateway.url))).text();
  const line = text.split('\n').find((row) => row.startsWith(`categraph_webhook_deliveries_total{store="${STORE}",outcome="${outcome}"}`));
  return Number(line?.split(' ').pop() ?? 0);
};

test('an edit made in Ecwid (here: the emulator, behind the gateway) reaches the cached answer within a second', async () => {
  const fruit = categoryNamed(emulator, 'Fruit');
  expect(await nameOf(fruit)).toBe('Fruit');
  emulator.server.log.clear();
  expect(await nameOf(fruit)).toBe('Fruit');
  expect(emulator.server.log.all()).toHaveLength(0);

  const purgedBefore = await counted('purged');
  emulator.catalog.update(fruit, { name: 'Fruit (edited in the Ecwid admin)' });
  const started = Date.now();
  await waitFor(async () => (await nameOf(fruit)) === 'Fruit (edited in the Ecwid admin)', 1_000, 'the webhook to purge the cached name');
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(await counted('purged')).toBe(purgedBefore + 1);
  emulator.catalog.update(fruit, { name: 'Fruit' });
  await waitFor(async () => (await nameOf(fruit)) === 'Fruit', 1_000, 'the name back');
});

describe('deliveries that purge nothing', () => {
  let category: number;
  beforeEach(async () => {
    category = categoryNamed(emulator, 'Vegetables');
    await nameOf(category);
    // Changed without a webhook: only a delivery could make the gateway read it again.
    emulator.catalog.categories.get(category)!.name = 'Vegetables (unseen)';
  });
  afterEach(() => {
    emulator.catalog.categories.get(category)!.name = 'Vegetables';
  });

  test('a bad or missing signature is refused (401), counted, and purges nothing', async () => {
    const before = await counted('bad_signature');
    const body = event(category);
    expect((await deliver(body, signed(body.eventCreated, body.eventId, 'not-the-secret'))).status).toBe(401);
    expect((await deliver(body, undefined)).status).toBe(401);
    // A signature of other event fields does not carry over.
    expect((await deliver({ ...body, eventId: 'another' }, signed(body.eventCreated, body.eventId))).status).toBe(401);
    expect(await counted('bad_signature')).toBe(before + 3);
    expect(await nameOf(category)).toBe('Vegetables');
  });

  test('a replay of an old (validly signed) event is refused (403) and counted', async () => {
    const before = await counted('replayed');
    const old = event(category, Math.floor(Date.now() / 1000) - 10 * 60);
    expect((await deliver(old, signed(old.eventCreated, old.eventId))).status).toBe(403);
    expect(await counted('replayed')).toBe(before + 1);
    expect(await nameOf(category)).toBe('Vegetables');
  });

  test('an event for another Ecwid store, a body that is not an event, or one over the size limit is refused', async () => {
    const other = { ...event(category), storeId: 1 };
    expect((await deliver(other, signed(other.eventCreated, other.eventId))).status).toBe(403);
    expect((await deliver({ hello: 'world' }, 'x')).status).toBe(400);
    const huge = { ...event(category), padding: 'x'.repeat(64 * 1024) };
    expect((await deliver(huge, signed(huge.eventCreated, huge.eventId))).status).toBe(413);
    expect(await nameOf(category)).toBe('Vegetables');
  });

  test('an unknown store, a store without a secret, or another platform has no webhook route (404)', async () => {
    const body = event(category);
    const signature = signed(body.eventCreated, body.eventId);
    for (const path of ['/webhooks/ecwid/unknown', '/webhooks/ecwid/no-secret', `/webhooks/sfcc/${STORE}`]) {
      expect((await deliver(body, signature, new URL(path, gateway.url).href)).status).toBe(404);
    }
    expect(await nameOf(category)).toBe('Vegetables');
  });
});
