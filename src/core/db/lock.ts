import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NexusError } from '../errors.js';

/** What the owner of an embedded data folder writes into `<dataDir>/nexus.lock`. */
export interface LockInfo {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
  /** Set by `nexus serve`: a Unix socket speaking the Postgres protocol that other commands use. */
  socket?: string;
}

export interface DataDirLock {
  info: LockInfo;
  /** Re-writes the lock file, e.g. to publish the socket once it listens. */
  update(patch: Partial<LockInfo>): void;
  release(): void;
}

export type LockOutcome = { kind: 'owned'; lock: DataDirLock } | { kind: 'served'; owner: LockInfo };

export const lockPath = (dataDir: string): string => join(dataDir, 'nexus.lock');

/** What the background owner (`nexus owner`) writes as its command; `nexus serve` retires it. */
export const BACKGROUND_OWNER_COMMAND = 'nexus owner (background)';

/** Who holds `dataDir` now, as its lock file says (null when nobody does). */
export const readDataDirLock = (dataDir: string): LockInfo | null => readLock(lockPath(dataDir));

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function tryCreate(path: string, info: LockInfo): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the data folder for this process, or finds the owner that serves it. A short-lived owner
 * (another CLI command) is waited for up to `waitMs`; a dead owner's lock is taken over; a live owner
 * without a socket is reported with who it is.
 */
export async function acquireDataDirLock(dataDir: string, options: { command: string; waitMs?: number }): Promise<LockOutcome> {
  const path = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), command: options.command, startedAt: new Date().toISOString() };
  const deadline = Date.now() + (options.waitMs ?? 5000);
  for (;;) {
    if (tryCreate(path, info)) {
      let current = info;
      let released = false;
      return {
        kind: 'owned',
        lock: {
          get info() {
            return current;
          },
          update(patch) {
            current = { ...current, ...patch };
            writeFileSync(path, JSON.stringify(current), { mode: 0o600 });
          },
          release() {
            if (released) return;
            released = true;
            if (readLock(path)?.pid === process.pid) unlinkSync(path);
          },
        },
      };
    }
    const owner = readLock(path);
    if (owner && owner.pid === process.pid) {
      throw new NexusError('DATA_DIR_LOCKED', `This process already holds the data folder ${dataDir}`);
    }
    if (owner && owner.socket && isProcessAlive(owner.pid)) return { kind: 'served', owner };
    // An unreadable lock is being written right now, unless it has stayed unreadable for a while.
    const stale = owner ? owner.hostname === hostname() && !isProcessAlive(owner.pid) : ageMs(path) > 2000;
    if (stale) {
      try {
        unlinkSync(path);
      } catch {
        // another process removed it first; loop and race for the new lock
      }
      continue;
    }
    if (Date.now() >= deadline) {
      const who = owner ? `pid ${owner.pid}: ${owner.command}, since ${owner.startedAt}` : 'another process';
      throw new NexusError('DATA_DIR_LOCKED', `The data folder ${dataDir} is in use by another Nexus process (${who}).`, {
        hint: 'Wait for that command to finish and try again. To work alongside it, run `nexus serve`: other commands then go through it.',
      });
    }
    await sleep(owner ? 100 : 20);
  }
}
