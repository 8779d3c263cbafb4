import type { GatewayConfig } from './config/configSchema';
import { ConfigError, loadConfigFile } from './config/loadConfig';
import { startDemo } from './gateway/demo';
import { createLogger } from './observability/logger';
import { startGateway } from './gateway/server';

// Tokens and keys never reach the logs: no log line carries config or headers, and their paths are redacted anyway.
const logger = createLogger(process.env.LOG_LEVEL ?? 'info');

/** `npm start` (demo), `npm start -- --config stores.yaml` or CATEGRAPH_CONFIG=stores.yaml. */
async function main(): Promise<void> {
  const configFile = configArgument(process.argv.slice(2)) ?? process.env.CATEGRAPH_CONFIG;
  let config: GatewayConfig;
  let closeDemo = async () => {};
  if (configFile) {
    config = loadConfigFile(configFile);
  } else {
    const demo = await startDemo();
    config = demo.config;
    closeDemo = demo.close;
    logger.info({ stores: config.stores.map((store) => store.id) }, 'demo mode: built-in platform emulators on loopback');
  }

  const port = process.env.PORT === undefined ? undefined : parsePort(process.env.PORT);
  const gateway = await startGateway(config, { port, host: process.env.HOST, logger });
  // The readiness line: the only line that carries the URL.
  console.log(`Categraph GraphQL gateway ready at ${gateway.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await gateway.close();
    await closeDemo();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function configArgument(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--config' || arg.startsWith('--config='));
  if (index < 0) return undefined;
  const value = args[index].startsWith('--config=') ? args[index].slice('--config='.length) : args[index + 1];
  if (!value) throw new ConfigError('--config needs a file: npm start -- --config stores.yaml');
  return value;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new ConfigError(`PORT must be a number from 0 to 65535, got "${raw}"`);
  return port;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Categraph cannot start: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    // listen's error names the port and address it tried.
    const { port, address } = error as { port: number; address: string };
    console.error(`Categraph cannot start: port ${port} on ${address} is in use (PORT / server.port)`);
  } else {
    logger.fatal({ err: error }, 'Categraph failed to start');
  }
  process.exit(1);
});
