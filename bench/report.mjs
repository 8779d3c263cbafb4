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

function table(cells) {
  const rows = cells.map((cell) => {
    const name = cell.partial ? `${cell.name}¹` : cell.name;
    const values = [
      figure(cell, 'rps').toFixed(0),
      fixed(figure(cell, 'p50'), 1),
      fixed(figure(cell, 'p99'), 1),
      figure(cell, 'upstreamPerOperation').toFixed(1),
      figure(cell, 'cpuMsPerQuery').toFixed(2),
      figure(cell, 'errors'),
    ];
    return `| ${cell.scenario.platform} | ${cell.scenario.kind} | ${name} | ${values.join(' | ')} |`;
  });
  return [
    '| platform | scenario | target | req/s | p50 ms | p99 ms | upstream req/op | server CPU ms/query | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function verdicts(cells, fixedRate, peaks) {
  const at = (name, platform, kind) => cells.find((cell) => cell.latencyMs === 0 && cell.name === name && cell.scenario.platform === platform && cell.scenario.kind === kind);
  const uncachedTree = at(UNCACHED, 'ecwid', 'tree');
  const cachedTree = at(CACHED, 'ecwid', 'tree');
  if (!uncachedTree || !cachedTree) return [];
  const lines = [];
  const check = (label, value, target, pass) => lines.push(`- ${label}: **${value}** (target ${target}) ${pass ? 'met' : `missed, ${describeMiss(value, target)}`}`);
  const cpu = figure(uncachedTree, 'cpuMsPerQuery');
  check('server CPU per storefront-tree query, uncached', `${cpu.toFixed(2)} ms`, '≤ 1.0 ms', cpu <= 1);
  const warm = figure(cachedTree, 'cpuMsPerQuery');
  check('server CPU per storefront-tree query, cache warm', `${warm.toFixed(2)} ms`, '≤ 0.3 ms', warm <= 0.3);
  for (const [name, factor] of [
    ['naive Apollo (N+1)', 3],
    ['GraphQL Mesh (OpenAPI, Hive Gateway)', 10],
  ]) {
    const other = at(name, 'ecwid', 'tree');
    if (!other) continue;
    for (const [label, cell] of [
      ['uncached', uncachedTree],
      ['cache', cachedTree],
    ]) {
      const ratio = figure(cell, 'rps') / figure(other, 'rps');
      check(`tree req/s (${label}) against ${name}`, `${ratio.toFixed(1)}×`, `≥ ${factor}×`, ratio >= factor);
    }
  }
  for (const { name, runs } of fixedRate?.byTarget ?? []) {
    const p99 = median(runs.map((run) => run.p99));
    check(`p99 of the tree at a fixed ${fixedRate.rate} queries/s (2 connections), ${name}`, `${p99.toFixed(1)} ms`, '≤ 5 ms', p99 <= 5);
  }
  for (const name of [UNCACHED, CACHED]) {
    const peak = peaks.find((candidate) => candidate.name === name);
    if (peak) check(`peak RSS over the whole bench, ${name}`, `${peak.peakRssMb.toFixed(0)} MB`, '≤ 150 MB', peak.peakRssMb <= 150);
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

Peak RSS over the whole bench: ${peaks.map((peak) => `${peak.name} ${peak.peakRssMb.toFixed(0)} MB`).join(', ')}.

### Against the issue's targets (0 ms, same run)

${verdicts(cells, fixedRate, peaks).join('\n')}

Where the gateway's time goes, and what would close a missed target: the profile section below
(\`npm run bench:profile\`).
${notes.length ? `\n### Left out and why\n\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}`;
}
