import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ECWID_DEMO_STORE_ID, ECWID_DEMO_TOKEN, startEcwidEmulator } from '../../src/emulators/ecwid';
import { gid, postGraphQL } from '../support/gateway';
import { awaitReadiness } from '../support/readiness';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');
jest.setTimeout(60_000);

/** Preloaded into the gateway: on SIGUSR2 it prints every module file loaded so far, as one JSON line. */
const MODULE_LISTER = `process.on('SIGUSR2', () => process.stdout.write('MODULES ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n`;

/** `node dist/main.js` with `args`, started with the module lister; answers its URL and the modules it loaded once it served `query`. */
async function modulesAfterServing(args: string[], query: (url: string) => Promise<void>): Promise<{ url: string; modules: string[] }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'categraph-lean-'));
  const lister = join(dir, 'listModules.js');
  writeFileSync(lister, MODULE_LISTER);
  const child = spawn(process.execPath, ['--require', lister, MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const readiness = awaitReadiness(child, 'the gateway');
    const url = await readiness.ready;
    await query(url);
    child.kill('SIGUSR2');
    for (let waited = 0; !/^MODULES /m.test(readiness.output()) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const line = /^MODULES (.*)$/m.exec(readiness.output());
    if (!line) throw new Error(`the gateway did not list its modules:\n${readiness.output()}`);
    return { url, modules: JSON.parse(line[1]) as string[] };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  }
}

const loaded = (modules: string[], part: string) => modules.filter((file) => file.includes(part));

describe('a gateway started with a config loads only what serving needs', () => {
  it('serves its store without loading the emulators, ioredis or the federation libraries', async () => {
    const emulator = await startEcwidEmulator({ rateLimit: false });
    try {
      const config = join(mkdtempSync(join(tmpdir(), 'categraph-lean-')), 'stores.yaml');
      writeFileSync(config, JSON.stringify({ stores: [{ id: 'shop', platform: 'ecwid', baseUrl: emulator.baseUrl, storeId: ECWID_DEMO_STORE_ID, token: ECWID_DEMO_TOKEN }] }));
      let name: unknown;
      const { modules } = await modulesAfterServing(['--config', config], async (url) => {
        const answer = await postGraphQL(url, `{ category(id: "${gid('Category', 'shop', '9691001')}") { name } }`);
        name = answer.data?.category?.name;
      });
      expect(typeof name).toBe('string');
      expect(loaded(modules, join('dist', 'emulators'))).toEqual([]);
      expect(loaded(modules, join('node_modules', 'ioredis'))).toEqual([]);
      expect(loaded(modules, join('node_modules', '@apollo', 'subgraph'))).toEqual([]);
      expect(loaded(modules, join('dist', 'schema', 'federation'))).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('the demo still loads and serves every emulator', async () => {
    const { modules } = await modulesAfterServing([], async (url) => {
      const answer = await postGraphQL(url, '{ stores { id } }');
      expect(answer.data?.stores.map((store: { id: string }) => store.id)).toEqual(['ecwid-demo', 'sfcc-demo', 'zaveit-demo', 'bigcommerce-demo']);
    });
    expect(loaded(modules, join('dist', 'emulators', 'ecwid')).length).toBeGreaterThan(0);
  });
});
