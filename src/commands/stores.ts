import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import type { SettingValues } from '../core/config/parse-config.js';

/**
 * A store's file read directly, when it exists and holds a JSON object: reading needs none of conf's
 * machinery (its schema validator and version checks are some 0.4 MB of code, a good part of every
 * command's start-up). A missing file reads as empty; anything else (unreadable, not a JSON object) returns
 * undefined and the caller goes through conf, which reports or repairs it as before.
 */
function readStoreFile(dir: string, configName: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, `${configName}.json`), 'utf8');
  } catch (error) {
    // A file never written reads as empty, as conf reads it (conf also creates the folder; a read needs none).
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The config file (`nexus config set`): flat dotted keys, mode 0600 because it may hold secrets. */
export async function openConfigStore(dir: string): Promise<Conf<Record<string, unknown>>> {
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', accessPropertiesByDotNotation: false, configFileMode: 0o600, projectName: 'nexus' });
}

export async function readConfigFile(dir: string): Promise<SettingValues> {
  return (readStoreFile(dir, 'config') ?? (await openConfigStore(dir)).store) as SettingValues;
}

export interface SavedSession {
  token: string;
  email: string;
  role: string;
  savedAt: string;
}

/**
 * CLI sessions, one per database target (an embedded folder or a server URL), in
 * `<config dir>/session.json` with mode 0600.
 */
export async function openSessionStore(dir: string) {
  const { default: Conf } = await import('conf');
  const store = new Conf<{ sessions: Record<string, SavedSession> }>({
    cwd: dir,
    configName: 'session',
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
    projectName: 'nexus',
    defaults: { sessions: {} },
  });
  return {
    path: store.path,
    get: (target: string): SavedSession | undefined => store.get('sessions')[target],
    set: (target: string, session: SavedSession) => store.set('sessions', { ...store.get('sessions'), [target]: session }),
    remove: (target: string) => {
      const { [target]: _removed, ...rest } = store.get('sessions');
      store.set('sessions', rest);
    },
  };
}

/** The saved session for one target (what every command but login and logout needs): read without conf when the file is sound. */
export async function readSavedSession(dir: string, target: string): Promise<SavedSession | undefined> {
  const file = readStoreFile(dir, 'session');
  if (file && !('sessions' in file)) return undefined;
  const sessions = file?.sessions;
  if (sessions !== null && typeof sessions === 'object' && !Array.isArray(sessions)) return Object.hasOwn(sessions, target) ? (sessions as Record<string, SavedSession>)[target] : undefined;
  return (await openSessionStore(dir)).get(target);
}
