// Tailcall (Rust) over the Ecwid emulator, from bench/tailcall/ecwid.graphql, twice: as it is, and with its
// resolver cache (`@cache`, 30 s, as long as the gateway's). Its npm package's binary needs glibc 2.38+;
// ../shared/tools/tailcall-glibc-compat.mjs makes a runnable copy, so without ../shared it is skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../measure/freePort.mjs';
import { startServer } from '../measure/serverProcess.mjs';
import { graphqlOperation } from './graphqlOperation.mjs';

const NAME = 'Tailcall 1.6.14';
const COVERAGE =
  "the storefront tree only: Ecwid reads products by one comma-separated `productId`, Tailcall renders a list as repeated parameters (what `batchKey` batches into) or as a JSON array, so no `@http` yields a category page's product names, and a per-product call needs the ids as objects (no `@js` in 1.6); Ecwid lists one `parent` a call, so `batchKey` cannot batch the tree either";

const BENCH = join(import.meta.dirname, '..');
const COMPAT_TOOL = join(BENCH, '..', '..', 'shared', 'tools', 'tailcall-glibc-compat.mjs');
const BINARY = join(BENCH, 'node_modules', '.cache', 'tailcall', 'tailcall');

/** As long as the gateway's caches keep entries (cache.ttlSeconds, 30 s); Tailcall counts in milliseconds. */
const CACHE_DIRECTIVE = '@cache(maxAge: 30000)';

export const tailcall = { name: NAME, coverage: COVERAGE, unavailable, start: (upstreams) => start(upstreams, '') };
export const tailcallCached = { name: `${NAME} + @cache`, coverage: 'as Tailcall 1.6.14', unavailable, start: (upstreams) => start(upstreams, CACHE_DIRECTIVE) };

/** Why Tailcall cannot run here, or undefined when it can. */
function unavailable() {
  return existsSync(COMPAT_TOOL) ? undefined : `skipped: ${COMPAT_TOOL} is absent (it makes the glibc 2.38 binary run here)`;
}

async function start({ ecwid }, cacheDirective) {
  if (!existsSync(BINARY)) execFileSync(process.execPath, [COMPAT_TOOL, BINARY], { cwd: BENCH, stdio: 'pipe' });
  const port = await freePort();
  const config = join(mkdtempSync(join(tmpdir(), 'categraph-tailcall-')), 'ecwid.graphql');
  writeFileSync(
    config,
    readFileSync(join(BENCH, 'tailcall', 'ecwid.graphql'), 'utf8')
      .replaceAll('__ECWID__', `${ecwid.baseUrl}/${ecwid.storeId}`)
      .replaceAll('__TOKEN__', ecwid.token)
      .replaceAll('__PORT__', String(port))
      .replaceAll('__CACHE__', cacheDirective),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const server = await startServer({
    name: NAME,
    command: BINARY,
    args: ['start', config],
    // It logs every upstream request at info.
    env: { TC_LOG_LEVEL: 'error', TAILCALL_TRACKER: 'false' },
    ready: async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok,
  });
  return {
    ...server,
    operation(scenario) {
      if (scenario.platform !== 'ecwid' || scenario.kind !== 'tree') return undefined;
      return graphqlOperation(url, `{ category(id: ${ecwid.treeRootId}) { name children(first: 20) { items { name children(first: 10) { items { name } } } } } }`);
    },
  };
}
