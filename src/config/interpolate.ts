/**
 * Replaces ${VAR} in every string of a parsed config with the environment's value ($${VAR} stays a
 * literal ${VAR}). A missing variable is reported with the path of the value that named it.
 */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, path: Array<string | number> = []): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name: string) => {
      if (match.startsWith('$$')) return match.slice(1);
      const resolved = env[name];
      if (resolved === undefined) throw new MissingEnvError(name, path);
      return resolved;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolateEnv(item, env, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, [...path, key])]));
  }
  return value;
}

export class MissingEnvError extends Error {
  constructor(
    readonly variable: string,
    readonly path: Array<string | number>,
  ) {
    super(`environment variable ${variable} is not set`);
  }
}
