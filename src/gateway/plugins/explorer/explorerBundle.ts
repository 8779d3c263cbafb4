import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ExplorerPageAssets } from './explorerPage';

/**
 * Where scripts/buildExplorer.mjs (run by `npm run build`) writes the browser bundle: dist/explorer.
 * This file sits four folders below the project in src/ and in dist/ alike, so both find it.
 */
const BUNDLE_DIR = resolve(__dirname, '..', '..', '..', '..', 'dist', 'explorer');

/** The build's manifest.json: the page's files by role, and every file the gateway may serve. */
export interface ExplorerBundle extends ExplorerPageAssets {
  files: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The built bundle's manifest, or undefined when the bundle was never built (sources run without `npm run build`). */
export function readExplorerBundle(): ExplorerBundle | undefined {
  try {
    return JSON.parse(readFileSync(join(BUNDLE_DIR, 'manifest.json'), 'utf8')) as ExplorerBundle;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A file of the bundle: its path on disk and the content type it is served with. */
export function bundleFile(name: string): { path: string; contentType: string } {
  return { path: join(BUNDLE_DIR, name), contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream' };
}
