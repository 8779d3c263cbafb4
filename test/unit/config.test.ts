import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfigFile } from '../../src/config/loadConfig';

function writeConfig(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'categraph-config-')), 'stores.yaml');
  writeFileSync(file, text);
  return file;
}

function configError(text: string, env: NodeJS.ProcessEnv = {}): string {
  const file = writeConfig(text);
  try {
    loadConfigFile(file, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

const ecwidStore = (extra = '') => `
stores:
  - id: shop-eu
    platform: ecwid
    baseUrl: https://app.ecwid.com/api/v3/
    storeId: "4870020"
    token: \${ECWID_TOKEN}
${extra}`;

describe('the config file', () => {
  test('is YAML with ${VAR} read from the environment and defaults filled in', () => {
    const config = loadConfigFile(writeConfig(ecwidStore()), { ECWID_TOKEN: 'secret_abc' });
    expect(config.stores[0]).toMatchObject({ id: 'shop-eu', platform: 'ecwid', storeId: '4870020', token: 'secret_abc' });
    expect(config.stores[0].baseUrl).toBe('https://app.ecwid.com/api/v3');
    expect(config.server.port).toBe(4000);
    expect(config.server.requestTimeoutMs).toBe(10_000);
  });

  test('JSON is valid YAML', () => {
    const json = JSON.stringify({ stores: [{ id: 'z', platform: 'zaveit', baseUrl: 'https://api.zaveit.example', token: 't' }] });
    expect(loadConfigFile(writeConfig(json), {}).stores[0].id).toBe('z');
  });

  test('a missing variable names the file, the store and the field', () => {
    const message = configError(ecwidStore());
    expect(message).toMatch(/stores\.yaml/);
    expect(message).toContain('store "shop-eu"');
    expect(message).toContain('field "token"');
    expect(message).toContain('ECWID_TOKEN is not set');
  });

  test('an unknown platform, a missing field, a bad URL and a duplicate id are each named', () => {
    expect(configError('stores:\n  - { id: a, platform: shopify, baseUrl: https://x.example, token: t }')).toContain(
      'store "a" (stores[0]), field "platform": must be one of ecwid, sfcc, zaveit',
    );
    expect(configError('stores:\n  - { id: b, platform: sfcc, baseUrl: https://x.example, token: t }')).toContain('store "b" (stores[0]), field "catalogId"');
    expect(configError('stores:\n  - { id: c, platform: zaveit, baseUrl: "ftp://x", token: t }')).toContain('field "baseUrl": must be an http(s) URL');
    expect(
      configError('stores:\n  - { id: d, platform: zaveit, baseUrl: "https://x.example", token: t }\n  - { id: d, platform: zaveit, baseUrl: "https://y.example", token: t }'),
    ).toContain('duplicate store id "d"');
  });

  test('store ids are lower-case slugs', () => {
    expect(configError('stores:\n  - { id: Shop_EU, platform: zaveit, baseUrl: https://x.example, token: t }')).toContain('field "id"');
  });

  test('a file that is not YAML or not there says so', () => {
    expect(configError('stores: [unclosed')).toContain('not valid YAML');
    expect(() => loadConfigFile('/nonexistent/stores.yaml')).toThrow(/cannot read the config file/);
  });

  test('$${VAR} stays a literal', () => {
    const config = loadConfigFile(writeConfig(ecwidStore().replace('${ECWID_TOKEN}', () => 'pa$${X}ss')), {});
    expect(config.stores[0].token).toBe('pa${X}ss');
  });

  test('error messages never carry a token value', () => {
    const message = configError(ecwidStore().replace('${ECWID_TOKEN}', 'secret_should_not_leak').replace('"4870020"', 'not-a-number'));
    expect(message).toContain('field "storeId"');
    expect(message).not.toContain('secret_should_not_leak');
  });
});
