import { NexusError } from '../errors.js';
import { toFieldProblems } from '../validation.js';
import { configSchema, SETTINGS, type NexusConfig, type SettingKey } from './schema.js';

/** A flat map of dotted setting keys (`ai.model`) to raw values, from one source. */
export type SettingValues = Partial<Record<SettingKey, unknown>>;

export interface ConfigSources {
  /** Defaults computed at the edge (e.g. the platform's data folder). */
  defaults?: SettingValues;
  /**
   * What the desk keeps itself, in its data folder: the secret key `nexus init` wrote to
   * `<dataDir>/secret.key`. Above the defaults, below the config file, env and flags.
   */
  desk?: SettingValues;
  /** The config file (`nexus config set`). */
  file?: SettingValues;
  /** The process environment; only the variables in SETTINGS are read. */
  env?: Record<string, string | undefined>;
  /** Global flags (`--data-dir`, `--database-url`). */
  flags?: SettingValues;
}

export type ConfigSource = 'default' | 'desk' | 'file' | 'env' | 'flag';

export interface ResolvedConfig {
  config: NexusConfig;
  /** Where each explicitly set key came from. */
  origins: Partial<Record<SettingKey, ConfigSource>>;
}

const KNOWN_KEYS = new Set<string>(SETTINGS.map((s) => s.key));

export function isSettingKey(key: string): key is SettingKey {
  return KNOWN_KEYS.has(key);
}

function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return root;
}

/** The raw values of every source merged, defaults < desk < file < env < flags, and where each came from. */
export function mergeSources(sources: ConfigSources): { values: Record<string, unknown>; origins: ResolvedConfig['origins'] } {
  const values: Record<string, unknown> = {};
  const origins: ResolvedConfig['origins'] = {};
  const put = (from: SettingValues | undefined, origin: ConfigSource) => {
    for (const [key, value] of Object.entries(from ?? {})) {
      // An empty value (`NEXUS_AI_MODEL=`) sets nothing: the value below it stays, and so does its source.
      if (value === undefined || value === '') continue;
      values[key] = value;
      if (isSettingKey(key)) origins[key] = origin;
    }
  };
  put(sources.defaults, 'default');
  put(sources.desk, 'desk');
  put(sources.file, 'file');
  const fromEnv: SettingValues = {};
  for (const setting of SETTINGS) {
    const value = sources.env?.[setting.env];
    if (value !== undefined) fromEnv[setting.key] = value;
  }
  put(fromEnv, 'env');
  put(sources.flags, 'flag');
  return { values, origins };
}

/**
 * Merges defaults < desk < file < env < flags and validates once. Every problem is reported at once,
 * each with its key and the source that set it.
 */
export function parseConfig(sources: ConfigSources): ResolvedConfig {
  const { values: merged, origins } = mergeSources(sources);

  const unknown = Object.keys(sources.file ?? {}).filter((key) => !isSettingKey(key));
  const result = configSchema.safeParse(nest(merged));
  const problems = result.success ? [] : toFieldProblems(result.error);
  problems.push(...unknown.map((key) => ({ path: key, message: 'unknown setting in the config file' })));
  if (!result.success || problems.length > 0) {
    const described = problems.map((p) => {
      const origin = isSettingKey(p.path) ? origins[p.path] : undefined;
      const env = SETTINGS.find((s) => s.key === p.path)?.env;
      const where = origin === 'env' && env ? ` (from ${env})` : origin ? ` (from ${origin})` : '';
      return { path: p.path, message: `${p.message}${where}` };
    });
    throw new NexusError(
      'CONFIG_INVALID',
      `Invalid configuration:\n${described.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`,
      { details: described, hint: 'Fix the values above (`nexus config show` lists the effective settings).' },
    );
  }
  return { config: result.data!, origins };
}

/** Where the edge read each source, to name it exactly in `nexus config show`. */
export interface SourcePlaces {
  /** The config file's path. */
  file?: string;
  /** The file the desk's own values were read from (`<dataDir>/secret.key`). */
  desk?: string;
  /** The global flag of each key given on the command line (`dataDir` → `--data-dir`). */
  flags?: Partial<Record<SettingKey, string>>;
}

export interface DescribedSetting {
  key: string;
  env: string;
  value: unknown;
  source: ConfigSource;
  /** The exact place: the variable, the file's path, the flag; null for a default. */
  from: string | null;
}

/** The effective config as a flat list, secrets masked, each value with its true source, for `nexus config show`. */
export function describeConfig(resolved: ResolvedConfig, places: SourcePlaces = {}): DescribedSetting[] {
  const flat = flatten(resolved.config as unknown as Record<string, unknown>);
  return SETTINGS.map((setting) => {
    const value = flat[setting.key];
    const masked = 'secret' in setting && setting.secret && value !== undefined ? maskSecret(String(value)) : value;
    const source = resolved.origins[setting.key] ?? 'default';
    const from = { default: null, desk: places.desk ?? null, file: places.file ?? null, env: setting.env, flag: places.flags?.[setting.key] ?? null }[source];
    return { key: setting.key, env: setting.env, value: masked ?? null, source, from };
  });
}

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value as Record<string, unknown>, path));
    else out[path] = value;
  }
  return out;
}

export function maskSecret(value: string): string {
  if (/^postgres(ql)?:\/\//.test(value)) return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:****@');
  return value.length <= 8 ? '****' : `${value.slice(0, 3)}…${'*'.repeat(4)}`;
}
