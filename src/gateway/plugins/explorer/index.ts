import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyPluginAsync } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { exampleTabs } from './exampleOperations';
import { bundleFile, ExplorerBundle, readExplorerBundle } from './explorerBundle';
import { renderExplorerPage, renderUnbuiltPage } from './explorerPage';

/** Where the assets are served; the page refers to them relative to /graphql. */
const ASSET_PREFIX = 'explorer';

/**
 * Apollo's landing page slot: GET /graphql asking for HTML gets GraphiQL, or, with the explorer off,
 * what Apollo answers without a landing page (a 400 for the missing query). Apollo's own landing
 * pages load from a CDN, so one of these two always replaces them.
 */
export function explorerLandingPage(enabled: boolean, platformExamples: readonly string[]): ApolloServerPlugin {
  if (!enabled) return ApolloServerPluginLandingPageDisabled();
  return {
    async serverWillStart() {
      const html = pageFor(readExplorerBundle(), platformExamples);
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

function pageFor(bundle: ExplorerBundle | undefined, platformExamples: readonly string[]): string {
  if (!bundle) return renderUnbuiltPage();
  const url = (file: string) => `${ASSET_PREFIX}/${file}`;
  const { editor, json, graphql } = bundle.workers;
  return renderExplorerPage(
    { script: url(bundle.script), stylesheet: url(bundle.stylesheet), workers: { editor: url(editor), json: url(json), graphql: url(graphql) } },
    exampleTabs(platformExamples),
  );
}

/**
 * Serves the bundle's files at /explorer/<name>-<content hash>.<ext>, streamed from disk on request so
 * that megabytes of GraphiQL and Monaco never sit in the gateway's memory. Only the manifest's files
 * are served, and their names change with their content, so browsers may keep them for good.
 */
export const explorerAssets: FastifyPluginAsync = async (app) => {
  const files = new Set(readExplorerBundle()?.files);
  app.get<{ Params: { '*': string } }>(`/${ASSET_PREFIX}/*`, async (request, reply) => {
    const name = request.params['*'];
    if (!files.has(name)) return reply.callNotFound();
    const { path, contentType } = bundleFile(name);
    const { size } = await stat(path);
    return reply.type(contentType).header('content-length', size).header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(path));
  });
};
