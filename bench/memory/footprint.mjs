// The gateway's memory footprint, for one or more builds side by side: RSS idle after start (a one-store
// config and the demo), and peak RSS, CPU per query and req/s under the Ecwid storefront tree at 20
// connections, with the entity cache off and on. Each build's gateway is its own process, started the way
// `node dist/main.js` starts it; rounds alternate the builds (A B A B), medians shown.
// Usage: node bench/memory/footprint.mjs [<build dir> [<node flag> …]] … (default: this checkout, as built);
// a build dir holds dist/main.js, and the node flags after it are its gateway's, so one build may be measured
// with and without flags: footprint.mjs . . --max-semi-space-size=32
// Settings (environment): FOOTPRINT_ROUNDS (default 3), FOOTPRINT_REQUESTS per load run (default 4000),
// FOOTPRINT_IDLE_MS after the ready line before idle RSS is read (default 3000).
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMs, peakRssMb } from '../measure/procStats.mjs';
import { printedUrl, startServer } from '../measure/serverProcess.mjs';
import { treeQuery } from '../targets/categraphQueries.mjs';
import { writeGatewayConfig } from '../targets/gateway.mjs';
import { graphqlOperation } from '../targets/graphqlOperation.mjs';
import { startUpstreams } from '../upstream/emulators.mjs';

const ROUNDS = Number(process.env.FOOTPRINT_ROUNDS ?? 3);
const REQUESTS = Number(process.env.FOOTPRINT_REQUESTS ?? 4000);
const IDLE_MS = Number(process.env.FOOTPRINT_IDLE_MS ?? 3000);
const CONNECTIONS = 20;
/** The targets: each a build directory and its node flags. */
const targets = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--') && targets.length > 0) targets.at(-1).flags.push(arg);
  else targets.push({ dir: resolve(arg), flags: [] });
}
if (targets.length === 0) targets.push({ dir: join(import.meta.dirname, '..', '..'), flags: [] });
const nameOf = ({ dir, flags }) => [dir, ...flags].join(' ');

const rssMb = (pid) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const upstreams = await startUpstreams();
const oneStore = join(mkdtempSync(join(tmpdir(), 'categraph-footprint-')), 'stores.yaml');
const { ecwid } = upstreams;
writeFileSync(oneStore, `server: { port: 0 }\nstores:\n  - { id: ecwid, platform: ecwid, baseUrl: "${ecwid.baseUrl}", storeId: "${ecwid.storeId}", token: "${ecwid.token}" }\n`);

/** A gateway of the target with `args` (a config or none: the demo); resolves once it printed its URL. */
function gateway(target, args) {
  return startServer({
    name: `gateway ${nameOf(target)}`,
    command: process.execPath,
    args: [...target.flags, join(target.dir, 'dist', 'main.js'), ...args],
    cwd: target.dir,
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    ready: async (output) => printedUrl(output, /(http:\/\/\S+\/graphql)/) !== undefined,
  });
}

async function idleRss(target, args) {
  const server = await gateway(target, args);
  try {
    await sleep(IDLE_MS);
    return rssMb(server.pid);
  } finally {
    await server.stop();
  }
}

async function underLoad(target, cacheLines) {
  const config = writeGatewayConfig(upstreams, cacheLines);
  const server = await gateway(target, ['--config', config]);
  try {
    const operation = graphqlOperation(printedUrl(server.output(), /(http:\/\/\S+\/graphql)/), treeQuery('ecwid', upstreams.ecwid.treeRootId));
    const load = (amount) => autocannon({ url: operation.url, connections: CONNECTIONS, requests: [operation.request], amount });
    await load(500);
    const before = cpuMs(server.pid);
    const outcome = await load(REQUESTS);
    const failed = outcome.errors + outcome.timeouts + outcome.non2xx;
    if (failed > 0) throw new Error(`${nameOf(target)}: ${failed} failed requests`);
    return { peakRssMb: peakRssMb(server.pid), cpuMsPerQuery: (cpuMs(server.pid) - before) / outcome.requests.total, rps: outcome.requests.average };
  } finally {
    await server.stop();
  }
}

const figures = new Map(targets.map((target) => [target, { idleOne: [], idleDemo: [], uncached: [], cached: [] }]));
const machineLoad = loadavg()[0];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [target, f] of figures) {
      f.idleOne.push(await idleRss(target, ['--config', oneStore]));
      f.idleDemo.push(await idleRss(target, []));
      f.uncached.push(await underLoad(target, ['cache: { ttlSeconds: 0 }']));
      f.cached.push(await underLoad(target, []));
      console.error(`round ${round + 1}, ${nameOf(target)}: done`);
    }
  }
} finally {
  await upstreams.stop();
}

console.log(`load average ${machineLoad.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end; ${ROUNDS} rounds, ${REQUESTS} trees a load run`);
console.log('| build | idle RSS, one store | idle RSS, demo | peak RSS uncached | CPU ms/tree uncached | req/s uncached | peak RSS cached | CPU ms/tree cached | req/s cached |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [target, f] of figures) {
  const load = (runs) => [median(runs.map((r) => r.peakRssMb)).toFixed(0), median(runs.map((r) => r.cpuMsPerQuery)).toFixed(2), median(runs.map((r) => r.rps)).toFixed(0)];
  console.log(`| ${nameOf(target)} | ${median(f.idleOne).toFixed(0)} | ${median(f.idleDemo).toFixed(0)} | ${[...load(f.uncached).slice(0, 3), ...load(f.cached)].join(' | ')} |`);
}
