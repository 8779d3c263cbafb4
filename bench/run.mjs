// The comparison benchmark: the gateway (uncached and cached), a naive N+1 Apollo server, GraphQL Mesh, Tailcall
// (as it is and with @cache) and the raw REST call, on the same scenarios over the same emulators, at 0 ms and
// 20 ms upstream latency, then the storefront tree at a fixed rate on the fresh processes and after the rest.
// Usage: npm run bench (builds first). Writes its section of bench/RESULTS.md.
// BENCH_DURATION (s, default 5) and BENCH_ROUNDS (default 2) bound each run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measureFixedRate } from './measure/fixedRate.mjs';
import { peakRssMb } from './measure/procStats.mjs';
import { measureAlternating } from './measure/rounds.mjs';
import { renderComparison } from './report.mjs';
import { writeResultsSection } from './resultsFile.mjs';
import { checkAnswer, SCENARIOS, UPSTREAM_PLATFORMS } from './scenarios.mjs';
import { cached, uncached } from './targets/gateway.mjs';
import * as mesh from './targets/mesh.mjs';
import * as naive from './targets/naive.mjs';
import * as rawRest from './targets/rawRest.mjs';
import { tailcall, tailcallCached } from './targets/tailcall.mjs';
import { setLatency } from './upstream/control.mjs';
import { startUpstreams } from './upstream/emulators.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const LATENCIES_MS = [0, 20];
const FIXED_RATE = 100;
const FIXED_RATE_SECONDS = 2 * DURATION_S;

if (!existsSync(join(import.meta.dirname, 'node_modules'))) {
  const install = spawnSync('npm', ['ci', '--prefix', import.meta.dirname], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm ci --prefix bench failed');
}

const upstreams = await startUpstreams();
const notes = [];
const running = [];
for (const target of [uncached, cached, naive, mesh, tailcall, tailcallCached, rawRest]) {
  if (target.coverage) notes.push(`${target.name}: ${target.coverage}`);
  const reason = target.unavailable?.();
  if (reason) {
    notes.push(`${target.name}: ${reason}`);
    continue;
  }
  try {
    running.push({ name: target.name, server: await target.start(upstreams) });
  } catch (error) {
    notes.push(`${target.name}: did not start: ${error.message.split('\n')[0]}`);
  }
}

const tree = SCENARIOS.find(({ platform, kind }) => platform === 'ecwid' && kind === 'tree');
/** The latency target: the storefront tree at a fixed moderate rate, 0 ms upstream, measured open-loop. */
async function measureTreeAtFixedRate(when) {
  for (const platform of UPSTREAM_PLATFORMS) await setLatency(upstreams[platform].origin, 0);
  // Raw REST (one small upstream answer, from the emulator itself) is the floor: the machine and the runner.
  for (const { name, server } of running.filter(({ name }) => [uncached.name, cached.name, tailcall.name, tailcallCached.name, rawRest.name].includes(name))) {
    const operation = server.operation(tree);
    if (!operation.partial) await checkAnswer(tree, operation);
    const run = await measureFixedRate({ pid: server.pid, operation, rate: FIXED_RATE, durationSeconds: FIXED_RATE_SECONDS });
    fixedRate.runs.push({ name, when, ...run });
    console.log(`${name} at ${FIXED_RATE}/s, ${when}: p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms`);
  }
}

const cells = [];
const fixedRate = { rate: FIXED_RATE, durationSeconds: FIXED_RATE_SECONDS, runs: [] };
try {
  // Each process has answered only the scenario's check when it is first measured.
  await measureTreeAtFixedRate('fresh process');
  for (const latencyMs of LATENCIES_MS) {
    for (const platform of UPSTREAM_PLATFORMS) await setLatency(upstreams[platform].origin, latencyMs);
    for (const scenario of SCENARIOS) {
      // Rounds alternate the contenders (A B A B), so drift over time falls on all of them alike.
      const contenders = await measureAlternating({
        scenario,
        running,
        upstreamOrigin: upstreams[scenario.platform].origin,
        rounds: ROUNDS,
        durationSeconds: DURATION_S,
        leftOut: (name, error) => notes.push(`${name}, ${scenario.platform} ${scenario.kind} at ${latencyMs} ms: left out, ${error.message}`),
        runOptions: { peakRss: true },
      });
      for (const { name, operation, runs } of contenders) cells.push({ latencyMs, scenario, name, partial: operation.partial, runs });
      console.log(`${latencyMs} ms, ${scenario.platform} ${scenario.kind}: ${contenders.map(({ name, runs }) => `${name} ${Math.round(runs.at(-1).rps)} req/s`).join(', ')}`);
    }
  }
  await measureTreeAtFixedRate('after the full-speed runs');
} finally {
  for (const target of running) target.peakRssMb = peakRssMb(target.server.pid);
  for (const { server } of running) await server.stop();
  await upstreams.stop();
}

writeResultsSection('comparison', renderComparison({ cells, fixedRate, notes, peaks: running, durationSeconds: DURATION_S, rounds: ROUNDS }));
console.log('bench/RESULTS.md written');
