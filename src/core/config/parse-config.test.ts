import { describe, expect, it } from 'vitest';
import { NexusError } from '../errors.js';
import { describeConfig, maskSecret, parseConfig } from './parse-config.js';

const base = { defaults: { dataDir: '/data' } };

describe('parseConfig', () => {
  it('given nothing but defaults, then documented defaults apply', () => {
    const { config } = parseConfig(base);
    expect(config).toMatchObject({
      dataDir: '/data',
      host: '127.0.0.1',
      port: 8080,
      corsOrigins: [],
      bcryptCost: 12,
      ai: { model: 'gpt-4o-mini', replyWindowSeconds: 60, replyMaxPerWindow: 2, maxRetries: 3, initialDelay: 0.5, backoffMultiplier: 2, enabled: true },
      storage: { bucket: 'attachments' },
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.ai.apiKey).toBeUndefined();
  });

  it('merges defaults < file < env < flags and remembers where each value came from', () => {
    const resolved = parseConfig({
      defaults: { dataDir: '/default', port: 1 },
      file: { dataDir: '/file', port: 2, 'ai.model': 'from-file' },
      env: { NEXUS_DATA_DIR: '/env', NEXUS_PORT: '3', OPENAI_API_KEY: 'sk-test-1234567890' },
      flags: { dataDir: '/flag' },
    });
    expect(resolved.config.dataDir).toBe('/flag');
    expect(resolved.config.port).toBe(3);
    expect(resolved.config.ai.model).toBe('from-file');
    expect(resolved.config.ai.apiKey).toBe('sk-test-1234567890');
    expect(resolved.origins).toMatchObject({ dataDir: 'flag', port: 'env', 'ai.model': 'file', 'ai.apiKey': 'env' });
  });

  it('parses lists and booleans from env strings', () => {
    const { config } = parseConfig({ ...base, env: { NEXUS_CORS_ORIGINS: 'https://a.example.com, https://b.example.com', NEXUS_AI_ENABLED: 'false' } });
    expect(config.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(config.ai.enabled).toBe(false);
  });

  it('reports every problem at once, each with its key and source', () => {
    let error: NexusError | undefined;
    try {
      parseConfig({
        ...base,
        file: { nonsense: 1 } as never,
        env: { NEXUS_PORT: 'eighty', NEXUS_DATABASE_URL: 'mysql://x', NEXUS_SECRET_KEY: 'short', NEXUS_AI_MAX_RETRIES: '-1' },
      });
    } catch (e) {
      error = e as NexusError;
    }
    expect(error?.code).toBe('CONFIG_INVALID');
    expect(error?.details?.map((d) => d.path).sort()).toEqual(['ai.maxRetries', 'databaseUrl', 'nonsense', 'port', 'secretKey']);
    expect(error?.details?.find((d) => d.path === 'port')?.message).toContain('NEXUS_PORT');
  });
});

describe('describeConfig', () => {
  it('masks secrets and keeps the rest readable', () => {
    const rows = describeConfig(
      parseConfig({ ...base, env: { OPENAI_API_KEY: 'sk-live-abcdefghijklmnop', NEXUS_DATABASE_URL: 'postgres://nexus:hunter2@db.example.com:5432/nexus' } }),
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey['ai.apiKey']?.value).toBe('sk-…****');
    expect(JSON.stringify(rows)).not.toContain('abcdefghijklmnop');
    expect(byKey.databaseUrl?.value).toBe('postgres://nexus:****@db.example.com:5432/nexus');
    expect(byKey['ai.model']).toMatchObject({ value: 'gpt-4o-mini', source: 'default', env: 'NEXUS_AI_MODEL' });
  });

  // Issue 8: `config show` names the true source of each value, audited against parseConfig's merge.
  const places = { file: '/home/ana/.config/nexus/config.json', desk: '/data/secret.key', flags: { dataDir: '--data-dir', databaseUrl: '--database-url' } };
  const secret = 'k'.repeat(40);
  const shown = (sources: Parameters<typeof parseConfig>[0], key: string) => describeConfig(parseConfig({ ...base, ...sources }), places).find((r) => r.key === key);

  it.each([
    ['a default', {}, 'ai.model', { source: 'default', from: null, value: 'gpt-4o-mini' }],
    ['the data folder\'s secret.key', { desk: { secretKey: secret } }, 'secretKey', { source: 'desk', from: '/data/secret.key' }],
    ['the config file over the desk', { desk: { secretKey: secret }, file: { secretKey: 's'.repeat(40) } }, 'secretKey', { source: 'file', from: '/home/ana/.config/nexus/config.json' }],
    ['the config file', { file: { 'ai.model': 'file-model' } }, 'ai.model', { source: 'file', from: '/home/ana/.config/nexus/config.json', value: 'file-model' }],
    ['env over the file', { file: { 'ai.model': 'file-model' }, env: { NEXUS_AI_MODEL: 'env-model' } }, 'ai.model', { source: 'env', from: 'NEXUS_AI_MODEL', value: 'env-model' }],
    ['a provider variable', { env: { OPENAI_API_KEY: 'sk-live-abcdefghijklmnop' } }, 'ai.apiKey', { source: 'env', from: 'OPENAI_API_KEY', value: 'sk-…****' }],
    ['an empty variable, which sets nothing', { file: { 'ai.model': 'file-model' }, env: { NEXUS_AI_MODEL: '' } }, 'ai.model', { source: 'file', value: 'file-model' }],
    ['a flag over env', { env: { NEXUS_DATA_DIR: '/env' }, flags: { dataDir: '/flag' } }, 'dataDir', { source: 'flag', from: '--data-dir', value: '/flag' }],
    ['env when no flag is given', { env: { NEXUS_DATA_DIR: '/env' }, flags: { dataDir: undefined } }, 'dataDir', { source: 'env', from: 'NEXUS_DATA_DIR', value: '/env' }],
  ] as const)('given a value from %s, then config show names that source exactly', (_what, sources, key, expected) => {
    expect(shown(sources as Parameters<typeof parseConfig>[0], key)).toMatchObject(expected);
  });

  it('masks short secrets completely', () => {
    expect(maskSecret('abc')).toBe('****');
  });
});
