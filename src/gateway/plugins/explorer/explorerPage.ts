import type { ExampleTab } from './exampleOperations';

/** What the page hands the browser entry (`app/main.ts`) as JSON. */
export interface ExplorerOptions {
  /** Props of the GraphiQL component. */
  graphiql: {
    defaultTabs: ExampleTab[];
    isHeadersEditorEnabled: boolean;
    defaultEditorToolsVisibility: 'variables';
    shouldPersistHeaders: boolean;
  };
  /** Monaco's web workers by language label; `editor` serves every other label. */
  workers: { editor: string; json: string; graphql: string };
}

/** The page's own files, as URLs relative to /graphql. */
export interface ExplorerPageAssets {
  script: string;
  stylesheet: string;
  workers: ExplorerOptions['workers'];
}

/**
 * Only the gateway's own files run: no inline script (the options travel as inert JSON), workers from
 * the gateway too. Monaco and GraphiQL set inline styles, hence 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The GraphiQL page. Asset URLs are relative to /graphql, so the page also works behind a proxy that
 * mounts the gateway under a prefix; the fetcher posts back to the page's own path for the same reason.
 */
export function renderExplorerPage(assets: ExplorerPageAssets, tabs: ExampleTab[]): string {
  const options: ExplorerOptions = {
    graphiql: {
      defaultTabs: tabs,
      // GraphQL Playground's panels, which GraphiQL has built in: docs explorer, history, headers editor.
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'variables',
      // Headers often carry credentials: kept for the tab's life, never written to the browser's storage.
      shouldPersistHeaders: false,
    },
    workers: assets.workers,
  };
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Categraph · GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assets.stylesheet}">
  <script src="${assets.script}" defer></script>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script type="application/json" id="explorer-options">${scriptSafeJson(options)}</script>
</body>
</html>
`;
}

/** What a browser gets when the gateway runs from sources that `npm run build` never bundled the explorer for. */
export function renderUnbuiltPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Categraph · GraphiQL</title></head>
<body>
  <p>GraphiQL is not built: run <code>npm run build</code>, which bundles it into <code>dist/explorer</code>, then restart the gateway.</p>
</body>
</html>
`;
}

/** JSON that cannot close the surrounding <script> element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
