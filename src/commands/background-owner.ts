import { spawn } from 'node:child_process';
import { isProcessAlive, readDataDirLock } from '../core/db/lock.js';

/**
 * Makes sure a background owner (`nexus owner`) holds the embedded data folder and serves it on a
 * socket, starting one when nobody holds the folder. Returns false when none could be started in time;
 * the caller then opens the folder itself, as before.
 */
export async function ensureBackgroundOwner(dataDir: string, env: Record<string, string | undefined>, timeoutMs = 20_000): Promise<boolean> {
  const current = readDataDirLock(dataDir);
  if (current && isProcessAlive(current.pid)) return true; // an owner (or a command) holds it: openDatabase knows what to do
  const bin = process.argv[1];
  if (!bin) return false;
  const child = spawn(process.execPath, [bin, 'owner', '--data-dir', dataDir], {
    detached: true,
    stdio: 'ignore',
    env: { ...env, NEXUS_DATA_DIR: dataDir } as NodeJS.ProcessEnv,
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', () => (exited = true));
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lock = readDataDirLock(dataDir);
    if (lock?.socket && isProcessAlive(lock.pid)) return true;
    // It ended without serving: another process took the folder first, or it failed to start.
    if (exited) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
