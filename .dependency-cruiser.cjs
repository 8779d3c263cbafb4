/**
 * dependency-cruiser: the layers of src/ as rules. `npm run lint` runs
 * `depcruise src --config .dependency-cruiser.cjs`; a violation prints `error <rule-name>: <from> → <to>`.
 *
 * The layers, top to bottom:
 *   entry points     src/main.ts, src/cli/                  may import anything
 *   composition root src/gateway/ (server, request context, store registry, demo, plugins/)
 *   config           src/config/                             the whole-config schema and its loading
 *   schema           src/schema/                             GraphQL types and resolvers
 *   loaders          src/loaders/                            per-request loaders
 *   adapters         src/platforms/ (port.ts, index.ts and descriptor files, one folder per platform)
 *   upstream         src/upstream/                           HTTP to the platforms
 *   infrastructure   src/locks/, src/cache/, src/redis/, src/auth/, src/observability/
 *   leaves           src/domain/, src/ids/, src/util/
 *   emulators        src/emulators/                          the platforms' APIs, emulated; apart from the rest
 *
 * Dependencies include type-only imports (tsPreCompilationDeps), so a type-only import obeys the layers too.
 */

const ENTRY_POINTS = '^src/(main\\.ts$|cli/)';
const INFRASTRUCTURE = '^src/(locks|cache|redis|auth|observability)/';
const LEAVES = '^src/(domain|ids|util)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module in src/ may depend on itself through a cycle of imports (type-only imports count).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'entry-points-not-imported',
      severity: 'error',
      comment: 'The entry points (src/main.ts, src/cli/) are started, never imported: only another file in src/cli/ may import src/cli/.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'only-entry-imports-gateway',
      severity: 'error',
      comment: 'src/gateway/ is the composition root: only src/main.ts, src/cli/ and src/gateway/ itself may import it.',
      from: { path: '^src/', pathNot: '^src/(main\\.ts$|cli/|gateway/)' },
      to: { path: '^src/gateway/' },
    },
    {
      name: 'config-only-from-root',
      severity: 'error',
      comment: 'src/config/ (the whole-config schema and loading) may be imported only by src/gateway/, src/main.ts, src/cli/ and src/config/ itself.',
      from: { path: '^src/', pathNot: '^src/(main\\.ts$|cli/|gateway/|config/)' },
      to: { path: '^src/config/' },
    },
    {
      name: 'schema-not-below-loaders',
      severity: 'error',
      comment:
        'The schema reaches stores only through the loaders: src/schema/ must not import src/upstream, src/platforms (anything, port.ts included), src/emulators, src/locks, src/cache, src/redis, src/config or src/gateway.',
      from: { path: '^src/schema/' },
      to: { path: '^src/(upstream|platforms|emulators|locks|cache|redis|config|gateway)/' },
    },
    {
      name: 'loaders-only-the-port',
      severity: 'error',
      comment: 'Of src/platforms/, src/loaders/ may import src/platforms/port.ts only: never an adapter, a descriptor or the registry.',
      from: { path: '^src/loaders/' },
      to: { path: '^src/platforms/', pathNot: '^src/platforms/port\\.ts$' },
    },
    {
      name: 'loaders-below-schema',
      severity: 'error',
      comment:
        'src/loaders/ must not import src/schema, src/upstream, src/emulators, src/config, src/gateway, src/locks or src/redis: loaders sit below the schema and reach stores through the platform port.',
      from: { path: '^src/loaders/' },
      to: { path: '^src/(schema|upstream|emulators|config|gateway|locks|redis)/' },
    },
    {
      name: 'adapters-not-upward',
      severity: 'error',
      comment: 'Adapters never import the schema or loaders: src/platforms/ must not import src/schema, src/loaders, src/gateway or src/config.',
      from: { path: '^src/platforms/' },
      to: { path: '^src/(schema|loaders|gateway|config)/' },
    },
    {
      name: 'platforms-independent',
      severity: 'error',
      comment: 'Platform folders are independent: a file in src/platforms/X/ must not import src/platforms/Y/ for another platform Y.',
      from: { path: '^src/platforms/([^/]+)/' },
      to: { path: '^src/platforms/[^/]+/', pathNot: '^src/platforms/$1/' },
    },
    {
      name: 'platform-named-only-in-registry',
      severity: 'error',
      comment:
        'Only the registry (src/platforms/index.ts) names a platform: outside a platform folder src/platforms/X/, no file but src/platforms/index.ts may import from it (use the port, the registry or the descriptors instead).',
      from: { path: '^src/', pathNot: '^src/platforms/(index\\.ts$|[^/]+/)' },
      to: { path: '^src/platforms/[^/]+/' },
    },
    {
      name: 'emulators-stand-apart',
      severity: 'error',
      comment: 'Emulators never import adapters or the gateway: src/emulators/ may import only src/emulators/ and src/util/ (and node or npm modules).',
      from: { path: '^src/emulators/' },
      to: { path: '^src/', pathNot: '^src/(emulators|util)/' },
    },
    {
      name: 'emulators-independent',
      severity: 'error',
      comment: 'An emulator folder src/emulators/X/ may import only its own folder and the shared src/emulators/kit/, never another emulator.',
      from: { path: '^src/emulators/([^/]+)/' },
      to: { path: '^src/emulators/[^/]+/', pathNot: '^src/emulators/(kit|$1)/' },
    },
    {
      name: 'upstream-not-adapters',
      severity: 'error',
      comment: 'src/upstream/ (HTTP to the platforms) must not import src/platforms, src/loaders, src/schema, src/gateway, src/config or src/emulators.',
      from: { path: '^src/upstream/' },
      to: { path: '^src/(platforms|loaders|schema|gateway|config|emulators)/' },
    },
    {
      name: 'infrastructure-below-all',
      severity: 'error',
      comment:
        'Infrastructure (src/locks, src/cache, src/redis, src/auth, src/observability) must not import src/upstream, src/platforms, src/loaders, src/schema, src/gateway, src/config or src/emulators.',
      from: { path: INFRASTRUCTURE },
      to: { path: '^src/(upstream|platforms|loaders|schema|gateway|config|emulators)/' },
    },
    {
      name: 'leaves-import-leaves',
      severity: 'error',
      comment: 'The leaves (src/domain, src/ids, src/util) may import only src/domain, src/ids, src/util and node or npm modules.',
      from: { path: LEAVES },
      to: { path: '^src/', pathNot: LEAVES },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'A module in src/ that imports nothing and that nothing imports is dead code, or a file to wire in.',
      from: {
        orphan: true,
        pathNot: ['(^|/)[.][^/]+[.](?:js|cjs|mjs|ts|cts|mts|json)$', '[.]d[.]ts$', '(^|/)tsconfig[.]json$'],
      },
      to: {},
    },
  ],
  options: {
    includeOnly: '^src',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
