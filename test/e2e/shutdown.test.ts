import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, EcwidCatalog, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import { gid } from '../support/gateway';
import { awaitReadiness } from '../support/readiness';

/**
 * SIGTERM as production sends it, to `node dist/main.js` (README, "Failure behaviour"): the request in
 * flight is answered, kept-alive connections close at once or as their answers go out, a request arriving
 * meanwhile is told to go elsewhere (503), and the process exits within a second of its last answer.
 */
const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const SLOW_MS = 1500;
jest.setTimeout(60_000);

let emulator: RunningEmulator<EcwidCatalog>;
beforeAll(async () => {
  emulator = await startEcwidEmulator({ rateLimit: false });
});
afterAll(() => emulator.close());

/** A raw connection and everything read from it, with the moment it closed. */
function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close').then(() => Date.now());
  return { socket, received: () => received, closed };
}

test('SIGTERM: the request in flight finishes, connections close as answers go out, late requests get a GraphQL 503, exit 0 within a second', async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const file = join(mkdtempSync(join(tmpdir(), 'categraph-shutdown-')), 'config.yaml');
  const config = {
    server: { explorer: false },
    upstream: { rateLimit: false },
    stores: [{ id: 'shop', platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }],
  };
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [MAIN, '--config', file], { cwd: ROOT, env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, at: Date.now() }));
  try {
    const url = await awaitReadiness(child, 'the gateway').ready;
    const port = Number(new URL(url).port);

    // A kept-alive connection, idle once its request is answered.
    const idle = rawConnection(port);
    idle.socket.write('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    while (!idle.received().includes('"ok"')) await new Promise((resolve) => setTimeout(resolve, 10));

    // A request in flight when the signal comes: Ecwid answers it slowly.
    emulator.server.injectFault({ method: 'GET', path: '/categories/9691001', delayMs: SLOW_MS, times: 1 });
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ category(id: "${gid('Category', 'shop', 9691001)}") { name } }` }),
    }).then(async (response) => ({ status: response.status, connection: response.headers.get('connection'), body: await response.json(), at: Date.now() }));
    // A request whose headers are still arriving when the signal comes.
    const late = rawConnection(port);
    late.socket.write('POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalled = Date.now();
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const body = JSON.stringify({ query: '{ stores { id } }' });
    late.socket.write(`content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);

    // The idle connection is closed at once, not when keep-alive would have timed it out.
    expect((await idle.closed) - signalled).toBeLessThan(1000);

    await late.closed;
    expect(late.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(late.received()).toMatch(/\r\nretry-after: \d+\r\n/i);
    expect(late.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(late.received().slice(late.received().indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });

    const answered = await inFlight;
    expect(answered).toMatchObject({ status: 200, connection: 'close', body: { data: { category: { name: 'Fruit' } } } });
    const exit = await exited;
    expect(exit.code).toBe(0);
    // Within a second of the last answer (the contract), not after keep-alive or a grace period.
    expect(exit.at - answered.at).toBeLessThan(1000);
  } finally {
    child.kill('SIGKILL');
  }
});
