import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PLATFORMS } from '../../src/platforms';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
jest.setTimeout(180_000);

/**
 * No Docker engine runs here, so this test does what the image does: a production install
 * (`npm ci --omit=dev`) of the built gateway in a clean folder, then the image's command.
 */
test('the Docker image’s install and start command serve the demo with production dependencies only', async () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  expect(dockerfile).toContain('npm ci --omit=dev');
  // The image's command, run below as the image runs it (its V8 flags included, so Node must accept them).
  const [program, ...args] = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
  expect(program).toBe('node');
  expect(args.at(-1)).toBe('dist/main.js');
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/^HEALTHCHECK /m);
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');

  const dir = mkdtempSync(join(tmpdir(), 'categraph-prod-'));
  let child: ChildProcess | undefined;
  try {
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(ROOT, file), join(dir, file));
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe' });
    expect(existsSync(join(dir, 'node_modules', 'jest'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);

    child = spawn(process.execPath, args, {
      cwd: dir,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/\S+\/graphql)/.exec(output);
        if (match) resolve(match[1]);
      });
      child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child!.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });

    // The image's HEALTHCHECK command, as Docker would run it.
    const healthcheck = /HEALTHCHECK[^\n]*\\\n\s*CMD \["node", "-e", "(.*)"\]/.exec(dockerfile)![1].replace(/\\"/g, '"');
    const port = new URL(url).port;
    execFileSync(process.execPath, ['-e', healthcheck], { env: { PORT: port } });

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stores { id } categories(storeId: "sfcc-demo", first: 2) { nodes { name } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.stores.map((store: { id: string }) => store.id)).toEqual(PLATFORMS.map((platform) => `${platform.name}-demo`));
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
