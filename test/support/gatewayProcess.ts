import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLResponse, postGraphQL } from './gateway';
import { awaitReadiness } from './readiness';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');

/** A gateway replica as production runs it: `node dist/main.js --config file.yaml`, its own process. */
export interface GatewayProcess {
  url: string;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Freezes the process (SIGSTOP), as a long GC pause or a starved VM would. */
  pause(): void;
  resume(): void;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  output(): string;
}

/** Starts `node dist/main.js` with the config (an object, written as YAML's JSON subset) on a free port. */
export async function startGatewayProcess(config: Record<string, unknown>): Promise<GatewayProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const file = join(mkdtempSync(join(tmpdir(), 'categraph-replica-')), 'config.yaml');
  writeFileSync(file, JSON.stringify(config, null, 2));
  const child: ChildProcess = spawn(process.execPath, [MAIN, '--config', file], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const readiness = awaitReadiness(child, 'the gateway');
  const url = await readiness.ready;
  return {
    url,
    query: (query, variables) => postGraphQL(url, query, variables),
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    output: readiness.output,
  };
}
