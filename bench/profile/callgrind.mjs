// Instructions per uncached storefront tree, counted by valgrind's callgrind: a figure that other work on
// a shared machine does not move (wall-clock and even CPU time do), so two builds can be compared by a
// few percent. The gateway (`node <dist>/main.js`, entity cache off, `--predictable`: V8's collector and
// compiler on the main thread, none of its time-driven heuristics) runs under callgrind with its
// instrumentation off; after the warm-up `callgrind_control` switches it on, N queries are sent one
// after another, and the dump is divided by N. The figure compared leaves out TurboFan, which still
// (re)optimizes now and then after any warm-up and moves a window's total by tens of % at random; the
// garbage collector's share is in it and also shown alone.
// Usage: npm run build && node bench/profile/callgrind.mjs. Settings, all optional (environment):
//   CALLGRIND_DIST       the build to measure (default this checkout's dist), e.g. a copy of an older build
//   CALLGRIND_QUERIES    measured queries a round (default 100)
//   CALLGRIND_WARMUP     unmeasured queries before them (default 300)
//   CALLGRIND_ROUNDS     measured windows, one after another (default 5); their mean is reported
//   CALLGRIND_NODE_FLAGS the gateway's node flags (default --predictable)
//   CALLGRIND_QUERY      tree (the bench's 1 + 20 + 200 category tree, default) or menu (examples/storefrontMenu.graphql)
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAnswer, SCENARIOS } from '../scenarios.mjs';
import { treeQuery } from '../targets/categraphQueries.mjs';
import { writeGatewayConfig } from '../targets/gateway.mjs';
import { graphqlOperation } from '../targets/graphqlOperation.mjs';
import { startUpstreams } from '../upstream/emulators.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = process.env.CALLGRIND_DIST ?? join(ROOT, 'dist');
const QUERIES = Number(process.env.CALLGRIND_QUERIES ?? 100);
const WARMUP = Number(process.env.CALLGRIND_WARMUP ?? 300);
const ROUNDS = Number(process.env.CALLGRIND_ROUNDS ?? 5);
const QUERY = process.env.CALLGRIND_QUERY ?? 'tree';
const NODE_FLAGS = (process.env.CALLGRIND_NODE_FLAGS ?? '--predictable').split(/\s+/).filter(Boolean);

const out = mkdtempSync(join(tmpdir(), 'categraph-callgrind-'));
const upstreams = await startUpstreams({ distDir: DIST });
let gateway;
try {
  const config = writeGatewayConfig(upstreams, ['cache: { ttlSeconds: 0 }']);
  gateway = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      // V8 writes and rewrites machine code in its heap: callgrind must see every change.
      '--smc-check=all-non-file',
      '--separate-threads=yes',
      `--callgrind-out-file=${join(out, 'callgrind.%p')}`,
      process.execPath,
      ...NODE_FLAGS,
      join(DIST, 'main.js'),
      '--config',
      config,
    ],
    { cwd: join(DIST, '..'), env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await readyUrl(gateway);
  const operation = QUERY === 'menu' ? menuOperation(url) : graphqlOperation(url, treeQuery('ecwid', upstreams.ecwid.treeRootId));
  if (QUERY !== 'menu')
    await checkAnswer(
      SCENARIOS.find((s) => s.platform === 'ecwid' && s.kind === 'tree'),
      operation,
    );
  await send(operation, WARMUP);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    callgrindControl('--zero');
    callgrindControl('--instr=on');
    await send(operation, QUERIES);
    callgrindControl('--instr=off');
    const before = new Set(dumps());
    callgrindControl('--dump');
    // One file a thread; `-01` is the main one, where --predictable runs V8's collector and compiler too.
    const figures = mainThreadFigures(
      join(
        out,
        dumps().find((file) => !before.has(file) && file.endsWith('-01')),
      ),
    );
    rounds.push(figures);
    console.log(`round ${round + 1}: ${describe(figures)}`);
  }
  const mean = (key) => rounds.reduce((sum, figures) => sum + figures[key], 0) / rounds.length;
  // The mean, not the median: a window holds a major collection or not, and the mean counts each once.
  console.log(
    `${QUERY}, entity cache off, ${DIST}, ${ROUNDS} × ${QUERIES} queries, mean: ${describe({ total: mean('total'), compiler: mean('compiler'), collector: mean('collector') })}`,
  );
} finally {
  if (gateway && gateway.exitCode === null) {
    gateway.kill('SIGTERM');
    await once(gateway, 'exit');
  }
  await upstreams.stop();
  rmSync(out, { recursive: true, force: true });
}

/** Resolves with the URL the gateway prints once it accepts requests (slow under valgrind: up to a few minutes). */
async function readyUrl(child) {
  let output = '';
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the gateway exited with ${code}:\n${output}`);
  });
  const printed = new Promise((resolve) => {
    const read = (chunk) => {
      output = (output + chunk).slice(-4000);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  return Promise.race([printed, exited]);
}

function menuOperation(url) {
  const query = readFileSync(join(ROOT, 'examples', 'storefrontMenu.graphql'), 'utf8');
  return {
    url: new URL(url).origin,
    request: { method: 'POST', path: new URL(url).pathname, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { storeId: 'ecwid' } }) },
  };
}

/** `count` queries, one after another; each must answer with data and no error. */
async function send(operation, count) {
  for (let i = 0; i < count; i++) {
    const response = await fetch(operation.url + operation.request.path, { method: 'POST', headers: operation.request.headers, body: operation.request.body });
    const body = await response.json();
    if (!response.ok || body.errors) throw new Error(`query ${i} failed: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

function millions(n) {
  return (n / 1e6).toFixed(2);
}

function describe({ total, compiler, collector }) {
  return `M instructions a query: ${millions(total - compiler)} without the optimizing compiler (of which collector ${millions(collector)}); compiler ${millions(compiler)}`;
}

/**
 * A dump's instructions a query: in all, in TurboFan (it still optimizes and re-optimizes now and then
 * after the warm-up, tens of % of a window at random: left out of the figure compared) and in the
 * garbage collector (inclusive, from callgrind_annotate).
 */
function mainThreadFigures(file) {
  const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', file], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const inclusive = (symbol) => {
    const line = annotated.split('\n').find((text) => text.includes(`:${symbol}(`));
    return line ? Number(line.trim().split(' ')[0].replace(/,/g, '')) / QUERIES : 0;
  };
  return {
    total: totalInstructions(readFileSync(file, 'utf8')) / QUERIES,
    compiler: inclusive('v8::internal::Runtime_CompileOptimized'),
    collector: inclusive('v8::internal::Heap::CollectGarbage'),
  };
}

function callgrindControl(...args) {
  execFileSync('callgrind_control', [...args, String(gateway.pid)], { stdio: 'ignore' });
}

function dumps() {
  return execFileSync('ls', [out], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** The `totals:` line of a callgrind dump (its `summary:` line can read 0 after a zeroing): instructions (Ir) in every thread of the process. */
function totalInstructions(text) {
  const match = /^totals:\s+(\d+)/m.exec(text);
  if (!match) throw new Error('no totals in the callgrind dump');
  return Number(match[1]);
}
