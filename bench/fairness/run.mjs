// Fairness benchmark: a storefront client's p99 and success rate on an SFCC store (100 ms latency), alone
// and while an abusive client of the same store floods it. Usage: npm run bench:fairness (builds first).
// Writes its section of bench/RESULTS.md.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayProcess } from '../measure/serverProcess.mjs';
import { writeResultsSection } from '../resultsFile.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const dist = (path) => join(ROOT, 'dist', path);
const { startSfccEmulator, SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN } = await import(dist('emulators/sfcc/index.js'));

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/** The storefront's pace: a few tree queries a second. */
const STOREFRONT_EVERY_MS = 250;
/** The abusive client's connections, each sending its next request as soon as the last is answered. */
const ABUSE_CONNECTIONS = 4;
/** Ids of the abusive operation: as many as the operation limit (server.limits.maxUpstreamRequests, 500) lets through, 100 a `nodes` field. */
const ABUSE_IDS = Number(process.env.BENCH_ABUSE_IDS ?? 500);
const KEYS = { storefront: 'storefront-bench-key-0123456789', abuser: 'abuser-bench-key-0123456789' };

const sfcc = await startSfccEmulator({ rateLimit: false, latencyMs: 100 });
const config = join(mkdtempSync(join(tmpdir(), 'categraph-bench-')), 'fairness.yaml');
writeFileSync(
  config,
  [
    'server: { port: 0, requestTimeoutMs: 5000 }',
    // The default bulkhead (32 at once, 128 queued per client); no quota so the load is the gateway's.
    'upstream: { rateLimit: false }',
    // No entity cache: every storefront query reads the store, so the store's sharing is what is measured.
    'cache: { ttlSeconds: 0 }',
    'clients:',
    ...Object.entries(KEYS).map(([name, key]) => `  - { name: ${name}, key: "${key}", stores: [sfcc], scopes: [read_catalog] }`),
    'stores:',
    `  - { id: sfcc, platform: sfcc, baseUrl: "${sfcc.baseUrl}", catalogId: "${SFCC_DEFAULT_CATALOG_ID}", token: "${SFCC_DEFAULT_TOKEN}" }`,
  ].join('\n'),
);
const gateway = await startGatewayProcess({ mainJs: dist('main.js'), config });
const { url } = gateway;

const products = sfcc.catalog.listProducts().map((product) => product.id);
const gid = (type, id) => `gid://categraph/${type}/sfcc/${encodeURIComponent(id)}`;
const storefrontQuery = `{ category(id: "${gid('Category', 'womens-clothing')}") { name children(first: 10) { nodes { name } } products(first: 10) { nodes { product { name } } } } }`;
let nextProduct = 0;
const abusiveQuery = () => {
  const ids = Array.from({ length: ABUSE_IDS }, () => JSON.stringify(gid('Product', products[nextProduct++ % products.length])));
  const fields = [];
  for (let at = 0; at < ids.length; at += 100) fields.push(`n${at}: nodes(ids: [${ids.slice(at, at + 100).join(', ')}]) { id ... on Product { name } }`);
  return `{ ${fields.join(' ')} }`;
};

async function ask(client, query) {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEYS[client] }, body: JSON.stringify({ query }) });
    const body = await response.json();
    return { ms: performance.now() - started, ok: response.status === 200 && !body.errors, codes: (body.errors ?? []).map((error) => error.extensions?.code) };
  } catch {
    return { ms: performance.now() - started, ok: false, codes: ['NETWORK'] };
  }
}

/** The storefront's answers over the run, one query every STOREFRONT_EVERY_MS. */
async function storefront() {
  const answers = [];
  const until = Date.now() + DURATION_S * 1000;
  while (Date.now() < until) {
    const tick = Date.now();
    answers.push(ask('storefront', storefrontQuery));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, STOREFRONT_EVERY_MS - (Date.now() - tick))));
  }
  return Promise.all(answers);
}

async function phase(withAbuse) {
  sfcc.server.log.clear();
  let abusing = withAbuse;
  const abuse = [];
  const abusers = withAbuse
    ? Array.from({ length: ABUSE_CONNECTIONS }, async () => {
        while (abusing) abuse.push(await ask('abuser', abusiveQuery()));
      })
    : [];
  const answers = await storefront();
  abusing = false;
  await Promise.all(abusers);
  return { answers, abuse, upstream: sfcc.server.log.all().length };
}

await phase(false); // warm-up
const solo = await phase(false);
const shared = await phase(true);
await gateway.stop();
await sfcc.close();

const p = (answers, q) => {
  const sorted = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const success = (answers) => (100 * answers.filter((answer) => answer.ok).length) / answers.length;
const row = (name, { answers, upstream }) =>
  `| ${name} | ${answers.length} | ${success(answers).toFixed(1)} % | ${p(answers, 0.5).toFixed(0)} | ${p(answers, 0.99).toFixed(0)} | ${upstream} |`;
const codes = {};
for (const answer of shared.abuse) for (const code of answer.codes) codes[code] = (codes[code] ?? 0) + 1;
const ratio = p(shared.answers, 0.99) / p(solo.answers, 0.99);
const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');

writeResultsSection(
  'fairness',
  `## Fairness: one store shared by two clients

An SFCC store whose every answer takes 100 ms, two clients with their own keys and the default limits. The
storefront client asks a category page (a department, its subcategories' names and 10 products with names)
every ${STOREFRONT_EVERY_MS} ms for ${DURATION_S} s, first alone, then while the abusive client sends, on
${ABUSE_CONNECTIONS} connections as fast as answers come back, ${ABUSE_IDS} product ids in \`nodes\` fields of 100 (on SFCC one
upstream request per product: the most expensive operation \`server.limits.maxUpstreamRequests\` lets through).
The store's bulkhead (32 requests in flight) gives each client at most its share (half, while both are
around) and queues at most 128 of one client's requests. Machine: ${cpus().length} × ${cpus()[0].model},
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load} at the end. Run with \`npm run bench:fairness\`.

| storefront | queries | success | p50 ms | p99 ms | upstream requests (whole phase) |
| --- | --- | --- | --- | --- | --- |
${row('alone', solo)}
${row('while the abusive client floods', shared)}

The abusive client's ${shared.abuse.length} answers: ${shared.abuse.filter((answer) => answer.ok).length} whole, the rest with errors
(${
    Object.entries(codes)
      .map(([code, count]) => `${code} × ${count}`)
      .join(', ') || 'none'
  }).
Storefront p99 while flooded: **${ratio.toFixed(2)}×** alone (target ≤ 2×), success ${success(shared.answers).toFixed(1)} % (target 100 %).
`,
);
console.log(`fairness: storefront p99 ${ratio.toFixed(2)}× alone, success ${success(shared.answers).toFixed(1)} %`);
