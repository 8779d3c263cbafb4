import { setTimeout as sleep } from 'node:timers/promises';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { gid, startTestGateway, TestGateway } from '../support/gateway';

/**
 * Per-client budgets of upstream requests, as Shopify's Admin API keeps them (README, "Limits and budgets"),
 * over real HTTP: two clients of one Ecwid store with small buckets of their own.
 */
jest.setTimeout(30_000);

const KEYS = { spender: 'spender-key-0123456789abcdef', bystander: 'bystander-key-0123456789abcdef' };
const BUDGET = { maximumAvailable: 10, restoreRate: 2 };
const FRUIT = 9691001;
// Two categories by id: 2 points requested, at least one upstream request made.
const READ = `query($a: ID!, $b: ID!) { a: category(id: $a) { name } b: category(id: $b) { name } }`;

interface Answer {
  status: number;
  headers: Headers;
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: { cost?: any };
}

let ecwid: RunningEmulator<EcwidCatalog>;
let gateway: TestGateway;

async function read(key: string | undefined, target = gateway): Promise<Answer> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: READ, variables: { a: gid('Category', 'shop', FRUIT), b: gid('Category', 'shop', FRUIT + 1) } }),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

/** Reads until the answer is THROTTLED (bounded: each read spends at least one point, the bucket refills 2 a second). */
async function spendUntilThrottled(key: string): Promise<{ throttled: Answer; upstreamRequests: number }> {
  for (let answered = 0; answered < 100; answered += 1) {
    ecwid.server.log.clear();
    const answer = await read(key);
    if (answer.errors?.[0].extensions?.code === 'THROTTLED') return { throttled: answer, upstreamRequests: ecwid.server.log.all().length };
    expect(answer.errors).toBeUndefined();
  }
  throw new Error('never throttled');
}

beforeAll(async () => {
  ecwid = await startEcwidEmulator({ rateLimit: false });
  gateway = await startTestGateway({
    stores: [{ id: 'shop', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
    clients: [
      { name: 'spender', key: KEYS.spender, stores: '*', scopes: ['read_catalog'], budget: BUDGET },
      { name: 'bystander', key: KEYS.bystander, stores: '*', scopes: ['read_catalog'], budget: BUDGET },
    ],
    upstream: { rateLimit: false },
  });
});
afterAll(async () => {
  await gateway?.close();
  await ecwid?.close();
});

test('a client whose bucket ran dry is THROTTLED before any upstream request, with retryAfterSeconds, and recovers after it', async () => {
  const first = await read(KEYS.spender);
  expect(first.extensions?.cost).toMatchObject({ requestedQueryCost: 2, throttleStatus: { maximumAvailable: 10, restoreRate: 2 } });
  // The estimate is taken and the difference refunded: what is left is what the upstream requests spent.
  expect(first.extensions!.cost.throttleStatus.currentlyAvailable).toBe(10 - first.extensions!.cost.actualQueryCost);

  const { throttled: refused, upstreamRequests } = await spendUntilThrottled(KEYS.spender);
  expect(upstreamRequests).toBe(0);
  // Shopify's way: HTTP 200, a THROTTLED error, no data, and the cost with nothing spent.
  expect(refused.status).toBe(200);
  expect(refused.data).toBeUndefined();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED', estimatedUpstreamRequests: 2, retryAfterSeconds: expect.any(Number) });
  const retryAfterSeconds = refused.errors![0].extensions!.retryAfterSeconds as number;
  expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(retryAfterSeconds).toBeLessThanOrEqual(2);
  expect(refused.headers.get('retry-after')).toBe(String(retryAfterSeconds));
  expect(refused.extensions?.cost).toMatchObject({ requestedQueryCost: 2, actualQueryCost: null });
  expect(refused.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(2);

  await sleep(retryAfterSeconds * 1000 + 100);
  const recovered = await read(KEYS.spender);
  expect(recovered.errors).toBeUndefined();
  expect(recovered.data.a.name).toBeTruthy();
});

test("one client's spending never touches another's bucket", async () => {
  await spendUntilThrottled(KEYS.spender);
  const bystander = await read(KEYS.bystander);
  expect(bystander.errors).toBeUndefined();
  expect(bystander.extensions!.cost.throttleStatus.currentlyAvailable).toBe(10 - bystander.extensions!.cost.actualQueryCost);
});

test('an operation dearer than the whole bucket is refused for good, not throttled', async () => {
  // Products by id, one field each: Ecwid's category reads would be bounded by its whole-store listing (10 pages).
  const ids = Array.from({ length: 11 }, (_, n) => `p${n}: node(id: "${gid('Product', 'shop', 5000 + n)}") { id }`).join('\n');
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.bystander}` },
    body: JSON.stringify({ query: `{ ${ids} }` }),
  });
  const answer = { status: response.status, ...((await response.json()) as Omit<Answer, 'status' | 'headers'>) };
  expect(answer.status).toBe(400);
  expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', estimatedUpstreamRequests: 11, maxUpstreamRequests: 10 });
});

test('in open mode each caller address has the default budget, which a storefront never notices', async () => {
  const open = await startTestGateway({
    stores: [{ id: 'shop', platform: 'ecwid', baseUrl: ecwid.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
    upstream: { rateLimit: false },
  });
  try {
    for (let n = 0; n < 20; n += 1) {
      const answer = await read(undefined, open);
      expect(answer.errors).toBeUndefined();
      expect(answer.extensions?.cost.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 50 });
      expect(answer.extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThan(900);
    }
  } finally {
    await open.close();
  }
});
