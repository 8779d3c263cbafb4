import { ConfigError, parseConfig } from '../../src/config/loadConfig';

const stores = [{ id: 'shop', platform: 'ecwid', baseUrl: 'https://app.ecwid.com/api/v3', storeId: '1', token: 't' }];

function refusal(redis: unknown, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfig({ redis, stores }, 'stores.yaml', env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

test('redis is off unless configured; its url comes from the environment and the rest has defaults', () => {
  expect(parseConfig({ stores }, 'stores.yaml').redis).toBeUndefined();
  const { redis } = parseConfig({ redis: { url: '${REDIS_URL}' }, stores }, 'stores.yaml', { REDIS_URL: 'rediss://:secret@redis.internal:6380/2' });
  expect(redis).toEqual({ url: 'rediss://:secret@redis.internal:6380/2', keyPrefix: 'categraph:', commandTimeoutMs: 500, lockTtlMs: 10_000, lockWaitMs: 10_000 });
});

test('a redis section that cannot work stops startup naming the field', () => {
  expect(refusal({ url: 'http://redis:6379' })).toBe('stores.yaml: field "redis.url": must be a redis:// or rediss:// URL');
  expect(refusal({ url: '${REDIS_URL}' })).toBe('stores.yaml: field "redis.url": environment variable REDIS_URL is not set');
  expect(refusal({})).toContain('field "redis.url"');
  expect(refusal({ url: 'redis://redis:6379', lockTtlMs: 10 })).toContain('field "redis.lockTtlMs"');
  expect(refusal({ url: 'redis://redis:6379', password: 'x' })).toContain('"password"');
});
