// A/B benchmark of two builds of the gateway, side by side: did a refactor change its speed, or is the
// difference within noise? Both builds' gateways run at once (each with its caches on and off), over one
// emulator process at 0 ms upstream latency, on every gateway scenario, in rounds alternating the four
// targets (A B A B …). Reports each figure's median and its spread (min–max over the rounds), and the
// current ÷ baseline ratio of req/s and CPU ms/query per round.
// Usage: BENCH_BASELINE=<dir> npm run bench:compare (builds this checkout first). Writes its section of
// bench/RESULTS.md. Settings (environment):
//   BENCH_BASELINE        required: a directory holding a built gateway, <dir>/dist/main.js, e.g. made with
//                         git archive <commit> | tar -x -C <dir>; ln -s "$PWD/node_modules" <dir>/node_modules;
//                         (cd <dir> && ./node_modules/.bin/tsc -p tsconfig.build.json)
//   BENCH_BASELINE_LABEL  what the report calls the baseline (default: the directory's name)
//   BENCH_CURRENT         the build measured against it (default: this checkout, as last built). To measure
//                         the noise floor, point it at the baseline: BENCH_CURRENT=$BENCH_BASELINE
//   BENCH_CURRENT_LABEL   what the report calls it (default: this checkout's short commit, "+ working tree"
//                         when it has changes; the directory's name for BENCH_CURRENT)
//   BENCH_DURATION        seconds a run (default 5)
//   BENCH_ROUNDS          rounds (default 3)
//   BENCH_NO_WRITE=1      prints the section only, leaves bench/RESULTS.md as it is
// The emulators are the current build's. Only the root devDependencies are needed (autocannon), not bench's.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { CONNECTIONS } from './measure/loadRun.mjs';
import { cpuMs, machineBusyMs, peakRssMb } from './measure/procStats.mjs';
import { measureAlternating } from './measure/rounds.mjs';
import { describeMachine, fixed, median } from './report.mjs';
import { writeResultsSection } from './resultsFile.mjs';
import { SCENARIOS, UPSTREAM_PLATFORMS } from './scenarios.mjs';
import { gatewayTargets } from './targets/gateway.mjs';
import { setLatency } from './upstream/control.mjs';
import { startUpstreams } from './upstream/emulators.mjs';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const THIS_CHECKOUT = join(import.meta.dirname, '..');

/** A build directory from the environment, checked to hold a built gateway. */
function buildDir(variable, fallback) {
  const value = process.env[variable] || fallback;
  if (!value) {
    console.error(`${variable} is not set: it names a directory holding a built gateway (<dir>/dist/main.js) to compare this checkout with.
For example, the last commit:
  rm -rf /tmp/baseline && mkdir /tmp/baseline && git archive HEAD | tar -x -C /tmp/baseline
  ln -s "$PWD/node_modules" /tmp/baseline/node_modules && (cd /tmp/baseline && ./node_modules/.bin/tsc -p tsconfig.build.json)
  BENCH_BASELINE=/tmp/baseline npm run bench:compare`);
    process.exit(2);
  }
  const dir = resolve(value);
  if (!existsSync(join(dir, 'dist', 'main.js'))) {
    console.error(`${variable}=${value}: ${join(dir, 'dist', 'main.js')} does not exist; build it first (./node_modules/.bin/tsc -p tsconfig.build.json in ${dir}).`);
    process.exit(2);
  }
  return dir;
}

/** A git checkout's short commit, "+ working tree" when it has changes; the directory's name otherwise. */
function describeCheckout(dir) {
  const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain') ? `${head} + working tree` : head;
  } catch {
    return basename(dir);
  }
}

const baselineDir = buildDir('BENCH_BASELINE');
const currentDir = buildDir('BENCH_CURRENT', THIS_CHECKOUT);
const noiseFloor = realpathSync(baselineDir) === realpathSync(currentDir);
const baselineLabel = process.env.BENCH_BASELINE_LABEL || basename(baselineDir);
const currentLabel = process.env.BENCH_CURRENT_LABEL || (noiseFloor ? `${baselineLabel} again` : describeCheckout(currentDir));
const builds = {
  baseline: gatewayTargets({ label: 'baseline', mainJs: join(baselineDir, 'dist', 'main.js') }),
  current: gatewayTargets({ label: 'current', mainJs: join(currentDir, 'dist', 'main.js') }),
};
const MODES = ['uncached', 'cached'];
// Within a round: baseline and current of one cache mode next to each other, so their ratio compares
// runs adjacent in time.
const targets = MODES.flatMap((mode) => [builds.baseline[mode], builds.current[mode]]);

console.log(`baseline: ${baselineLabel} (${baselineDir}); current: ${currentLabel} (${currentDir}); ${ROUNDS} rounds of ${DURATION_S} s`);
const upstreams = await startUpstreams({ distDir: join(currentDir, 'dist') });
const running = [];
/** `byScenario`: for each scenario, the runs of each target that answered it, by target name. */
const byScenario = [];
const notes = [];
/** The machine's busy CPU time and this bench's share of it (runner, emulators, targets), to tell other work. */
const cpuSnapshot = () => ({
  at: performance.now(),
  machine: machineBusyMs(),
  bench: [process.pid, upstreams.pid, ...running.map(({ server }) => server.pid)].reduce((sum, pid) => sum + cpuMs(pid), 0),
});
let otherCores;
try {
  for (const target of targets) running.push({ name: target.name, server: await target.start(upstreams) });
  const start = cpuSnapshot();
  for (const platform of UPSTREAM_PLATFORMS) await setLatency(upstreams[platform].origin, 0);
  for (const scenario of SCENARIOS) {
    const contenders = await measureAlternating({
      scenario,
      running,
      upstreamOrigin: upstreams[scenario.platform].origin,
      rounds: ROUNDS,
      durationSeconds: DURATION_S,
      leftOut: (name, error) => notes.push(`${name}, ${scenario.platform} ${scenario.kind}: left out, ${error.message}`),
      runOptions: { peakRss: true },
    });
    byScenario.push({ scenario, runs: new Map(contenders.map(({ name, runs }) => [name, runs])) });
    console.log(`${scenario.platform} ${scenario.kind}: ${contenders.map(({ name, runs }) => `${name} ${Math.round(median(runs.map((run) => run.rps)))} req/s`).join(', ')}`);
  }
  const end = cpuSnapshot();
  otherCores = Math.max(0, end.machine - start.machine - (end.bench - start.bench)) / (end.at - start.at);
} finally {
  for (const target of running) {
    try {
      target.peakRssMb = peakRssMb(target.server.pid);
    } catch {
      // The process is gone (it crashed): its peak is unknown.
    }
  }
  for (const { server } of running) await server.stop();
  await upstreams.stop();
}

const section = render();
console.log(`\n${section}`);
if (process.env.BENCH_NO_WRITE === '1') {
  console.log('\nBENCH_NO_WRITE=1: bench/RESULTS.md left as it is');
} else {
  writeResultsSection(noiseFloor ? 'refactor-noise' : 'refactor', section);
  console.log('\nbench/RESULTS.md written');
}
if (notes.length) process.exitCode = 1;

function render() {
  const spread = (values, format) => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
  const cpu = (value) => (value < 1 ? value.toFixed(3) : value.toFixed(2));
  const ratio = (value) => `${value.toFixed(2)}×`;
  const allRatios = { rps: [], cpuMsPerQuery: [] };
  const medianRatios = { rps: [], cpuMsPerQuery: [] };
  const rows = [];
  for (const { scenario, runs } of byScenario) {
    for (const mode of MODES) {
      const baseline = runs.get(builds.baseline[mode].name);
      const current = runs.get(builds.current[mode].name);
      /** current ÷ baseline of each round, as "median (min–max)". */
      const ratios = (key) => {
        if (!baseline || !current) return '';
        const values = current.map((run, round) => run[key] / baseline[round][key]);
        allRatios[key].push(...values);
        medianRatios[key].push(median(values));
        return spread(values, ratio);
      };
      const rpsRatio = ratios('rps');
      const cpuRatio = ratios('cpuMsPerQuery');
      for (const [build, buildRuns] of [
        ['baseline', baseline],
        ['current', current],
      ]) {
        const head = `| ${scenario.platform} | ${scenario.kind} | ${builds.baseline[mode].mode} | ${build}`;
        if (!buildRuns) {
          rows.push(`${head} | left out (see below) | | | | | | | |`);
          continue;
        }
        const of = (key) => buildRuns.map((run) => run[key]);
        const peaks = of('peakRssMb');
        const values = [
          spread(of('rps'), (value) => value.toFixed(0)),
          spread(of('p50'), (value) => fixed(value, 1)),
          spread(of('p99'), (value) => fixed(value, 1)),
          spread(of('cpuMsPerQuery'), cpu),
          peaks.includes(undefined) ? '—' : spread(peaks, (value) => value.toFixed(0)),
          median(of('upstreamPerOperation')).toFixed(1),
          build === 'current' ? rpsRatio : '',
          build === 'current' ? cpuRatio : '',
        ];
        const errors = of('errors').reduce((sum, count) => sum + count, 0);
        if (errors) notes.push(`${build} (${builds.baseline[mode].mode}), ${scenario.platform} ${scenario.kind}: ${errors} errors over the rounds`);
        rows.push(`${head} | ${values.join(' | ')} |`);
      }
    }
  }
  const range = (values, format) => (values.length ? `${format(Math.min(...values))}–${format(Math.max(...values))}` : 'none');
  const title = noiseFloor ? 'Noise floor of the A/B: one build against itself' : 'Before and after a refactor (A/B)';
  return `## ${title}

Baseline: **${baselineLabel}** (\`${baselineDir}\`). Current: **${currentLabel}** (\`${currentDir}\`).${noiseFloor ? ' The same build twice, so every difference below is noise.' : ''}
Machine: ${describeMachine()}. Other work on the machine during the run: on average ${otherCores.toFixed(2)} of its ${cpus().length} cores
busy with processes not of this bench (from /proc/stat); such work moves req/s and latency far more than CPU ms/query.

Both builds' gateways run at once, each twice (caches as they ship, and off: every query read upstream), over
one emulator process (the current build's) at 0 ms upstream latency, on loopback. autocannon, ${CONNECTIONS} connections,
${DURATION_S} s a run, ${ROUNDS} rounds alternating the four targets (A B A B …; baseline and current of a cache mode
adjacent), after a check of each answer and a warm-up. Each figure: median over the rounds (min–max in brackets).
CPU ms/query: the target process's user + system time ÷ responses served; peak RSS: its VmHWM over the run (reset
before each run). The ratios are current ÷ baseline per round, median (min–max): req/s above 1× and CPU ms/query
below 1× are better. A ratio whose range straddles 1× or lies within the noise floor (the baseline measured against
itself: \`BENCH_CURRENT=$BENCH_BASELINE\`) is within noise. Run with \`BENCH_BASELINE=<dir> npm run bench:compare\`.

| platform | scenario | cache | build | req/s | p50 ms | p99 ms | CPU ms/query | peak RSS MB | upstream req/op | req/s current ÷ baseline | CPU ms/query current ÷ baseline |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Over all rows, the ratios of single rounds ranged ${range(allRatios.rps, ratio)} (req/s) and ${range(allRatios.cpuMsPerQuery, ratio)} (CPU ms/query);
the rows' medians ${range(medianRatios.rps, ratio)} and ${range(medianRatios.cpuMsPerQuery, ratio)}.
Peak RSS over the whole run: ${running.map(({ name, peakRssMb }) => `${name} ${peakRssMb?.toFixed(0) ?? '?'} MB`).join(', ')}.
${notes.length ? `\n### Left out and errors\n\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}`;
}
