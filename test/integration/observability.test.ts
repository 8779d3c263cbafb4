import { Writable } from 'node:stream';
import pino from 'pino';
import { parseConfig } from '../../src/config/loadConfig';
import { ECWID_DEMO_STORE_ID, startEcwidEmulator } from '../../src/emulators/ecwid';
import type { RunningEmulator } from '../../src/emulators/kit';
import type { EcwidCatalog } from '../../src/emulators/ecwid';
import { GatewayServer, startGateway } from '../../src/gateway/server';
import { gid, postGraphQL } from '../support/gateway';

const TOKEN = 'secret_observability_token';
let emulator: RunningEmulator<EcwidCatalog>;
let gateway: GatewayServer;
const logLines: Array<Record<string, any>> = [];
let rawLog = '';

beforeAll(async () => {
  emulator = await startEcwidEmulator({ rateLimit: false, token: TOKEN });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      rawLog += chunk.toString();
      logLines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const config = parseConfig(
    {
      server: { port: 0, knownOperationNames: ['FruitPage', 'Retried'] },
      upstream: { maxRetries: 1 },
      stores: [{ id: 'shop', platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: TOKEN }],
    },
    'test',
  );
  gateway = await startGateway(config, { logger: pino({ level: 'info' }, sink) });
});
afterAll(async () => {
  await gateway.close();
  await emulator.close();
});

const FRUIT = gid('Category', 'shop', 9691001);

test('one JSON log line per request: request id, operation, duration, upstream timings, never the token', async () => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc-123' },
    body: JSON.stringify({ query: `query FruitPage { category(id: "${FRUIT}") { name products(first: 2) { nodes { product { name } } } } }` }),
  });
  expect(response.headers.get('x-request-id')).toBe('req-abc-123');
  await response.json();

  const line = logLines.find((entry) => entry.reqId === 'req-abc-123')!;
  expect(line).toMatchObject({ msg: 'graphql request', operationName: 'FruitPage', operationType: 'query', durationMs: expect.any(Number) });
  expect(line.upstream).toEqual([
    expect.objectContaining({
      storeId: 'shop',
      platform: 'Ecwid',
      method: 'GET',
      path: '/categories/9691001',
      route: '/categories/{id}',
      status: 200,
      durationMs: expect.any(Number),
    }),
    expect.objectContaining({ method: 'GET', path: '/products', status: 200 }),
  ]);
  expect(rawLog).not.toContain(TOKEN);
});

test('a request without an id gets one, and errors are logged by code', async () => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ category(id: "nonsense") { name } }' }),
  });
  const id = response.headers.get('x-request-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(logLines.find((entry) => entry.reqId === id)).toMatchObject({ errorCodes: ['BAD_USER_INPUT'], upstream: [] });
});

test('GET /metrics counts requests, upstream attempts by status, retries and the breaker state', async () => {
  emulator.server.injectFault({ method: 'GET', path: '/categories/9691002', status: 503, times: 1 });
  await postGraphQL(gateway.url, `query Retried { category(id: "${gid('Category', 'shop', 9691002)}") { name } }`);

  const response = await fetch(gateway.url.replace('/graphql', '/metrics'));
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  expect(text).toMatch(/categraph_graphql_requests_total\{operation="FruitPage",type="query",outcome="ok"\} 1/);
  expect(text).toMatch(/categraph_graphql_request_duration_seconds_count\{operation="Retried"\} 1/);
  expect(text).toMatch(/categraph_upstream_requests_total\{store="shop",platform="Ecwid",method="GET",status="503"\} 1/);
  expect(text).toMatch(/categraph_upstream_requests_total\{store="shop",platform="Ecwid",method="GET",status="200"\} [3-9]/);
  expect(text).toMatch(/categraph_upstream_retries_total\{store="shop",platform="Ecwid"\} 1/);
  expect(text).not.toContain(TOKEN);
});

test("the circuit breaker's state is one series per state, 1 on the current one", async () => {
  const text = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
  expect(text).toContain('categraph_upstream_circuit_state{store="shop",platform="Ecwid",state="closed"} 1');
  expect(text).toContain('categraph_upstream_circuit_state{store="shop",platform="Ecwid",state="open"} 0');
  expect(text).toContain('categraph_upstream_circuit_state{store="shop",platform="Ecwid",state="half_open"} 0');
});

test("Node's default metrics keep their standard names, as stock Node.js dashboards expect", async () => {
  const text = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  expect(text).not.toMatch(/categraph_(process|nodejs)_/);
});

test('operation names the config does not know count as "other": 200 random names add no series, and still show in the log', async () => {
  const series = (text: string) => text.split('\n').filter((line) => line.startsWith('categraph_graphql_'));
  const operationValues = (text: string) => new Set(series(text).map((line) => /operation="([^"]*)"/.exec(line)?.[1]));
  await postGraphQL(gateway.url, 'query Warmup { __typename }');
  const before = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();

  const names = Array.from({ length: 200 }, (_, index) => `Random${index}_${Math.random().toString(36).slice(2)}`);
  for (const name of names) await postGraphQL(gateway.url, `query ${name} { __typename }`);

  const after = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
  expect(series(after)).toHaveLength(series(before).length);
  expect(operationValues(after)).toEqual(operationValues(before));
  expect(after).not.toContain(names[0]);
  expect(after).toMatch(/categraph_graphql_requests_total\{operation="other",type="query",outcome="ok"\} 201/);
  expect(after).toMatch(/categraph_graphql_requests_total\{operation="FruitPage",type="query",outcome="ok"\} 1/);
  expect(logLines.find((entry) => entry.operationName === names[199])).toMatchObject({ msg: 'graphql request', operationType: 'query' });
});
