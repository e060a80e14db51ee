import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKGROUND_OWNER_COMMAND, readLiveOwner } from '../core/db/lock.js';

/** Marks a data folder whose user has been told about the background owner (told once per folder). */
const NOTICE_FILE = 'owner-notice-shown';

export interface EnsureOwnerOptions {
  timeoutMs?: number;
  /** Where to say, once per data folder, that a background process was started and how to stop it. */
  notice?: (text: string) => void;
}

/**
 * Makes sure a background owner (`nexus owner`) holds the embedded data folder and serves it on a
 * socket, starting one when nobody holds the folder. Returns false when none could be started in time;
 * the caller then opens the folder itself, as before.
 */
export async function ensureBackgroundOwner(dataDir: string, env: Record<string, string | undefined>, options: EnsureOwnerOptions = {}): Promise<boolean> {
  if (readLiveOwner(dataDir)) return true; // an owner (or a command) holds it: openDatabase knows what to do
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
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    const lock = readLiveOwner(dataDir);
    if (lock?.socket) {
      if (lock.pid === child.pid) tellOnce(dataDir, lock.pid, options.notice);
      return true;
    }
    // It ended without serving: another process took the folder first (wait for that one's socket if it
    // is an owner starting up; a command holding the folder is waited for by openDatabase), or it failed.
    if (exited) {
      const holder = readLiveOwner(dataDir);
      if (!holder) return false;
      if (holder.command !== BACKGROUND_OWNER_COMMAND) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

function tellOnce(dataDir: string, pid: number, notice: EnsureOwnerOptions['notice']): void {
  const marker = join(dataDir, NOTICE_FILE);
  if (!notice || existsSync(marker)) return;
  notice(
    `note: started a background process (pid ${pid}) that keeps the embedded database open for the next commands; ` +
      'it ends by itself when idle (NEXUS_OWNER_IDLE_SECONDS). Stop it now with `nexus owner stop`; see it with `nexus owner status`.\n',
  );
  try {
    writeFileSync(marker, `${new Date().toISOString()}\n`, { mode: 0o600 });
  } catch {
    // a read-only folder: the note may show again, which is harmless
  }
}
