import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

/** The platform's user data folder for Nexus (the embedded database lives here by default). */
export function defaultDataDir(env: Env = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'nexus');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'nexus', 'Data');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'nexus');
}

/** Where the config file and the CLI session live (`NEXUS_CONFIG_DIR` overrides). */
export function configDir(env: Env = process.env, platform = process.platform): string {
  if (env.NEXUS_CONFIG_DIR) return env.NEXUS_CONFIG_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'nexus');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'nexus', 'Config');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'nexus');
}
