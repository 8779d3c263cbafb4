import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from '../../src/emulators/ecwid';
import { gid, postGraphQL } from '../support/gateway';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(60_000);

interface ReceivedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

/** A stand-in OTLP/HTTP collector: it keeps every span posted to /v1/traces (JSON encoding). */
async function startCollector(): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const document = JSON.parse(body);
      for (const resource of document.resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans };
}

// The OTLP exporter loads its transport with a dynamic import, which Jest's module sandbox refuses:
// the gateway runs as a user runs it, from dist/, with tracing in its config file.
test('with tracing configured, each operation is a span with a child span per upstream attempt, exported over OTLP', async () => {
  const collector = await startCollector();
  const emulator = await startEcwidEmulator({ rateLimit: false });
  const config = join(mkdtempSync(join(tmpdir(), 'categraph-tracing-')), 'stores.yaml');
  writeFileSync(
    config,
    [
      'server: { port: 0 }',
      `tracing: { otlpEndpoint: "${collector.url}" }`,
      'stores:',
      `  - { id: shop, platform: ecwid, baseUrl: "${emulator.baseUrl}", storeId: "${ECWID_DEMO_STORE_ID}", token: "${ECWID_DEMO_TOKEN}" }`,
    ].join('\n'),
  );
  const child = spawn(process.execPath, ['dist/main.js', '--config', config], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const match = /(http:\/\/\S+\/graphql)/.exec(chunk.toString());
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`the gateway exited with ${code}`)));
    });
    const answer = await postGraphQL(url, `query FruitPage { category(id: "${gid('Category', 'shop', 9691001)}") { name products(first: 1) { nodes { product { name } } } } }`);
    expect(answer.errors).toBeUndefined();
  } finally {
    // Shutting down flushes the spans still batched.
    child.kill('SIGTERM');
    await once(child, 'exit');
    await emulator.close();
    collector.server.close();
  }

  const operation = collector.spans.find((span) => span.name === 'graphql query FruitPage')!;
  expect(operation).toBeDefined();
  const children = collector.spans.filter((span) => span.parentSpanId === operation.spanId);
  expect(children.map((span) => span.name).sort()).toEqual(['Ecwid GET /categories/9691001', 'Ecwid GET /products']);
  expect(children.every((span) => span.traceId === operation.traceId)).toBe(true);
  expect(children[0].attributes).toContainEqual({ key: 'categraph.store', value: { stringValue: 'shop' } });
});
