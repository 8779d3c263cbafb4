// Starts the emulator process and returns what the targets need to reach each platform.
import { join } from 'node:path';
import { startServer } from '../measure/serverProcess.mjs';

/** `distDir`: the build whose emulators to run (default: this checkout's dist). */
export async function startUpstreams({ distDir } = {}) {
  const server = await startServer({
    name: 'emulators',
    command: process.execPath,
    args: [join(import.meta.dirname, 'emulatorProcess.mjs'), ...(distDir ? [distDir] : [])],
    ready: async (output) => output.includes('\n'),
  });
  const platforms = JSON.parse(server.output().split('\n')[0]);
  return { ...platforms, pid: server.pid, stop: server.stop };
}
