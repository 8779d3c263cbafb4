// The comparison section of bench/RESULTS.md: the machine, the tables (medians of the rounds) and the
// issue's targets checked against this run's figures.
import { cpus, totalmem } from 'node:os';
import { CONNECTIONS } from './measure/loadRun.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
};
const figure = (cell, key) => median(cell.runs.map((run) => run[key]));
const fixed = (value, digits) => (value >= 100 ? value.toFixed(0) : value.toFixed(digits));

function table(cells) {
  const rows = cells.map((cell) => {
    const name = cell.partial ? `${cell.name}¹` : cell.name;
    const values = [figure(cell, 'rps').toFixed(0), fixed(figure(cell, 'p50'), 1), fixed(figure(cell, 'p99'), 1), figure(cell, 'upstreamPerOperation').toFixed(1), figure(cell, 'cpuMsPerQuery').toFixed(2), figure(cell, 'errors')];
    return `| ${cell.scenario.platform} | ${cell.scenario.kind} | ${name} | ${values.join(' | ')} |`;
  });
  return ['| platform | scenario | target | req/s | p50 ms | p99 ms | upstream req/op | server CPU ms/query | errors |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function verdicts(cells, fixedRate, peaks) {
  const at = (name, platform, kind) => cells.find((cell) => cell.latencyMs === 0 && cell.name === name && cell.scenario.platform === platform && cell.scenario.kind === kind);
  const gatewayTree = at('Categraph gateway', 'ecwid', 'tree');
  if (!gatewayTree) return [];
  const lines = [];
  const check = (label, value, target, pass) => lines.push(`- ${label}: **${value}** (target ${target}) ${pass ? 'met' : 'missed'}`);
  const cpu = figure(gatewayTree, 'cpuMsPerQuery');
  check('server CPU per storefront-tree query, uncached', `${cpu.toFixed(2)} ms`, '≤ 1.0 ms', cpu <= 1);
  for (const [name, factor] of [['naive Apollo (N+1)', 3], ['GraphQL Mesh (OpenAPI, Hive Gateway)', 10]]) {
    const other = at(name, 'ecwid', 'tree');
    if (!other) continue;
    const ratio = figure(gatewayTree, 'rps') / figure(other, 'rps');
    check(`tree req/s against ${name}`, `${ratio.toFixed(1)}×`, `≥ ${factor}×`, ratio >= factor);
  }
  if (fixedRate) {
    const p99 = median(fixedRate.runs.map((run) => run.p99));
    check(`p99 of the gateway's tree at a fixed ${fixedRate.rate} queries/s`, `${p99.toFixed(1)} ms`, '≤ 5 ms', p99 <= 5);
  }
  const gateway = peaks.find((peak) => peak.name === 'Categraph gateway');
  if (gateway) check('the gateway\'s peak RSS over the whole bench', `${gateway.peakRssMb.toFixed(0)} MB`, '≤ 150 MB', gateway.peakRssMb <= 150);
  return lines;
}

export function renderComparison({ cells, fixedRate, notes, peaks, durationSeconds, rounds }) {
  const machine = `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
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
- server CPU with a warm entity cache (target ≤ 0.3 ms): not measurable yet, the gateway has no entity cache.

Where a target is missed, the distance is the ratio above; the profile of where the gateway's time goes and the
changes that close it (a per-store category index, an entity cache, a leaner hot path) are issue 6's items 2–4,
each to be kept only if this bench shows it.
${notes.length ? `\n### Left out and why\n\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}`;
}
