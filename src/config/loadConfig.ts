import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { GatewayConfig, gatewayConfigSchema } from './configSchema';
import { interpolateEnv, MissingEnvError } from './interpolate';

/** A config that cannot be used; its message names the file, the store and the field. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return parseConfig(raw, file, env);
}

/** Validates a parsed config (YAML or an object built in code), after ${VAR} interpolation. */
export function parseConfig(raw: unknown, source: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  let interpolated: unknown;
  try {
    interpolated = interpolateEnv(raw, env);
  } catch (error) {
    if (error instanceof MissingEnvError) throw new ConfigError(`${source}: ${where(raw, error.path)}: ${error.message}`);
    throw error;
  }
  const result = gatewayConfigSchema.safeParse(interpolated);
  if (!result.success) {
    const lines = result.error.issues.map((issue: z.core.$ZodIssue) => `${source}: ${where(raw, issue.path as Array<string | number>)}: ${issue.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  return result.data;
}

/** "store "shop-eu" (stores[0]), field "token"", "client "pos" (clients[1]), field "key"", or the plain path. */
function where(raw: unknown, path: Array<string | number>): string {
  const entries = { stores: { noun: 'store', label: 'id' }, clients: { noun: 'client', label: 'name' } } as const;
  const section = path[0] === 'stores' || path[0] === 'clients' ? entries[path[0]] : undefined;
  if (section && typeof path[1] === 'number') {
    const entry = (raw as Record<string, Array<Record<string, unknown>> | undefined> | undefined)?.[path[0] as string]?.[path[1]];
    const label = entry?.[section.label];
    const name = typeof label === 'string' ? `${section.noun} "${label}" (${path[0]}[${path[1]}])` : `${path[0]}[${path[1]}]`;
    return path.length > 2 ? `${name}, field "${path.slice(2).join('.')}"` : name;
  }
  return path.length ? `field "${path.join('.')}"` : 'config';
}
