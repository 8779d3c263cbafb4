// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and says where the time went: the top functions
// by self time, the packages/modules by self time, and selected functions by inclusive time.
// Usage: node bench/profile/summarize.mjs <file.cpuprofile> [top=25]
// Sample timestamps are V8's monotonic clock in µs, the clock of process.hrtime in every process on the
// machine, so a caller can keep only the samples taken inside its load windows (not start-up or idle).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** `(program)`, `(garbage collector)` and `(idle)` are V8's own buckets; idle is never counted as work. */
const IDLE = '(idle)';

/**
 * `windows`: [{ start, end }] in µs of the monotonic clock; when given, only samples inside one count.
 * Returns totals in ms and sorted tables.
 */
export function summarizeProfile(profile, { windows, top = 25 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfUs = new Map();
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    // A sample stands for the interval up to the next one (as Chrome DevTools counts it).
    const span = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (windows && !windows.some((window) => time >= window.start && time < window.end)) continue;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + span);
  }

  const functions = new Map();
  const modules = new Map();
  const inclusive = new Map();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node.callFrame.functionName === IDLE) {
      idleUs += us;
      continue;
    }
    totalUs += us;
    const key = functionKey(node.callFrame);
    functions.set(key, (functions.get(key) ?? 0) + us);
    const module = moduleOf(node.callFrame);
    modules.set(module, (modules.get(module) ?? 0) + us);
    // Inclusive: each function on the sample's stack once, however often it recurses.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const frameKey = functionKey(byId.get(at).callFrame);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + us);
    }
  }
  const sorted = (map, limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: us / 1000, share: totalUs ? us / totalUs : 0 }));
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    functions: sorted(functions, top),
    modules: sorted(modules, top),
    // Inclusive time of frames that are not the root or the event loop's own plumbing.
    inclusive: sorted(new Map([...inclusive].filter(([name]) => !name.startsWith('(root)'))), top),
  };
}

function functionKey({ functionName, url, lineNumber }) {
  const name = functionName || '(anonymous)';
  if (!url) return name;
  return `${name} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url) {
  const path = url.replace(/^file:\/\//, '');
  const modulesAt = path.lastIndexOf('/node_modules/');
  if (modulesAt >= 0) return path.slice(modulesAt + '/node_modules/'.length);
  const distAt = path.lastIndexOf('/dist/');
  if (distAt >= 0) return path.slice(distAt + 1);
  return path;
}

/** An npm package, a directory of the gateway's own code (dist/<dir>), a Node core module, or a V8 bucket. */
export function moduleOf({ functionName, url }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(V8 builtins)';
  if (url.startsWith('node:')) {
    const parts = url.slice('node:'.length).split('/');
    return `node:${parts[0] === 'internal' ? parts.slice(0, 2).join('/') : parts[0]}`;
  }
  const path = url.replace(/^file:\/\//, '');
  const modulesAt = path.lastIndexOf('/node_modules/');
  if (modulesAt >= 0) {
    const parts = path.slice(modulesAt + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const distAt = path.lastIndexOf('/dist/');
  if (distAt >= 0) {
    const parts = path.slice(distAt + '/dist/'.length).split('/');
    return `categraph/${parts.length > 1 ? parts[0] : parts[0].replace(/\.js$/, '')}`;
  }
  return path;
}

/** Plain-text tables, as the harness prints them; with `queries`, also in ms per query. */
export function formatSummary(summary, { queries } = {}) {
  const perQuery = (ms) => (queries ? ` ${(ms / queries).toFixed(3).padStart(7)} ms/q` : '');
  const rows = (items) => items.map((item) => `  ${(item.share * 100).toFixed(1).padStart(5)} %${perQuery(item.ms)}  ${item.name}`).join('\n');
  return [
    `sampled work ${summary.totalMs.toFixed(0)} ms${queries ? ` (${(summary.totalMs / queries).toFixed(3)} ms/query)` : ''}, idle ${summary.idleMs.toFixed(0)} ms`,
    'self time by package/module:',
    rows(summary.modules),
    'self time by function:',
    rows(summary.functions),
    'inclusive time:',
    rows(summary.inclusive),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/profile/summarize.mjs <file.cpuprofile> [top]');
  console.log(formatSummary(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), { top: Number(top ?? 25) })));
}
