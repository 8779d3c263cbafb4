// The naive N+1 Apollo server over Ecwid (bench/naive/server.mjs), in a process of its own.
import { join } from 'node:path';
import { printedUrl, startServer } from '../measure/serverProcess.mjs';
import { graphqlOperation, graphqlRequest } from './graphqlOperation.mjs';
import { mixDraw, pageQuery, storefrontDraw, treeQuery } from './categraphQueries.mjs';

export const name = 'naive Apollo (N+1)';

export async function start({ ecwid }) {
  const server = await startServer({
    name,
    command: process.execPath,
    args: [join(import.meta.dirname, '..', 'naive', 'server.mjs')],
    env: { ECWID_BASE_URL: ecwid.baseUrl, ECWID_STORE_ID: ecwid.storeId, ECWID_TOKEN: ecwid.token },
    ready: async (output) => printedUrl(output) !== undefined,
  });
  const url = printedUrl(server.output());
  return {
    ...server,
    operation(scenario) {
      if (scenario.platform !== 'ecwid') return undefined;
      if (scenario.kind === 'tree') return graphqlOperation(url, treeQuery('ecwid', ecwid.treeRootId));
      if (scenario.kind === 'page') return graphqlOperation(url, pageQuery('ecwid', ecwid.pageCategoryId));
      const draw = scenario.kind === 'storefront' ? storefrontDraw : mixDraw;
      return { url: new URL(url).origin, ...draw('ecwid', ecwid, (query, variables) => graphqlRequest(url, query, variables), scenario.writesPerSecond) };
    },
  };
}
