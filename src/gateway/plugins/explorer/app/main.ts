/** The explorer's browser entry, bundled by scripts/buildExplorer.mjs; the page hands it its options as JSON. */
import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import 'graphiql/style.css';
import type { Environment } from 'monaco-editor';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExplorerOptions } from '../explorerPage';
import { headerFreeStorage } from './headerFreeStorage';

const options = JSON.parse(document.getElementById('explorer-options')?.textContent ?? '') as ExplorerOptions;

// Monaco runs the editors' language services in web workers, each a bundle the gateway serves.
const monacoEnvironment: Environment = {
  getWorker: (_workerId, label) => {
    const url = label === 'json' || label === 'graphql' ? options.workers[label] : options.workers.editor;
    return new Worker(url, { name: label });
  },
};
window.MonacoEnvironment = monacoEnvironment;

const container = document.getElementById('graphiql');
if (container) {
  const fetcher = createGraphiQLFetcher({ url: window.location.pathname });
  createRoot(container).render(createElement(GraphiQL, { fetcher, storage: headerFreeStorage, plugins: [HISTORY_PLUGIN, explorerPlugin()], ...options.graphiql }));
}
