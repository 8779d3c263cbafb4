import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'dist', 'explorer', 'manifest.json');

/**
 * The explorer's bundle, which `npm run build` makes (npm test builds first); a test run on its own
 * builds it when it is missing, as the gateway serves it only from dist/explorer.
 */
export function ensureExplorerBundle(): { files: string[]; script: string } {
  if (!existsSync(MANIFEST)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'buildExplorer.mjs')], { cwd: ROOT, stdio: 'inherit' });
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as { files: string[]; script: string };
}
