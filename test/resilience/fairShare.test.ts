import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SFCC_API_PATH, SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog, startSfccEmulator } from '../../src/emulators/sfcc';
import type { RunningEmulator } from '../../src/emulators/kit';
import { gid, postGraphQL, startTestGateway, TestGateway } from '../support/gateway';
import { waitFor } from '../support/waitFor';

/**
 * A store shared fairly between clients (README, "Limits and budgets"), over real HTTP: two clients of one
 * SFCC store (100 ms latency) behind a gateway whose bulkhead runs 4 requests at once. Between the gateway
 * and the emulator, a pass-through proxy counts the requests in flight, by whose products they read.
 */
const KEYS = { flood: 'flood-key-0123456789abcdef', shop: 'shop-key-0123456789abcdef' };
const CLIENTS = Object.entries(KEYS).map(([name, key]) => ({ name, key, stores: ['sfcc'], scopes: ['read_catalog'] }));
const MAX_CONCURRENT = 4;
const LATENCY_MS = 100;

/**
 * Forwards every request to the emulator, counting those in flight by owner (whose products they read).
 * While a shop request's reads are queued at the gateway (its first has arrived, not yet its last), it
 * notes how many flood reads are in flight at each flood read's arrival.
 */
class CountingProxy {
  readonly inFlight = new Map<string, number>();
  mostInFlight = 0;
  readonly floodWhileShopWaits: number[] = [];
  private shopStarted = 0;
  private shopReads = 0;
  private server?: Server;

  constructor(
    private readonly target: string,
    private readonly ownerOf: (path: string) => string,
  ) {}

  /** The test sends a shop request of `reads` upstream reads. */
  shopRequest(reads: number): void {
    this.shopStarted = 0;
    this.shopReads = reads;
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const owner = this.ownerOf(req.url ?? '');
      this.inFlight.set(owner, this.count(owner) + 1);
      this.mostInFlight = Math.max(this.mostInFlight, this.total());
      if (owner === 'shop') this.shopStarted += 1;
      else if (this.shopStarted > 0 && this.shopStarted < this.shopReads) this.floodWhileShopWaits.push(this.count(owner));
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.inFlight.set(owner, this.count(owner) - 1);
      };
      res.on('close', finish);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'connection')) as Record<string, string>;
      fetch(this.target + (req.url ?? ''), { method: req.method, headers })
        .then(async (answer) => {
          const text = await answer.text();
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
        })
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  private count(owner: string): number {
    return this.inFlight.get(owner) ?? 0;
  }

  private total(): number {
    return [...this.inFlight.values()].reduce((sum, n) => sum + n, 0);
  }
}

let emulator: RunningEmulator<SfccCatalog>;
let proxy: CountingProxy;
let floodProducts: string[];
let shopProducts: string[];

const productsQuery = (ids: string[]) => `{ nodes(ids: [${ids.map((id) => JSON.stringify(gid('Product', 'sfcc', id))).join(', ')}]) { ... on Product { name } } }`;
const as = (gateway: TestGateway, client: keyof typeof KEYS, ids: string[]) => postGraphQL(gateway.url, productsQuery(ids), undefined, { 'x-api-key': KEYS[client] });
/** The same request, from a client that may hang up before the answer (abort `signal`). */
const leaving = (gateway: TestGateway, client: keyof typeof KEYS, ids: string[], signal: AbortSignal) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEYS[client] },
    body: JSON.stringify({ query: productsQuery(ids) }),
    signal,
  });

async function gatewayWith(upstream: Record<string, unknown>): Promise<TestGateway> {
  const origin = await proxy.listen();
  return startTestGateway({
    clients: CLIENTS,
    stores: [{ id: 'sfcc', platform: 'sfcc', baseUrl: `${origin}${SFCC_API_PATH}`, catalogId: SFCC_DEFAULT_CATALOG_ID, token: SFCC_DEFAULT_TOKEN }],
    upstream: { rateLimit: false, maxRetries: 0, maxConcurrent: MAX_CONCURRENT, ...upstream },
  });
}

beforeAll(async () => {
  emulator = await startSfccEmulator({ rateLimit: false, latencyMs: LATENCY_MS });
  const ids = emulator.catalog.listProducts().map((product) => product.id);
  shopProducts = ids.slice(-20);
  floodProducts = ids.slice(0, -20);
});
afterAll(() => emulator.close());

beforeEach(() => {
  emulator.server.log.clear();
  const shop = new Set(shopProducts);
  proxy = new CountingProxy(emulator.server.origin, (path) => (shop.has(decodeURIComponent(path.split('?')[0].split('/').pop() ?? '')) ? 'shop' : 'flood'));
});
afterEach(() => proxy.close());

describe('fair share of a store between clients', () => {
  test('while one client floods the store, the other’s requests all answer quickly, and the flood holds only its half', async () => {
    const gateway = await gatewayWith({});
    try {
      let flooding = true;
      let next = 0;
      const floodBatch = () => Array.from({ length: 20 }, () => floodProducts[next++ % floodProducts.length]);
      // Ten connections, each sending 20 product reads at a time, as fast as answers come back.
      const flood = Array.from({ length: 10 }, async () => {
        while (flooding) await as(gateway, 'flood', floodBatch());
      });
      await waitFor(() => (proxy.inFlight.get('flood') ?? 0) === MAX_CONCURRENT, 5_000, 'the flood to take every slot');

      const took: number[] = [];
      for (let n = 0; n < 6; n += 1) {
        proxy.shopRequest(4);
        const started = Date.now();
        const answer = await as(gateway, 'shop', shopProducts.slice(n * 3, n * 3 + 4));
        took.push(Date.now() - started);
        expect(answer.errors).toBeUndefined();
        expect(answer.data.nodes.every((node: { name: string }) => node.name.length > 0)).toBe(true);
      }
      flooding = false;
      await Promise.all(flood);

      // Alone, 4 reads take one latency; sharing, about three. First-come queuing made each wait behind the flood's queue (seconds).
      expect(Math.max(...took)).toBeLessThan(LATENCY_MS * 10);
      expect(proxy.mostInFlight).toBeLessThanOrEqual(MAX_CONCURRENT);
      // While shop reads wait, the flood gets a slot only when it runs no more than its half.
      expect(proxy.floodWhileShopWaits.length).toBeGreaterThan(0);
      expect(Math.max(...proxy.floodWhileShopWaits)).toBeLessThanOrEqual(MAX_CONCURRENT / 2);
    } finally {
      await gateway.close();
    }
  });

  test('a request whose client disconnects leaves no queued upstream work behind', async () => {
    const gateway = await gatewayWith({});
    try {
      const hangUp = new AbortController();
      // 40 product reads, 4 at a time: a second of work upstream.
      const request = leaving(gateway, 'flood', floodProducts.slice(0, 40), hangUp.signal);
      await waitFor(() => emulator.server.log.all().length >= 4, 5_000, 'the first answers upstream');
      hangUp.abort();
      await expect(request).rejects.toThrow();
      // What was in flight then may still land; nothing queued is sent.
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS * 3));
      const settled = emulator.server.log.all().length;
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS * 5));
      expect(emulator.server.log.all().length).toBe(settled);
      expect(settled).toBeLessThan(20);
    } finally {
      await gateway.close();
    }
  });

  test('a read shared by two requests goes on for the one still waiting when the other’s client leaves', async () => {
    const gateway = await gatewayWith({});
    try {
      const [product] = shopProducts;
      emulator.server.injectFault({ path: `/products/${product}`, delayMs: 400 });
      const hangUp = new AbortController();
      const left = leaving(gateway, 'flood', [product], hangUp.signal);
      await waitFor(() => (proxy.inFlight.get('shop') ?? 0) === 1, 5_000, 'the read to reach the platform');
      const staying = as(gateway, 'shop', [product]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      hangUp.abort();
      await expect(left).rejects.toThrow();
      const answer = await staying;
      expect(answer.errors).toBeUndefined();
      expect(answer.data.nodes[0].name.length).toBeGreaterThan(0);
      expect(emulator.server.log.count({ path: `/products/${product}` })).toBe(1);
    } finally {
      await gateway.close();
    }
  });

  test('a client past its share of the queue gets UPSTREAM_UNAVAILABLE on the refused reads only; the rest of the answer keeps its data', async () => {
    // One read at a time, two of this client's waiting: of six reads at once, the batch's overflow is refused.
    const gateway = await gatewayWith({ maxConcurrent: 1, maxQueuedPerClient: 2 });
    try {
      const ids = floodProducts.slice(0, 6);
      const answer = await as(gateway, 'flood', ids);
      const answered = answer.data.nodes.filter((node: { name?: string } | null) => node?.name);
      expect(answered.length).toBeGreaterThanOrEqual(3);
      expect(answered.length).toBeLessThan(ids.length);
      expect(answer.errors!.length).toBe(ids.length - answered.length);
      for (const error of answer.errors!) {
        expect(error.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
        expect(error.message).toBe('Too many requests are waiting for SFCC from this client in the queue of store "sfcc"');
        expect(error.extensions!.retryable).toBe(true);
        expect(answer.data.nodes[error.path![1] as number]).toBeNull();
      }
    } finally {
      await gateway.close();
    }
  });
});
