// Isolation benchmark: the p99 of queries to a healthy store, alone and while another store hangs.
// Usage: npm run bench:isolation (builds first). Writes its section of bench/RESULTS.md.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startGatewayProcess } from '../measure/serverProcess.mjs';
import { writeResultsSection } from '../resultsFile.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const dist = (path) => join(ROOT, 'dist', path);
const { startEcwidEmulator, ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN } = await import(dist('emulators/ecwid/index.js'));
const { startSfccEmulator, SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN } = await import(dist('emulators/sfcc/index.js'));

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = 2;
const CONNECTIONS = 10;

const ecwid = await startEcwidEmulator({ rateLimit: false });
const sfcc = await startSfccEmulator({ rateLimit: false });
const config = join(mkdtempSync(join(tmpdir(), 'categraph-bench-')), 'stores.yaml');
writeFileSync(
  config,
  [
    'server: { port: 0, requestTimeoutMs: 3000 }',
    // The default upstream policy, as production runs it; no Ecwid quota so the load is the gateway's.
    'upstream: { rateLimit: false }',
    'stores:',
    `  - { id: ecwid, platform: ecwid, baseUrl: "${ecwid.baseUrl}", storeId: "${ECWID_DEMO_STORE_ID}", token: "${ECWID_DEMO_TOKEN}" }`,
    `  - { id: sfcc, platform: sfcc, baseUrl: "${sfcc.baseUrl}", catalogId: "${SFCC_DEFAULT_CATALOG_ID}", token: "${SFCC_DEFAULT_TOKEN}" }`,
  ].join('\n'),
);
const gateway = await startGatewayProcess({ mainJs: dist('main.js'), config });
const { url } = gateway;

const body = (query) => JSON.stringify({ query });
const healthyQuery = body('{ category(id: "gid://categraph/Category/sfcc/womens-clothing-dresses") { name products(first: 10) { nodes { product { name } } } } }');
const hungQuery = body('{ category(id: "gid://categraph/Category/ecwid/9691001") { name } }');
const load = (payload, duration = DURATION_S) =>
  autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: payload, connections: CONNECTIONS, duration });

async function healthyAlone() {
  return load(healthyQuery);
}

async function healthyWhileEcwidHangs() {
  ecwid.server.injectFault({ hang: true });
  try {
    const [healthy, hung] = await Promise.all([load(healthyQuery), load(hungQuery)]);
    runs.hungStore.push(hung);
    return healthy;
  } finally {
    ecwid.server.faults.clear();
  }
}

await load(healthyQuery, 2); // warm-up
const runs = { alone: [], hanging: [], hungStore: [] };
for (let round = 0; round < ROUNDS; round++) {
  runs.alone.push(await healthyAlone());
  runs.hanging.push(await healthyWhileEcwidHangs());
}
await gateway.stop();
await Promise.all([ecwid.close(), sfcc.close()]);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figure = (results, pick) => median(results.map(pick));
const row = (name, results) =>
  `| ${name} | ${figure(results, (r) => r.requests.average).toFixed(0)} | ${figure(results, (r) => r.latency.p50)} | ${figure(results, (r) => r.latency.p99)} | ${figure(results, (r) => r.non2xx + r.errors)} |`;
const ratio = figure(runs.hanging, (r) => r.latency.p99) / figure(runs.alone, (r) => r.latency.p99);

writeResultsSection(
  'isolation',
  `## Isolation: one store hanging

Queries to a healthy SFCC store (a category page, 10 products with names) at ${CONNECTIONS} connections for
${DURATION_S} s, alone and while every Ecwid request hangs and ${CONNECTIONS} more connections keep asking the
Ecwid store (each such answer is a bounded \`UPSTREAM_UNAVAILABLE\`). Rounds alternate (A B A B), medians
shown. Machine: ${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
Run with \`npm run bench:isolation\`.

| healthy store | req/s | p50 ms | p99 ms | errors |
| --- | --- | --- | --- | --- |
${row('alone', runs.alone)}
${row('while Ecwid hangs', runs.hanging)}
| *the hanging Ecwid store itself* | ${figure(runs.hungStore, (r) => r.requests.average).toFixed(0)} | ${figure(runs.hungStore, (r) => r.latency.p50)} | ${figure(runs.hungStore, (r) => r.latency.p99)} | (every answer an error) |

The hanging store's answers stay bounded: each waits at most the request's deadline (3 s here) until the
store's circuit opens after 5 failed attempts (identical reads in flight share one attempt, so that takes a
few deadlines); from then on they fail at once, and the half-open trial every 10 s costs one more deadline.
p99 of the healthy store while the other hangs: **${ratio.toFixed(2)}×** the baseline (target ≤ 2×).
`,
);
console.log(`isolation: p99 ratio ${ratio.toFixed(2)}`);
