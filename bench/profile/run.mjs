// The profiling harness: the gateway under a fixed number of storefront-tree and category-page queries
// (Ecwid), with its CPU time per query (user + system, from /proc), its peak RSS and a CPU profile of the
// load windows only. CPU per query, not req/s, is the figure to compare: other work on the machine moves
// wall-clock figures, much less the CPU the gateway itself spends on a query.
// Each cache mode runs in a gateway process of its own: `off` (entity cache off: every query's reads go
// upstream, at most shared with identical reads in flight) and `warm` (the in-process cache, warmed first).
// Usage: npm run bench:profile (builds first). Settings, all optional (environment):
//   PROFILE_MODES        cache modes to run, comma-separated (default "off,warm")
//   PROFILE_REQUESTS     queries per scenario and round (default 2000)
//   PROFILE_ROUNDS       rounds, tree and page alternating (default 3); medians reported
//   PROFILE_CONNECTIONS  concurrent connections (default 20, as `npm run bench`)
//   PROFILE_LATENCY_MS   upstream latency of the emulators (default 0)
//   PROFILE_RATE_SECONDS seconds of the tree at 100 queries/s for its p99 (default 10; 0 skips it)
//   PROFILE_CPU_PROF     0 runs without the profiler (its sampling costs a few %)
//   PROFILE_NODE_FLAGS   extra node flags for the gateway, e.g. "--max-semi-space-size=16"
//   PROFILE_NODE_ENV     the gateway's NODE_ENV (default production, as the Docker image runs it)
//   PROFILE_CONFIG       extra YAML lines appended to the gateway's config
//   PROFILE_LABEL        names the output: bench/profile/out/<label>.json and <label>.<mode>.cpuprofile
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, peakRssMb } from '../measure/procStats.mjs';
import { printedUrl, startServer } from '../measure/serverProcess.mjs';
import { checkAnswer, SCENARIOS, UPSTREAM_PLATFORMS } from '../scenarios.mjs';
import { pageQuery, treeQuery } from '../targets/categraphQueries.mjs';
import { writeGatewayConfig } from '../targets/gateway.mjs';
import { graphqlOperation } from '../targets/graphqlOperation.mjs';
import { clearLog, loggedRequests, setLatency } from '../upstream/control.mjs';
import { startUpstreams } from '../upstream/emulators.mjs';
import { formatSummary, summarizeProfile } from './summarize.mjs';

const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 20);
const LATENCY_MS = Number(process.env.PROFILE_LATENCY_MS ?? 0);
const RATE_SECONDS = Number(process.env.PROFILE_RATE_SECONDS ?? 10);
const FIXED_RATE = 100;
const CPU_PROF = process.env.PROFILE_CPU_PROF !== '0';
const NODE_FLAGS = (process.env.PROFILE_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const NODE_ENV = process.env.PROFILE_NODE_ENV ?? 'production';
const CONFIG_LINES = (process.env.PROFILE_CONFIG ?? '').split('\n').filter((line) => line.trim());
const LABEL = process.env.PROFILE_LABEL ?? new Date().toISOString().replace(/[:.]/g, '-');
const OUT = join(import.meta.dirname, 'out');

const now = () => Number(process.hrtime.bigint() / 1000n);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
};

/** The config lines of each cache mode; `warm` keeps entries past the run, so no round meets an expiry. */
const CACHE_MODES = { off: ['cache: { ttlSeconds: 0 }'], warm: ['cache: { ttlSeconds: 3600 }'] };
const MODES = (process.env.PROFILE_MODES ?? 'off,warm').split(',').map((mode) => mode.trim());
for (const mode of MODES) if (!CACHE_MODES[mode]) throw new Error(`PROFILE_MODES: unknown mode "${mode}" (off, warm)`);

mkdirSync(OUT, { recursive: true });
const result = {
  label: LABEL,
  node: process.version,
  requests: REQUESTS,
  rounds: ROUNDS,
  connections: CONNECTIONS,
  latencyMs: LATENCY_MS,
  nodeFlags: NODE_FLAGS,
  nodeEnv: NODE_ENV,
  config: CONFIG_LINES,
  modes: {},
};
const upstreams = await startUpstreams();
try {
  for (const platform of UPSTREAM_PLATFORMS) await setLatency(upstreams[platform].origin, LATENCY_MS);
  for (const mode of MODES) result.modes[mode] = await profileMode(mode);
} finally {
  await upstreams.stop();
}

console.log(`\n${LABEL}:`);
for (const [mode, figures] of Object.entries(result.modes)) {
  const perScenario = Object.entries(figures.scenarios).map(([kind, s]) => `${kind} ${s.cpuMsPerQuery.toFixed(3)}${kind === 'rate' ? ` (p99 ${s.p99} ms)` : ''}`);
  const memory = Object.entries(figures.memoryAtEnd)
    .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
    .join(', ');
  console.log(`  cache ${mode}: CPU ms/query (median) ${perScenario.join(', ')}; peak RSS ${figures.peakRssMb.toFixed(0)} MB (at the end, MB: ${memory})`);
}
writeFileSync(join(OUT, `${LABEL}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(`figures: ${join(OUT, `${LABEL}.json`)}`);

/** One gateway process in one cache mode: warm-up, the measured rounds, the fixed-rate run, its profile. */
async function profileMode(mode) {
  const profileDir = mkdtempSync(join(tmpdir(), 'categraph-profile-'));
  const figures = { scenarios: {} };
  const windows = { tree: [], page: [], rate: [] };
  let gateway;
  try {
    gateway = await startServer({
      name: 'Categraph gateway',
      command: process.execPath,
      args: [
        ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        ...NODE_FLAGS,
        join(import.meta.dirname, '..', '..', 'dist', 'main.js'),
        '--config',
        writeGatewayConfig(upstreams, [...CACHE_MODES[mode], ...CONFIG_LINES]),
      ],
      env: { LOG_LEVEL: 'warn', NODE_ENV },
      ready: async (output) => printedUrl(output) !== undefined,
    });
    const url = printedUrl(gateway.output());
    const { ecwid } = upstreams;
    const scenarios = {
      tree: { scenario: SCENARIOS.find((s) => s.platform === 'ecwid' && s.kind === 'tree'), operation: graphqlOperation(url, treeQuery('ecwid', ecwid.treeRootId)) },
      page: { scenario: SCENARIOS.find((s) => s.platform === 'ecwid' && s.kind === 'page'), operation: graphqlOperation(url, pageQuery('ecwid', ecwid.pageCategoryId)) },
    };
    for (const { scenario, operation } of Object.values(scenarios)) {
      await checkAnswer(scenario, operation);
      // Unmeasured: JIT compilation, connection pools, V8's heap sizing and the cache settle first.
      await load(operation, { amount: Math.min(REQUESTS, 1000) });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, { operation }] of Object.entries(scenarios)) {
        const run = await measured(gateway, operation, { amount: REQUESTS }, windows[kind]);
        (figures.scenarios[kind] ??= { runs: [] }).runs.push(run);
        console.log(
          `cache ${mode}, round ${round + 1}, ${kind}: ${run.cpuMsPerQuery.toFixed(3)} ms CPU/query, ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, ${run.upstreamPerQuery.toFixed(2)} upstream req/query`,
        );
      }
    }
    if (RATE_SECONDS > 0) {
      const run = await measured(gateway, scenarios.tree.operation, { duration: RATE_SECONDS, overallRate: FIXED_RATE, connections: 2 }, windows.rate);
      figures.scenarios.rate = { runs: [run] };
      console.log(`cache ${mode}, tree at ${FIXED_RATE}/s: p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.cpuMsPerQuery.toFixed(3)} ms CPU/query`);
    }
    figures.peakRssMb = peakRssMb(gateway.pid);
    figures.memoryAtEnd = await memoryOf(url);
  } finally {
    await gateway?.stop();
  }
  for (const scenario of Object.values(figures.scenarios)) {
    scenario.cpuMsPerQuery = median(scenario.runs.map((run) => run.cpuMsPerQuery));
    scenario.p99 = median(scenario.runs.map((run) => run.p99));
    scenario.upstreamPerQuery = median(scenario.runs.map((run) => run.upstreamPerQuery));
  }
  if (CPU_PROF) {
    // The gateway writes its profile as it exits (SIGTERM ends it with process.exit).
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    const profilePath = join(OUT, `${LABEL}.${mode}.cpuprofile`);
    renameSync(join(profileDir, file), profilePath);
    const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
    figures.profile = {};
    for (const kind of ['tree', 'page']) {
      const queries = REQUESTS * ROUNDS;
      const summary = summarizeProfile(profile, { windows: windows[kind], top: 30 });
      figures.profile[kind] = { queries, ...summary };
      console.log(`\n== cache ${mode}, ${kind}: profile of the measured rounds (${queries} queries)\n${formatSummary(summary, { queries })}`);
    }
    console.log(`\nprofile: ${profilePath}\n`);
  }
  rmSync(profileDir, { recursive: true, force: true });
  return figures;
}

/** One autocannon run of `options` (amount or duration), measured: CPU, upstream requests, latency. */
async function measured(gateway, operation, options, windowList) {
  await clearLog(upstreams.ecwid.origin);
  const cpuBefore = cpuMs(gateway.pid);
  const start = now();
  const outcome = await load(operation, options);
  windowList.push({ start, end: now() });
  const cpu = cpuMs(gateway.pid) - cpuBefore;
  const served = outcome.requests.total;
  const errors = outcome.errors + outcome.timeouts + outcome.non2xx;
  if (errors > 0) throw new Error(`${errors} failed requests: the figures would not be comparable`);
  return {
    cpuMsPerQuery: cpu / served,
    rps: outcome.requests.average,
    p50: outcome.latency.p50,
    p99: outcome.latency.p99,
    upstreamPerQuery: (await loggedRequests(upstreams.ecwid.origin)) / served,
    served,
  };
}

/** The V8 heap and external memory at the end, in MiB, from the gateway's own /metrics (prom-client's defaults). */
async function memoryOf(graphqlUrl) {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const value = (name) => Number(new RegExp(`^categraph_${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
  return {
    rss: value('process_resident_memory_bytes'),
    heapTotal: value('nodejs_heap_size_total_bytes'),
    heapUsed: value('nodejs_heap_size_used_bytes'),
    external: value('nodejs_external_memory_bytes'),
  };
}

function load(operation, options) {
  return autocannon({ url: operation.url, connections: CONNECTIONS, requests: [operation.request], ...options });
}
