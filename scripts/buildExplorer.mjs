// Bundles the explorer (GraphiQL 5, its explorer plugin and Monaco's web workers) into dist/explorer/
// for the gateway to serve; `npm run build` runs it. File names carry a content hash, so browsers may
// keep them for good; manifest.json tells the gateway which file is which.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'explorer');

const entryPoints = {
  graphiql: join(root, 'src/gateway/plugins/explorer/app/main.ts'),
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

// A previous build's files would otherwise pile up beside the new hashes.
await rm(outdir, { recursive: true, force: true });

const { metafile } = await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.ttf': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.entries(metafile.outputs).map(([path, output]) => ({ file: basename(path), ...output }));
const entry = (name) => outputs.find((output) => output.entryPoint && output.file.startsWith(`${name}-`) && output.file.endsWith('.js'));
const app = entry('graphiql');
const manifest = {
  script: app.file,
  stylesheet: basename(app.cssBundle),
  workers: { editor: entry('editor.worker').file, json: entry('json.worker').file, graphql: entry('graphql.worker').file },
  files: outputs.map((output) => output.file).sort(),
};
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
