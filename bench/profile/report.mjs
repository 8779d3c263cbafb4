// The profile section of bench/RESULTS.md: before/after figures of harness runs (several a side, run
// A B A B, whose medians are taken), and the hand-written findings (bench/profile/findings.md: what was
// changed, measured and kept or dropped, what is left), into which the top of the profile after and the
// targets are put where the file says <!-- profile-top --> and <!-- targets -->.
// Usage: node bench/profile/report.mjs <before.json>[,<before.json>…] <after.json>[,<after.json>…]
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeResultsSection } from '../resultsFile.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
};

/** Every run of a scenario across the given harness outputs, so that medians span the A B A B rounds. */
function runsOf(results, mode, kind) {
  return results.flatMap((result) => result.modes[mode]?.scenarios[kind]?.runs ?? []);
}

const cpu = (results, mode, kind) => median(runsOf(results, mode, kind).map((run) => run.cpuMsPerQuery));
const p99 = (results, mode, kind) => median(runsOf(results, mode, kind).map((run) => run.p99));
const peak = (results, mode) => Math.max(...results.map((result) => result.modes[mode]?.peakRssMb ?? 0));
const ms = (value) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));
const change = (before, after) => `${after < before ? '−' : '+'}${Math.abs(Math.round((1 - after / before) * 100))} %`;

function figuresTable(before, after) {
  const rows = [];
  for (const [mode, label] of [
    ['off', 'off'],
    ['warm', 'warm'],
  ]) {
    for (const [kind, name] of [
      ['tree', 'CPU ms/query, storefront tree (221 categories)'],
      ['page', 'CPU ms/query, category page (50 products)'],
      ['rate', 'CPU ms/query, tree at 100 queries/s'],
    ]) {
      if (!runsOf(after, mode, kind).length) continue;
      const [b, a] = [cpu(before, mode, kind), cpu(after, mode, kind)];
      rows.push(`| ${label} | ${name} | ${ms(b)} | ${ms(a)} | ${change(b, a)} |`);
    }
    if (runsOf(after, mode, 'rate').length) rows.push(`| ${label} | p99 ms, tree at 100 queries/s | ${p99(before, mode, 'rate')} | ${p99(after, mode, 'rate')} | |`);
    rows.push(`| ${label} | peak RSS MB | ${peak(before, mode).toFixed(0)} | ${peak(after, mode).toFixed(0)} | ${change(peak(before, mode), peak(after, mode))} |`);
  }
  return ['| entity cache | figure | before | after | change |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function profileTop(result, mode, kind, limit) {
  const profile = result.modes[mode]?.profile?.[kind];
  if (!profile) return '';
  const perQuery = (item) => (item.ms / profile.queries).toFixed(3);
  const list = (items) =>
    items
      .slice(0, limit)
      .map((item) => `${item.name} ${perQuery(item)}`)
      .join('; ');
  return [
    `- **${kind}, entity cache ${mode}** (${(profile.totalMs / profile.queries).toFixed(2)} ms sampled per query):`,
    `  - by package: ${list(profile.modules)}`,
    `  - by function: ${list(profile.functions)}`,
  ].join('\n');
}

function targets(after) {
  const lines = [];
  const check = (label, value, target, limit, unit) => {
    const digits = unit === 'MB' ? 0 : 2;
    const verdict = value <= limit ? 'met' : `missed by ${(value - limit).toFixed(digits)} ${unit} (${(value / limit).toFixed(1)}×)`;
    lines.push(`- ${label}: **${value.toFixed(digits)} ${unit}** (target ${target}) ${verdict}`);
  };
  check('server CPU per storefront-tree query, uncached', cpu(after, 'off', 'tree'), '≤ 1.0 ms', 1.0, 'ms');
  check('server CPU per storefront-tree query, entity cache warm', cpu(after, 'warm', 'tree'), '≤ 0.3 ms', 0.3, 'ms');
  check('p99 at 100 tree queries/s, entity cache warm', p99(after, 'warm', 'rate'), '≤ 5 ms', 5, 'ms');
  check('p99 at 100 tree queries/s, entity cache off', p99(after, 'off', 'rate'), '≤ 5 ms', 5, 'ms');
  check('peak RSS', Math.max(peak(after, 'off'), peak(after, 'warm')), '≤ 150 MB', 150, 'MB');
  return lines.join('\n');
}

export function renderProfileSection(before, after) {
  const [first] = after;
  // The profile shown is the last run's: the tables' medians already span every run.
  const last = after[after.length - 1];
  const machine = `${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${first.node}`;
  const findings = readFileSync(join(import.meta.dirname, 'findings.md'), 'utf8')
    .trim()
    .replace('<!-- profile-top -->', [profileTop(last, 'off', 'tree', 8), profileTop(last, 'warm', 'tree', 8), profileTop(last, 'warm', 'page', 6)].join('\n'))
    .replace('<!-- targets -->', targets(after));
  return [
    "## Profile: where a query's CPU goes (issue #6, point 4)",
    '',
    `\`npm run bench:profile\` (bench/profile/run.mjs): the emulators at ${first.latencyMs} ms and the gateway under \`node --cpu-prof\`, one`,
    'process per entity-cache mode (off: `cache.ttlSeconds: 0`; warm: the in-process cache, warmed before measuring),',
    `otherwise configured as for \`npm run bench\`. ${first.rounds} rounds of ${first.requests} Ecwid tree and ${first.requests} page queries at`,
    `${first.connections} connections (medians), then 10 s of the tree at a fixed 100 queries/s. CPU is the gateway process's`,
    "user + system time over the queries it served (/proc): the figure to compare, since other engineers' test runs",
    'share this machine and move req/s and latency far more than it. The profile counts only the samples taken',
    `inside the measured runs. Machine: ${machine}. Before and after ran alternately (before, after,`,
    `before, after) within the same minutes, ${before.length + after.length} gateway runs per mode; "before" is the code as it was (the`,
    'changed files as at HEAD, NODE_ENV unset as the old bench ran the gateway).',
    '',
    figuresTable(before, after),
    '',
    findings,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [beforeFiles, afterFiles] = process.argv.slice(2);
  if (!beforeFiles || !afterFiles) throw new Error('usage: node bench/profile/report.mjs <before.json>[,…] <after.json>[,…]');
  const load = (files) => files.split(',').map((file) => JSON.parse(readFileSync(file, 'utf8')));
  writeResultsSection('profile', renderProfileSection(load(beforeFiles), load(afterFiles)));
  console.log('bench/RESULTS.md: profile section written');
}
