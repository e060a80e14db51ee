import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { LockInfo } from '../core/db/lock.js';
import { lockPath } from '../core/db/lock.js';

const readLock = (dataDir: string): LockInfo | null => {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Makes sure a background owner (`nexus owner`) holds the embedded data folder and serves it on a
 * socket, starting one when nobody holds the folder. Returns false when none could be started in time;
 * the caller then opens the folder itself, as before.
 */
export async function ensureBackgroundOwner(dataDir: string, env: Record<string, string | undefined>, timeoutMs = 20_000): Promise<boolean> {
  const current = readLock(dataDir);
  if (current && isAlive(current.pid)) return true; // an owner (or a command) holds it: openDatabase knows what to do
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
    const lock = readLock(dataDir);
    if (lock?.socket && isAlive(lock.pid)) return true;
    // It ended without serving: another process took the folder first, or it failed to start.
    if (exited) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
