// Starts a target server as a child process and waits until it answers, so it can be measured on its own.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Spawns `command` and resolves once `ready()` succeeds (polled), or rejects with the process's output
 * when it exits first or takes longer than `timeoutMs`.
 */
export async function startServer({ name, command, args, cwd, env, ready, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${name} exited with ${code} before it was ready:\n${output}`);
  });
  const deadline = Date.now() + timeoutMs;
  const poll = async () => {
    for (;;) {
      if (await ready(output).catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`${name} was not ready after ${timeoutMs} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  try {
    await Promise.race([poll(), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  exited.catch(() => undefined);
  return {
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

/** Resolves with the first http URL a server printed that matches `pattern`. */
export function printedUrl(output, pattern = /(http:\/\/127\.0\.0\.1:\d+\/graphql)/) {
  return pattern.exec(output)?.[1];
}

/**
 * A built gateway (`node [nodeFlags] <mainJs> --config <config>`) as its own process, logging warnings only;
 * resolves once it printed its URL, with that URL.
 */
export async function startGatewayProcess({ name = 'gateway', mainJs, config, nodeFlags = [], cwd, env = {} }) {
  const server = await startServer({
    name,
    command: process.execPath,
    args: [...nodeFlags, mainJs, '--config', config],
    cwd,
    env: { LOG_LEVEL: 'warn', ...env },
    ready: async (output) => printedUrl(output) !== undefined,
  });
  return { ...server, url: printedUrl(server.output()) };
}
