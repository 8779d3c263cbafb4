import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from '../../src/emulators/ecwid';
import { gid, postGraphQL } from '../support/gateway';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(60_000);

interface Attribute {
  key: string;
  value: Record<string, unknown>;
}

interface ReceivedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Attribute[];
  status?: { code?: number };
}

/** A stand-in OTLP/HTTP collector: it keeps every span posted to /v1/traces (JSON encoding), and the resources they came with. */
async function startCollector(): Promise<{ server: Server; url: string; spans: ReceivedSpan[]; resources: Attribute[][] }> {
  const spans: ReceivedSpan[] = [];
  const resources: Attribute[][] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const document = JSON.parse(body);
      for (const resource of document.resourceSpans ?? []) {
        resources.push(resource.resource.attributes);
        for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans, resources };
}

/** A recording proxy in front of the emulator: it keeps the traceparent of every request the gateway sent upstream. */
async function startTraceparentRecorder(target: string): Promise<{ server: Server; baseUrl: string; traceparents: Array<string | undefined> }> {
  const traceparents: Array<string | undefined> = [];
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    traceparents.push(req.headers.traceparent as string | undefined);
    const forwarded = httpRequest({ host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${targetUrl.pathname}`, traceparents };
}

/** The gateway as a user runs it, from dist/, with the given YAML config; resolves its /graphql URL. */
async function startGatewayProcess(configLines: string[]): Promise<{ child: ChildProcess; url: string }> {
  const config = join(mkdtempSync(join(tmpdir(), 'categraph-tracing-')), 'stores.yaml');
  writeFileSync(config, configLines.join('\n'));
  const child = spawn(process.execPath, ['dist/main.js', '--config', config], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /(http:\/\/\S+\/graphql)/.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the gateway exited with ${code}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  // Shutting down flushes the spans still batched.
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const attribute = (span: ReceivedSpan | Attribute[], key: string) => (Array.isArray(span) ? span : span.attributes).find((entry) => entry.key === key)?.value;

const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const CALLER_TRACEPARENT = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`;
const FRUIT_PAGE = `query FruitPage { category(id: "${gid('Category', 'shop', 9691001)}") { name products(first: 1) { nodes { product { name } } } } }`;
const MISSING = `query Missing { category(id: "${gid('Category', 'shop', 424242)}") { name } }`;

// The OTLP exporter loads its transport with a dynamic import, which Jest's module sandbox refuses:
// the gateway runs as a user runs it, from dist/, with tracing in its config file.
test("with tracing configured, an operation joins the caller's trace with a span per upstream attempt, by the semantic conventions", async () => {
  const collector = await startCollector();
  const emulator = await startEcwidEmulator({ rateLimit: false });
  const recorder = await startTraceparentRecorder(emulator.baseUrl);
  const { child, url } = await startGatewayProcess([
    'server: { port: 0, knownOperationNames: [FruitPage] }',
    `tracing: { otlpEndpoint: "${collector.url}", serviceName: categraph-test }`,
    'stores:',
    `  - { id: shop, platform: ecwid, baseUrl: "${recorder.baseUrl}", storeId: "${ECWID_DEMO_STORE_ID}", token: "${ECWID_DEMO_TOKEN}" }`,
  ]);
  try {
    const answer = await postGraphQL(url, FRUIT_PAGE, undefined, { traceparent: CALLER_TRACEPARENT, tracestate: 'vendor=opaque' });
    expect(answer.errors).toBeUndefined();
    expect((await postGraphQL(url, MISSING)).data).toEqual({ category: null });
  } finally {
    await stop(child);
    await emulator.close();
    recorder.server.close();
    collector.server.close();
  }

  // The operation span is the caller's span's child, named and described by the GraphQL conventions.
  const operation = collector.spans.find((span) => span.traceId === CALLER_TRACE_ID && span.kind === 2)!;
  expect(operation).toMatchObject({ name: 'query FruitPage', parentSpanId: CALLER_SPAN_ID });
  expect(attribute(operation, 'graphql.operation.type')).toEqual({ stringValue: 'query' });
  expect(attribute(operation, 'graphql.operation.name')).toEqual({ stringValue: 'FruitPage' });
  expect(attribute(operation, 'graphql.document')).toBeUndefined();

  // One client span per upstream attempt, named by its route template, not by its ids.
  const children = collector.spans.filter((span) => span.parentSpanId === operation.spanId);
  expect(children.map((span) => span.name).sort()).toEqual(['GET /categories/{id}', 'GET /products']);
  expect(children.every((span) => span.traceId === CALLER_TRACE_ID && span.kind === 3)).toBe(true);
  const category = children.find((span) => span.name === 'GET /categories/{id}')!;
  const recorderUrl = new URL(recorder.baseUrl);
  expect(attribute(category, 'http.request.method')).toEqual({ stringValue: 'GET' });
  expect(attribute(category, 'server.address')).toEqual({ stringValue: '127.0.0.1' });
  expect(attribute(category, 'server.port')).toEqual({ intValue: Number(recorderUrl.port) });
  expect(attribute(category, 'url.full')).toEqual({ stringValue: `${recorder.baseUrl}/${ECWID_DEMO_STORE_ID}/categories/9691001` });
  expect(attribute(category, 'http.response.status_code')).toEqual({ intValue: 200 });
  expect(attribute(category, 'error.type')).toBeUndefined();
  expect(attribute(category, 'categraph.store')).toEqual({ stringValue: 'shop' });

  // The platform received the trace: each request's traceparent is its client span.
  const childIds = children.map((span) => span.spanId).sort();
  const joined = recorder.traceparents.filter((header) => header?.startsWith(`00-${CALLER_TRACE_ID}-`));
  expect(joined.map((header) => header!.split('-')[2]).sort()).toEqual(childIds);

  // An operation without a caller starts its own trace; a name the config does not know stays out of
  // the span's name, and the platform's 404 marks its client span as an error.
  const missing = collector.spans.find((span) => span.kind === 2 && attribute(span, 'graphql.operation.name')?.stringValue === 'Missing')!;
  expect(missing).toMatchObject({ name: 'query' });
  expect(missing.parentSpanId || undefined).toBeUndefined();
  const notFound = collector.spans.find((span) => span.parentSpanId === missing.spanId)!;
  expect(attribute(notFound, 'http.response.status_code')).toEqual({ intValue: 404 });
  expect(attribute(notFound, 'error.type')).toEqual({ stringValue: '404' });
  expect(notFound.status?.code).toBe(2);
  expect(recorder.traceparents.every((header) => /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(header ?? ''))).toBe(true);

  // The resource says which service, version and process sent the spans.
  const resource = collector.resources[0];
  expect(attribute(resource, 'service.name')).toEqual({ stringValue: 'categraph-test' });
  expect(attribute(resource, 'service.version')).toEqual({ stringValue: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
  expect(attribute(resource, 'service.instance.id')?.stringValue).toMatch(/^[0-9a-f-]{36}$/);
});

test("with tracing off, upstream requests carry the caller's trace context on unchanged, and a malformed one is dropped", async () => {
  const emulator = await startEcwidEmulator({ rateLimit: false });
  const recorder = await startTraceparentRecorder(emulator.baseUrl);
  const { child, url } = await startGatewayProcess([
    'server: { port: 0 }',
    'stores:',
    `  - { id: shop, platform: ecwid, baseUrl: "${recorder.baseUrl}", storeId: "${ECWID_DEMO_STORE_ID}", token: "${ECWID_DEMO_TOKEN}" }`,
  ]);
  try {
    expect((await postGraphQL(url, FRUIT_PAGE, undefined, { traceparent: CALLER_TRACEPARENT })).errors).toBeUndefined();
    expect(recorder.traceparents).toEqual([CALLER_TRACEPARENT, CALLER_TRACEPARENT]);
    recorder.traceparents.length = 0;
    expect((await postGraphQL(url, MISSING, undefined, { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN_ID}-01` })).errors).toBeUndefined();
    expect(recorder.traceparents).toEqual([undefined]);
  } finally {
    await stop(child);
    await emulator.close();
    recorder.server.close();
  }
});
