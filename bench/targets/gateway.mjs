// The gateway as it ships (`node dist/main.js` with a config file naming the three emulated stores), twice:
// with its caches as they ship (entity and answer cache, 30 s) and with them off, every query read upstream.
// `cached` and `uncached` are this checkout's build; gatewayTargets() makes the pair for another build too
// (bench/compare.mjs measures two builds side by side).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startGatewayProcess } from '../measure/serverProcess.mjs';
import { graphqlOperation, graphqlRequest } from './graphqlOperation.mjs';
import { mixDraw, pageQuery, storefrontDraw, treeQuery } from './categraphQueries.mjs';

export const CACHED = targetName(undefined, 'cache');
export const UNCACHED = targetName(undefined, 'no cache');

/** "Categraph gateway (cache)", or with a build's label "Categraph gateway <label> (cache)". */
function targetName(label, mode) {
  return label ? `Categraph gateway ${label} (${mode})` : `Categraph gateway (${mode})`;
}

/** The config file the gateway is measured with; `extraLines` (YAML) are appended, e.g. a cache section. */
export function writeGatewayConfig(upstreams, extraLines = []) {
  const { ecwid, sfcc, zaveit, bigcommerce } = upstreams;
  const config = join(mkdtempSync(join(tmpdir(), 'categraph-bench-')), 'stores.yaml');
  writeFileSync(
    config,
    [
      // The load generator is one caller address: a budget it never exhausts, so the load reaches the gateway's work.
      'server: { port: 0, budget: { maximumAvailable: 1000000, restoreRate: 1000000 } }',
      // The production defaults otherwise; no client-side Ecwid quota, for the same reason.
      'upstream: { rateLimit: false }',
      'stores:',
      `  - { id: ecwid, platform: ecwid, baseUrl: "${ecwid.baseUrl}", storeId: "${ecwid.storeId}", token: "${ecwid.token}" }`,
      `  - { id: sfcc, platform: sfcc, baseUrl: "${sfcc.baseUrl}", catalogId: "${sfcc.catalogId}", token: "${sfcc.token}" }`,
      `  - { id: zaveit, platform: zaveit, baseUrl: "${zaveit.baseUrl}", token: "${zaveit.token}" }`,
      `  - { id: bigcommerce, platform: bigcommerce, baseUrl: "${bigcommerce.baseUrl}", storeHash: "${bigcommerce.storeHash}", treeId: ${bigcommerce.treeId}, token: "${bigcommerce.token}" }`,
      ...extraLines,
    ].join('\n'),
  );
  return config;
}

const THIS_BUILD = join(import.meta.dirname, '..', '..', 'dist', 'main.js');
/** The V8 flags the image's CMD (and npm start) give node, read from the Dockerfile so the bench runs what ships. */
const SHIPPED_NODE_FLAGS = JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync(join(import.meta.dirname, '..', '..', 'Dockerfile'), 'utf8'))[1]).filter((arg) => arg.startsWith('--'));

/**
 * The gateway's two targets for the build whose entry point is `mainJs` (default: this checkout's
 * dist/main.js), each named with `label` when given: "Categraph gateway <label> (cache)". Without a label
 * the names are CACHED and UNCACHED, as bench/report.mjs looks them up.
 */
export function gatewayTargets({ label, mainJs = THIS_BUILD } = {}) {
  const target = (mode, extraLines) => {
    const name = targetName(label, mode);
    return { name, label, mode, mainJs, start: (upstreams) => start(name, mainJs, upstreams, extraLines) };
  };
  return { cached: target('cache', []), uncached: target('no cache', ['cache: { ttlSeconds: 0 }']) };
}

export const { cached, uncached } = gatewayTargets();

async function start(name, mainJs, upstreams, extraLines) {
  const config = writeGatewayConfig(upstreams, extraLines);
  const server = await startGatewayProcess({
    name,
    mainJs,
    config,
    nodeFlags: SHIPPED_NODE_FLAGS,
    // The build's root, as `npm start` runs it.
    cwd: dirname(dirname(mainJs)),
    // As the Docker image runs it (and as the Mesh target runs): graphql-js skips its development-only checks.
    env: { NODE_ENV: 'production' },
  });
  const { url } = server;
  return {
    ...server,
    operation(scenario) {
      const ids = upstreams[scenario.platform];
      if (scenario.kind === 'tree') return graphqlOperation(url, treeQuery(scenario.platform, ids.treeRootId));
      if (scenario.kind === 'page') return graphqlOperation(url, pageQuery(scenario.platform, ids.pageCategoryId));
      if (scenario.platform !== 'ecwid') return undefined;
      const draw = scenario.kind === 'storefront' ? storefrontDraw : mixDraw;
      return { url: new URL(url).origin, ...draw('ecwid', ids, (query, variables) => graphqlRequest(url, query, variables), scenario.writesPerSecond) };
    },
  };
}
