// The comparison section of bench/RESULTS.md: the machine, the tables (medians of the rounds) and the
// issue's targets checked against this run's figures.
import { cpus, totalmem } from 'node:os';
import { CONNECTIONS } from './measure/loadRun.mjs';
import { CACHED, UNCACHED } from './targets/gateway.mjs';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
};
const figure = (cell, key) => median(cell.runs.map((run) => run[key]));
/** "3.41 ms" against "≤ 1.0 ms": 3.4× the target. */
const describeMiss = (value, target) => `${(parseFloat(value) / parseFloat(target.replace(/^[≤≥] /, ''))).toFixed(1)}× ${target.startsWith('≥') ? 'below' : 'over'} the target`;
export const fixed = (value, digits) => (value >= 100 ? value.toFixed(0) : value.toFixed(digits));
/** The machine a run's figures belong to. */
export const describeMachine = () => `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

const TAILCALL = 'Tailcall 1.6.14';
const TAILCALL_CACHED = 'Tailcall 1.6.14 + @cache';
const NAIVE = 'naive Apollo (N+1)';

/** The cell of `name` measuring what `cell` measures (same latency, platform and scenario). */
const sibling = (cells, cell, name) =>
  cells.find(
    (other) => other.name === name && other.latencyMs === cell.latencyMs && other.scenario.platform === cell.scenario.platform && other.scenario.kind === cell.scenario.kind,
  );
/** A target with a cache is set against Tailcall with its cache, every other against Tailcall as it is (Tailcall's own rows against none). */
const tailcallFor = (cells, cell) => (cell.name.startsWith(TAILCALL) ? undefined : sibling(cells, cell, cell.name === CACHED ? TAILCALL_CACHED : TAILCALL));
const ratio = (value, reference) => (reference ? `${(value / reference).toFixed(2)}×` : '—');

function table(cells) {
  const rows = cells.map((cell) => {
    const name = cell.partial ? `${cell.name}¹` : cell.name;
    const tailcall = tailcallFor(cells, cell);
    const naive = sibling(cells, cell, NAIVE);
    const peaks = cell.runs.map((run) => run.peakRssMb).filter((peak) => peak !== undefined);
    const values = [
      figure(cell, 'rps').toFixed(0),
      fixed(figure(cell, 'p50'), 1),
      fixed(figure(cell, 'p99'), 1),
      figure(cell, 'upstreamPerOperation').toFixed(1),
      figure(cell, 'cpuMsPerQuery').toFixed(2),
      tailcall ? ratio(figure(cell, 'cpuMsPerQuery'), figure(tailcall, 'cpuMsPerQuery')) : '—',
      naive && naive !== cell ? ratio(figure(cell, 'rps'), figure(naive, 'rps')) : '—',
      peaks.length ? median(peaks).toFixed(0) : '—',
      figure(cell, 'errors'),
    ];
    return `| ${cell.scenario.platform} | ${cell.scenario.kind} | ${name} | ${values.join(' | ')} |`;
  });
  return [
    '| platform | scenario | target | req/s | p50 ms | p99 ms | upstream req/op | server CPU ms/query | CPU ÷ Tailcall² | req/s ÷ naive | peak RSS MB | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The storefront scenario's writer: writes answered a second and their p99, per target and latency. */
function writeNotes(cells) {
  const written = cells.filter((cell) => cell.runs.every((run) => run.writes));
  if (!written.length) return '';
  const describe = (cell) =>
    `${cell.name} at ${cell.latencyMs} ms ${median(cell.runs.map((run) => run.writes.perSecond)).toFixed(1)}/s (p99 ${fixed(median(cell.runs.map((run) => run.writes.p99)), 1)} ms)`;
  return `³ The storefront scenario's writer (its own open-loop stream beside the readers' ${CONNECTIONS} connections; the table's req/s and latency are the reads'): ${written.map(describe).join('; ')}.`;
}

function fixedRateTable({ rate, durationSeconds, runs }) {
  const rows = runs.map(
    (run) =>
      `| ${run.name} | ${run.when} | ${run.requests} | ${fixed(run.p50, 2)} | ${fixed(run.p90, 2)} | ${fixed(run.p99, 2)} | ${fixed(run.max, 1)} | ${run.cpuMsPerQuery.toFixed(2)} | ${run.lateMs.toFixed(1)} | ${run.errors} |`,
  );
  return [
    `The Ecwid storefront tree at ${rate} queries/s for ${durationSeconds} s, 0 ms upstream, sent open-loop (bench/measure/fixedRate.mjs):`,
    '',
    '| target | measured | requests | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/query | runner late ms (max) | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function verdicts(cells, fixedRate) {
  const at = (name, platform, kind) => cells.find((cell) => cell.latencyMs === 0 && cell.name === name && cell.scenario.platform === platform && cell.scenario.kind === kind);
  const uncachedTree = at(UNCACHED, 'ecwid', 'tree');
  const cachedTree = at(CACHED, 'ecwid', 'tree');
  if (!uncachedTree || !cachedTree) return [];
  const lines = [];
  const check = (label, value, target, pass) => lines.push(`- ${label}: **${value}** (target ${target}) ${pass ? 'met' : `missed, ${describeMiss(value, target)}`}`);
  const tailcallTree = at(TAILCALL, 'ecwid', 'tree');
  if (tailcallTree) {
    const share = figure(uncachedTree, 'cpuMsPerQuery') / figure(tailcallTree, 'cpuMsPerQuery');
    check("uncached tree CPU per query against Tailcall's", `${share.toFixed(2)}×`, '≤ 0.9×', share <= 0.9);
  }
  const tailcallCachedTree = at(TAILCALL_CACHED, 'ecwid', 'tree');
  if (tailcallCachedTree) {
    const share = figure(cachedTree, 'rps') / figure(tailcallCachedTree, 'rps');
    check('cached tree req/s against Tailcall + @cache', `${share.toFixed(2)}×`, '≥ 1×', share >= 1);
  }
  for (const kind of ['mix', 'storefront']) {
    const uncachedMix = at(UNCACHED, 'ecwid', kind);
    const cachedMix = at(CACHED, 'ecwid', kind);
    if (!uncachedMix || !cachedMix) continue;
    const gain = figure(cachedMix, 'rps') / figure(uncachedMix, 'rps');
    check(`${cachedMix.scenario.title} req/s, cached against uncached`, `${gain.toFixed(1)}×`, '≥ 5×', gain >= 5);
    const p99 = figure(cachedMix, 'p99');
    check(`${cachedMix.scenario.title} p99, cached`, `${p99.toFixed(1)} ms`, '≤ 20 ms', p99 <= 20);
  }
  for (const cell of [uncachedTree, cachedTree]) {
    const peaks = cell.runs.map((run) => run.peakRssMb).filter((peak) => peak !== undefined);
    if (peaks.length) check(`peak RSS under ${CONNECTIONS} connections (tree), ${cell.name}`, `${Math.max(...peaks).toFixed(0)} MB`, '≤ 150 MB', Math.max(...peaks) <= 150);
  }
  for (const run of fixedRate.runs.filter(({ name }) => name === UNCACHED || name === CACHED)) {
    check(`p99 of the tree at ${fixedRate.rate} queries/s, ${run.name}, ${run.when}`, `${run.p99.toFixed(1)} ms`, '≤ 5 ms', run.p99 <= 5);
  }
  return lines;
}

export function renderComparison({ cells, fixedRate, notes, peaks, durationSeconds, rounds }) {
  const machine = describeMachine();
  const byLatency = (ms) => cells.filter((cell) => cell.latencyMs === ms);
  const partialNotes = [...new Map(cells.filter((cell) => cell.partial).map((cell) => [`${cell.scenario.platform} ${cell.scenario.kind}`, cell.partial])).entries()];
  return `## Comparison: the gateway and its alternatives

Machine: ${machine}. Everything on loopback: the emulators in one process, each target in its own (so its CPU
and peak RSS are its own, from \`/proc/<pid>/stat\` and \`VmHWM\`), autocannon in the runner. ${CONNECTIONS} connections,
${durationSeconds} s a run, ${rounds} rounds alternating the targets of a scenario (A B A B …), medians shown. Before
it is loaded, each target's answer is checked to hold the scenario's data in full (every name) and no error.
Upstream requests per operation come from the emulator's request log; server CPU is the target process's
user + system time over the run ÷ the responses it served. Run with \`npm run bench\`.

### 0 ms upstream latency

${table(byLatency(0))}

### 20 ms upstream latency (a SaaS API across the internet)

${table(byLatency(20))}

¹ One upstream request, not the whole answer: ${partialNotes.map(([where, what]) => `${where}: ${what}`).join('; ')}.
The raw REST rows measure the emulator process itself.
² The gateway with its caches against Tailcall with \`@cache\`, every other target against Tailcall as it is;
"peak RSS" is the target's own peak during each run (its VmHWM reset before the run), median of the rounds.
${writeNotes(cells)}

Peak RSS over the whole bench: ${peaks.map((peak) => `${peak.name} ${peak.peakRssMb.toFixed(0)} MB`).join(', ')}.

### At a fixed rate

${fixedRateTable(fixedRate)}

### Against the issue's targets (0 ms, same run)

${verdicts(cells, fixedRate).join('\n')}

Where the gateway's time goes, and what would close a missed target: the profile section below
(\`npm run bench:profile\`).
${notes.length ? `\n### Left out and why\n\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}`;
}
