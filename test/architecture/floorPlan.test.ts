import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { InProcessCategoryLock } from '../../src/locks/categoryLock';
import { PLATFORMS } from '../../src/platforms';
import { OPTIONAL_OPERATIONS } from '../../src/platforms/port';
import { UpstreamClient } from '../../src/upstream/upstreamClient';
import { defaultUpstreamSettings } from '../../src/upstream/upstreamSettings';

/** The layer rules themselves run in `npm run lint` (dependency-cruiser, .dependency-cruiser.cjs); these are the ones it cannot state. */

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * The identifiers and string literals of a file: what its code says. Comments are left out, and so are
 * `description:` texts, the schema's documentation for clients (which may well say how platforms differ).
 */
function codeWords(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const words: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'description') return;
    if (ts.isIdentifier(node)) words.push(node.text);
    else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) words.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

describe('the floor plan', () => {
  test('a platform is named in code only inside its own folders (src/platforms/<name>, src/emulators/<name>) and the registry', () => {
    const names = PLATFORMS.flatMap((platform) =>
      [platform.name, platform.graphqlName, platform.displayName].map((name) => ({ platform: platform.name, name: name.toLowerCase() })),
    );
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const path = relative(SRC, file);
      if (path === join('platforms', 'index.ts')) continue;
      const owner = /^(?:platforms|emulators)\/([^/]+)\//.exec(path)?.[1];
      for (const word of codeWords(file)) {
        const lower = word.toLowerCase();
        const named = names.find(({ platform, name }) => platform !== owner && new RegExp(`(^|[^a-z])${name}([^a-z]|$)`).test(lower));
        if (named) offenders.push(`${path}: "${word}" names ${named.platform}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test.each(PLATFORMS.map((platform) => [platform.name, platform] as const))(
    "%s: the descriptor's capabilities are exactly the optional operations its adapter implements",
    async (_name, platform) => {
      const demo = await platform.startDemo();
      try {
        const store = platform.configSchema.parse({ id: 'architecture', platform: platform.name, ...demo.store });
        const http = new UpstreamClient({ ...defaultUpstreamSettings(), ...platform.connection(store), storeId: store.id, platformName: platform.displayName });
        const port = platform.createAdapter(store, { http, lock: new InProcessCategoryLock() });
        for (const [operation, capability] of Object.entries(OPTIONAL_OPERATIONS)) {
          expect({ operation, implemented: typeof port[operation as keyof typeof OPTIONAL_OPERATIONS] === 'function' }).toEqual({
            operation,
            implemented: platform.capabilities[capability],
          });
        }
        await http.close();
      } finally {
        await demo.close();
      }
    },
  );
});
