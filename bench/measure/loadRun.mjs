// One measured run: autocannon against a target for a fixed time, with the target's CPU time and the
// upstream requests it caused.
import autocannon from 'autocannon';
import { measureFixedRate } from './fixedRate.mjs';
import { cpuMs, peakRssMb, resetPeakRss } from './procStats.mjs';
import { clearLog, loggedRequests } from '../upstream/control.mjs';

export const CONNECTIONS = 20;

/**
 * `operation`: `{ url, request }` for one fixed request, or `{ url, pick }` for a mix drawn per request; with
 * `writes: { rate, pick }`, a writer of its own sends those at a fixed rate alongside (their answers count
 * in `errors` and `writes`, their CPU and upstream requests in the per-query figures).
 * `peakRss` adds the target's peak RSS over this run alone (`peakRssMb`, MiB; undefined where the kernel
 * cannot reset the peak, see resetPeakRss).
 */
export async function measureRun({ pid, operation, upstreamOrigin, durationSeconds, peakRss = false }) {
  await clearLog(upstreamOrigin);
  const peakReset = peakRss && resetPeakRss(pid);
  const cpuBefore = cpuMs(pid);
  const writer = operation.writes && measureFixedRate({ pid, operation: { url: operation.url, pick: operation.writes.pick }, rate: operation.writes.rate, durationSeconds });
  const result = await autocannon({
    url: operation.url,
    connections: CONNECTIONS,
    duration: durationSeconds,
    requests: requestsOf(operation),
  });
  const writes = await writer;
  const cpu = cpuMs(pid) - cpuBefore;
  const served = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    upstreamPerOperation: (await loggedRequests(upstreamOrigin)) / Math.max(served, 1),
    cpuMsPerQuery: cpu / Math.max(served, 1),
    errors: result.errors + result.timeouts + result.non2xx + (writes?.errors ?? 0),
    ...(writes && { writes: { perSecond: writes.requests / durationSeconds, p99: writes.p99 } }),
    ...(peakRss && { peakRssMb: peakReset ? peakRssMb(pid) : undefined }),
  };
}

/** A short unmeasured run, so that JIT compilation and connection set-up do not land in the first round. */
export async function warmUp(operation, durationSeconds = 1) {
  await autocannon({
    url: operation.url,
    connections: CONNECTIONS,
    duration: durationSeconds,
    requests: requestsOf(operation),
  });
}

function requestsOf(operation) {
  return [operation.pick ? { setupRequest: (request) => ({ ...request, ...operation.pick() }) } : operation.request];
}
