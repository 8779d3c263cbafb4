// One scenario on several targets: each target's answer checked and its server warmed up, then every target
// measured in rounds that alternate them (A B A B …), so that drift over time falls on all of them alike.
import { checkAnswer } from '../scenarios.mjs';
import { measureRun, warmUp } from './loadRun.mjs';

/**
 * `running`: `{ name, server }` each, where `server.operation(scenario)` is undefined for a scenario the
 * target does not serve. Resolves with the contenders (`{ name, server, operation, runs }`, one run per
 * round) that answered in full; `leftOut(name, error)` hears of each target that did not. `runOptions` go
 * to every measureRun (e.g. `{ peakRss: true }`).
 */
export async function measureAlternating({ scenario, running, upstreamOrigin, rounds, durationSeconds, leftOut, runOptions = {} }) {
  const contenders = [];
  for (const { name, server } of running) {
    const operation = server.operation(scenario);
    if (!operation) continue;
    try {
      if (!operation.partial) await checkAnswer(scenario, operation);
      await warmUp(operation);
      contenders.push({ name, server, operation, runs: [] });
    } catch (error) {
      leftOut(name, error);
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const contender of contenders) {
      contender.runs.push(await measureRun({ ...runOptions, pid: contender.server.pid, operation: contender.operation, upstreamOrigin, durationSeconds }));
    }
  }
  return contenders;
}
