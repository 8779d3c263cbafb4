import type { ChildProcess } from 'node:child_process';

/** The URL a spawned gateway prints once it accepts requests, and everything it printed so far. */
export function awaitReadiness(child: ChildProcess, what: string): { ready: Promise<string>; output: () => string } {
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+\/graphql)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code} before it was ready:\n${output}`)));
  });
  return { ready, output: () => output };
}
