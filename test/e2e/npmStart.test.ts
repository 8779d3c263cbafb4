import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { awaitReadiness } from '../support/readiness';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(120_000);

/** Spawns `npm start` as a user would and resolves with the URL from its readiness line. */
function npmStart(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<string>; output: () => string } {
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, ...awaitReadiness(child, 'npm start') };
}

test('npm start with no config serves the demo, answers the README query, and stops cleanly on SIGTERM', async () => {
  const { child, ready } = npmStart({ PORT: '0', LOG_LEVEL: 'warn' });
  try {
    const url = await ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);

    const health = await fetch(url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ categories(storeId: "ecwid-demo", first: 5) { nodes { id name } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.categories.nodes).toHaveLength(5);
    for (const node of body.data.categories.nodes) expect(node.id).toMatch(/^gid:\/\/categraph\/Category\/ecwid-demo\/\d+$/);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
});

test('an invalid config stops startup with a message naming the file, store and field, and a non-zero exit', async () => {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'categraph-')), 'stores.yaml');
  writeFileSync(file, 'stores:\n  - id: shop-eu\n    platform: ecwid\n    baseUrl: https://app.ecwid.com/api/v3\n    token: ${NOT_SET_ANYWHERE}\n');
  const { child, ready, output } = npmStart({ CATEGRAPH_CONFIG: file, PORT: '0' });
  await expect(ready).rejects.toThrow(/exited with [1-9]/);
  expect(child.exitCode).not.toBe(0);
  expect(output()).toContain(`${file}: store "shop-eu" (stores[0]), field "token": environment variable NOT_SET_ANYWHERE is not set`);
});

test('a port already in use is one clear line on stderr and exit 1, no stack', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = taken.address() as AddressInfo;
  try {
    const { child, ready, output } = npmStart({ PORT: String(port), LOG_LEVEL: 'warn' });
    await expect(ready).rejects.toThrow(/exited with 1/);
    expect(child.exitCode).toBe(1);
    expect(output()).toContain(`Categraph cannot start: port ${port} on 127.0.0.1 is in use (PORT / server.port)\n`);
    expect(output()).not.toMatch(/^\s+at /m);
    // No fatal JSON line (pino's level 60) besides it.
    expect(output()).not.toContain('"level":60');
  } finally {
    taken.close();
  }
});
