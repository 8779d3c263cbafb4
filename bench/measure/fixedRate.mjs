// Latency at a fixed offered rate, measured open-loop: requests leave on a schedule (one every 1000/rate ms)
// whether or not earlier ones have been answered, each on a free connection, so a stall of the server shows
// in every request that arrives during it, not only in the one it hit (no coordinated omission). A request's
// latency counts from when it was sent; how late the runner's timer sent it is reported apart (`lateMs`),
// since that is the runner's delay, not the server's. autocannon's fixed rate paces each connection and
// times a request from its slot, which reports bursts of its own pacing as latency.
import { Agent, request } from 'undici';
import { cpuMs } from './procStats.mjs';

/**
 * `operation`: `{ url, request }` as bench/targets make them, or `{ url, pick }` to draw each request. Resolves
 * with latency percentiles in ms, the runner's worst lateness and the server's CPU per request.
 */
export async function measureFixedRate({ pid, operation, rate, durationSeconds }) {
  const agent = new Agent({ connections: 16, pipelining: 1 });
  const next = operation.pick ?? (() => operation.request);
  const latencies = [];
  let errors = 0;
  let lateMs = 0;
  const cpuBefore = cpuMs(pid);
  const start = performance.now();
  const inFlight = [];
  for (let index = 0; index < rate * durationSeconds; index++) {
    const due = start + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    lateMs = Math.max(lateMs, sent - due);
    const { path, method, headers, body } = next();
    inFlight.push(
      request(new URL(path, operation.url), { method, headers, body, dispatcher: agent })
        .then(async (response) => {
          await response.body.text();
          if (response.statusCode !== 200) errors++;
          latencies.push(performance.now() - sent);
        })
        .catch(() => errors++),
    );
  }
  await Promise.all(inFlight);
  const cpu = cpuMs(pid) - cpuBefore;
  await agent.close();
  latencies.sort((a, b) => a - b);
  const at = (quantile) => latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))];
  return { requests: latencies.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: latencies.at(-1), lateMs, errors, cpuMsPerQuery: cpu / Math.max(latencies.length, 1) };
}
