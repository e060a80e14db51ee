import type Conf from 'conf';
import type { SettingValues } from '../core/config/parse-config.js';

/** The config file (`nexus config set`): flat dotted keys, mode 0600 because it may hold secrets. */
export async function openConfigStore(dir: string): Promise<Conf<Record<string, unknown>>> {
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: 'config', accessPropertiesByDotNotation: false, configFileMode: 0o600, projectName: 'nexus' });
}

export async function readConfigFile(dir: string): Promise<SettingValues> {
  return (await openConfigStore(dir)).store as SettingValues;
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
