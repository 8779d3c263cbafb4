// GraphQL Mesh over the Ecwid emulator: composed from bench/mesh/ at start (the emulator's URL is only known
// then), served by Hive Gateway in one process like the others.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../measure/freePort.mjs';
import { startServer } from '../measure/serverProcess.mjs';
import { graphqlOperation } from './graphqlOperation.mjs';

export const name = 'GraphQL Mesh (OpenAPI, Hive Gateway)';

const BENCH = join(import.meta.dirname, '..');
const bin = (name) => join(BENCH, 'node_modules', '.bin', name);

export async function start({ ecwid }) {
  const supergraph = join(mkdtempSync(join(tmpdir(), 'categraph-mesh-')), 'supergraph.graphql');
  execFileSync(bin('mesh-compose'), ['-o', supergraph], {
    cwd: join(BENCH, 'mesh'),
    env: { ...process.env, ECWID_ENDPOINT: `${ecwid.baseUrl}/${ecwid.storeId}`, ECWID_TOKEN: ecwid.token },
    stdio: 'pipe',
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const server = await startServer({
    name,
    command: process.execPath,
    args: [join(BENCH, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js'), 'supergraph', supergraph, '--host', '127.0.0.1', '--port', String(port), '--fork', '1'],
    env: { NODE_ENV: 'production' },
    ready: async () => (await fetch(`http://127.0.0.1:${port}/healthcheck`)).ok,
  });
  return {
    ...server,
    operation(scenario) {
      if (scenario.platform !== 'ecwid') return undefined;
      if (scenario.kind === 'tree') {
        return graphqlOperation(url, `{ getCategory(categoryId: ${ecwid.treeRootId}) { name children(first: 20) { items { name children(first: 10) { items { name } } } } } }`);
      }
      if (scenario.kind === 'page') return graphqlOperation(url, `{ getCategory(categoryId: ${ecwid.pageCategoryId}) { name products { items { name } } } }`);
      return undefined;
    },
  };
}
