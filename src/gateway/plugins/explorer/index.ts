import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyPluginAsync } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exampleTabs } from './exampleOperations';
import { ExplorerAssetUrls, renderExplorerPage } from './explorerPage';

/** Where the assets are served; the page refers to them relative to /graphql. */
const ASSET_PREFIX = 'explorer';

interface Asset {
  /** The URL path below /explorer/, versioned so that browsers may keep it for good. */
  path: string;
  file: string;
  contentType: string;
}

/** The npm packages' own UMD bundles: the page loads nothing from the internet. */
const ASSETS: Record<keyof ExplorerAssetUrls, Asset> = {
  css: packageAsset('graphiql', 'graphiql.min.css', 'text/css; charset=utf-8'),
  react: packageAsset('react', 'umd/react.production.min.js', 'text/javascript; charset=utf-8'),
  reactDom: packageAsset('react-dom', 'umd/react-dom.production.min.js', 'text/javascript; charset=utf-8'),
  graphiql: packageAsset('graphiql', 'graphiql.min.js', 'text/javascript; charset=utf-8'),
};

/**
 * Apollo's landing page slot: GET /graphql asking for HTML gets GraphiQL, or, with the explorer off,
 * what Apollo answers without a landing page (a 400 for the missing query). Apollo's own landing
 * pages load from a CDN, so one of these two always replaces them.
 */
export function explorerLandingPage(enabled: boolean, platformExamples: readonly string[]): ApolloServerPlugin {
  if (!enabled) return ApolloServerPluginLandingPageDisabled();
  const url = (asset: Asset) => `${ASSET_PREFIX}/${asset.path}`;
  const html = renderExplorerPage(
    { css: url(ASSETS.css), react: url(ASSETS.react), reactDom: url(ASSETS.reactDom), graphiql: url(ASSETS.graphiql) },
    exampleTabs(platformExamples),
  );
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/** Serves the page's scripts and stylesheet at /explorer/<package>@<version>/<file>. */
export const explorerAssets: FastifyPluginAsync = async (app) => {
  const byPath = new Map(Object.values(ASSETS).map((asset) => [asset.path, { ...asset, body: readFileSync(asset.file) }]));
  app.get<{ Params: { '*': string } }>(`/${ASSET_PREFIX}/*`, async (request, reply) => {
    const asset = byPath.get(request.params['*']);
    if (!asset) return reply.callNotFound();
    return reply.type(asset.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });
};

function packageAsset(name: string, file: string, contentType: string): Asset {
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { path: `${name}@${version}/${file.split('/').pop()}`, file: join(dirname(manifest), file), contentType };
}
