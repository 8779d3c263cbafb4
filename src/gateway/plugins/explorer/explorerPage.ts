import type { ExampleTab } from './exampleOperations';

export interface ExplorerAssetUrls {
  css: string;
  react: string;
  reactDom: string;
  graphiql: string;
}

/**
 * The GraphiQL page. Asset URLs are relative to /graphql, so the page also works behind a proxy that
 * mounts the gateway under a prefix; the fetcher posts back to the page's own path for the same reason.
 */
export function renderExplorerPage(assets: ExplorerAssetUrls, tabs: ExampleTab[]): string {
  const options = {
    defaultTabs: tabs,
    // GraphQL Playground's panels, which GraphiQL 3 has built in: docs explorer, history, headers editor.
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'variables',
    // Headers often carry credentials: kept for the tab's life, never written to the browser's storage.
    shouldPersistHeaders: false,
  };
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Categraph · GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assets.css}">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${assets.react}"></script>
  <script src="${assets.reactDom}"></script>
  <script src="${assets.graphiql}"></script>
  <script>
    const options = ${scriptSafeJson(options)};
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, ...options }));
  </script>
</body>
</html>
`;
}

/** JSON that cannot close the surrounding <script> element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
