import { connect, Socket } from 'node:net';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Slow and leaving clients over raw sockets (README, "Failure behaviour"): a request that does not arrive
 * in time is answered 408 and its connection closed; a refused request's connection is closed after its
 * answer, which the client can always read, even while it is still sending.
 */
const KEY = 'slow-clients-key-0123456789';
const TIMEOUT_MS = 1000;
/** Generous: the timeout, Node's check of it (every second), and the second a client gets to read its answer. */
const CLOSED_WITHIN_MS = TIMEOUT_MS + 5000;
let gateway: TestGateway;
let port: number;

beforeAll(async () => {
  gateway = await startTestGateway({
    server: { requestBodyTimeoutMs: TIMEOUT_MS, headersTimeoutMs: TIMEOUT_MS, maxBodyBytes: 64 * 1024 },
    clients: [{ name: 'shop', key: KEY, stores: '*', scopes: ['read_catalog'] }],
    // Never reached: nothing here gets as far as a platform request.
    stores: [{ id: 'shop', platform: 'zaveit', baseUrl: 'http://127.0.0.1:9', token: 'unused' }],
  });
  port = gateway.server.port;
});
afterAll(() => gateway.close());

interface Exchange {
  /** Everything the gateway sent before it closed the connection. */
  received: string;
  /** From the first byte sent to the connection's close. */
  closedAfterMs: number;
  /** A reset or broken pipe the client met, if any. */
  error?: string;
}

/** Sends `head`, then lets `send` write the rest, and reads until the gateway (on `to`) closes the connection. */
function exchange(head: string, send: (socket: Socket) => Promise<void> = async () => {}, to = port): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(to, '127.0.0.1');
    let received = '';
    let error: string | undefined;
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', (failure: NodeJS.ErrnoException) => (error ??= failure.code ?? failure.message));
    socket.on('close', () => resolve({ received, closedAfterMs: Date.now() - started, error }));
    socket.write(head, () => void send(socket).catch(() => undefined));
  });
}

/** Writes one byte every 250 ms until the connection closes: never idle, never done. */
async function trickle(socket: Socket): Promise<void> {
  while (!socket.destroyed && socket.writable) {
    socket.write('x');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const post = (headers: string[], contentLength: number) =>
  ['POST /graphql HTTP/1.1', 'host: 127.0.0.1', 'content-type: application/json', `content-length: ${contentLength}`, ...headers, '', ''].join('\r\n');
const statusOf = (received: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
const bodyOf = (received: string) => JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4));

test('bodies sent a byte at a time are cut off at server.requestBodyTimeoutMs: 408 in the GraphQL shape, the connection closed', async () => {
  const exchanges = await Promise.all(Array.from({ length: 20 }, () => exchange(post([`authorization: Bearer ${KEY}`], 10_000), trickle)));
  for (const { received, closedAfterMs } of exchanges) {
    expect(statusOf(received)).toBe(408);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(bodyOf(received)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'REQUEST_TIMEOUT' } }] });
    expect(closedAfterMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(closedAfterMs).toBeLessThan(CLOSED_WITHIN_MS);
  }
});

test('without a key the same slow body gets its 401, and the connection is closed rather than held', async () => {
  const exchanges = await Promise.all(Array.from({ length: 20 }, () => exchange(post([], 10_000), trickle)));
  for (const { received, closedAfterMs } of exchanges) {
    expect(statusOf(received)).toBe(401);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(bodyOf(received).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(closedAfterMs).toBeLessThan(CLOSED_WITHIN_MS);
  }
});

test('headers sent a byte at a time are cut off at server.headersTimeoutMs', async () => {
  const exchanges = await Promise.all(Array.from({ length: 10 }, () => exchange('POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ', trickle)));
  for (const { received, closedAfterMs } of exchanges) {
    expect(statusOf(received)).toBe(408);
    expect(closedAfterMs).toBeLessThan(CLOSED_WITHIN_MS);
  }
});

test('an oversized body always gets its 413, readable after the client sent it all: 20 runs, no broken pipe', async () => {
  // The refusal waits for the body at most half the request timeout: the default's 15 s, not the 0.5 s of the
  // gateway above, which a loaded machine can take to move 16 MiB.
  const patient = await startTestGateway({
    server: { maxBodyBytes: 64 * 1024 },
    clients: [{ name: 'shop', key: KEY, stores: '*', scopes: ['read_catalog'] }],
    stores: [{ id: 'shop', platform: 'zaveit', baseUrl: 'http://127.0.0.1:9', token: 'unused' }],
  });
  try {
    const body = Buffer.alloc(16 * 1024 * 1024, 'x');
    for (let run = 0; run < 20; run++) {
      // The strictest client: it writes the whole body before it reads a byte of the answer.
      const { received, error } = await exchange(
        post([`authorization: Bearer ${KEY}`], body.length),
        (socket) => new Promise((resolve) => socket.write(body, () => resolve())),
        patient.server.port,
      );
      expect({ run, error }).toEqual({ run, error: undefined });
      expect(statusOf(received)).toBe(413);
      expect(received).toMatch(/\r\nconnection: close\r\n/i);
      expect(bodyOf(received)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
    }
  } finally {
    await patient.close();
  }
});

test('fetch sees the 401 and 413 with Connection: close, and a kept-alive request after them works', async () => {
  const unauthenticated = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stores { id } }' }) });
  expect(unauthenticated.status).toBe(401);
  expect(unauthenticated.headers.get('connection')).toBe('close');
  const oversized = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: 'x'.repeat(256 * 1024) });
  expect(oversized.status).toBe(413);
  expect(oversized.headers.get('connection')).toBe('close');
  const fine = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: '{ stores { id } }' }),
  });
  expect(((await fine.json()) as { data: unknown }).data).toEqual({ stores: [{ id: 'shop' }] });
});
