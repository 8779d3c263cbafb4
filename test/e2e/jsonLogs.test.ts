import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awaitReadiness } from '../support/readiness';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
jest.setTimeout(60_000);

test('in federation mode too, everything the process prints but its readiness line is a JSON log line', async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const file = join(mkdtempSync(join(tmpdir(), 'categraph-logs-')), 'stores.yaml');
  const config = { server: { federation: true }, stores: [{ id: 'shop', platform: 'ecwid', baseUrl: 'http://127.0.0.1:9', storeId: '1', token: 't' }] };
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [MAIN, '--config', file], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const { ready, output } = awaitReadiness(child, 'the gateway');
  try {
    const url = await ready;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
    expect(response.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  await once(child, 'exit');

  const lines = output()
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('Categraph GraphQL gateway ready at '));
  const notJson = lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  expect(notJson).toEqual([]);
  // Apollo's own notice of federation's inline tracing is among them, as JSON.
  expect(lines.some((line) => /inline tracing/i.test(JSON.parse(line).msg ?? ''))).toBe(true);
});
