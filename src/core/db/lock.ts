import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
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
  /** The folder this lock belongs to: real path and device/inode, so a copy of the folder does not alias it. */
  dataDir?: string;
  dirId?: string;
  /** The owner's process start time (Linux clock ticks since boot), so a reused pid is not taken for it. */
  processStart?: string | null;
  /** Unique per lock: an owner removes the lock (and socket) only while this is still its own. */
  nonce?: string;
}

export interface DataDirLock {
  info: LockInfo;
  /** Re-writes the lock file, e.g. to publish the socket once it listens — only while it is still ours. */
  update(patch: Partial<LockInfo>): void;
  /** True while the folder is still the one we opened and the lock in it is still ours. */
  isStillOwned(): boolean;
  release(): void;
}

export type LockOutcome = { kind: 'owned'; lock: DataDirLock } | { kind: 'served'; owner: LockInfo };

export const lockPath = (dataDir: string): string => join(dataDir, 'nexus.lock');

/** What the background owner (`nexus owner`) writes as its command; `nexus serve` retires it. */
export const BACKGROUND_OWNER_COMMAND = 'nexus owner (background)';

/** The identity of a folder: device and inode (a copy or a re-created folder has another). */
export function folderId(dataDir: string): string | null {
  try {
    const stat = statSync(dataDir, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** The start time of a process from /proc (Linux), or null where that cannot be read. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

/** Who holds `dataDir` now, as its lock file says (null when nobody does). */
export const readDataDirLock = (dataDir: string): LockInfo | null => readLock(lockPath(dataDir));

/** The lock's owner when it belongs to this very folder and its process is still the one that wrote it. */
export function readLiveOwner(dataDir: string): LockInfo | null {
  const info = readDataDirLock(dataDir);
  return info && belongsTo(info, dataDir) && isOwnerAlive(info) ? info : null;
}

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
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X'; // a zombie has exited; it only waits for its parent
}

/** The lock's process is alive and is the same process (not a pid reused since). */
export function isOwnerAlive(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true; // another machine's process: we cannot tell, so honour it
  if (!isProcessAlive(info.pid)) return false;
  if (info.processStart) {
    const now = processStartTime(info.pid);
    if (now !== null && now !== info.processStart) return false;
  }
  return true;
}

/** Written for this folder (not copied in from another one with `cp -a`). Locks without identity (older builds) are taken at their word. */
export function belongsTo(info: LockInfo, dataDir: string): boolean {
  if (!info.dirId) return true;
  return info.dirId === folderId(dataDir);
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

/** How long a command waits for a background owner that holds the folder but does not serve it yet. */
const OWNER_START_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function realPath(dataDir: string): string {
  try {
    return realpathSync(dataDir);
  } catch {
    return dataDir;
  }
}

/**
 * Takes the data folder for this process, or finds the owner that serves it. A short-lived owner
 * (another CLI command) is waited for up to `waitMs`; a dead owner's lock (or one copied from another
 * folder, or left by a process whose pid has been reused) is taken over; a live owner without a socket
 * is reported with who it is.
 */
export async function acquireDataDirLock(dataDir: string, options: { command: string; waitMs?: number }): Promise<LockOutcome> {
  const path = lockPath(dataDir);
  const dirId = folderId(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    command: options.command,
    startedAt: new Date().toISOString(),
    dataDir: realPath(dataDir),
    dirId: dirId ?? undefined,
    processStart: processStartTime(process.pid),
    nonce: randomUUID(),
  };
  const started = Date.now();
  const deadline = started + (options.waitMs ?? 5000);
  for (;;) {
    if (tryCreate(path, info)) {
      let current = info;
      let released = false;
      const isStillOwned = () => folderId(dataDir) === dirId && readLock(path)?.nonce === info.nonce;
      return {
        kind: 'owned',
        lock: {
          get info() {
            return current;
          },
          update(patch) {
            current = { ...current, ...patch };
            if (isStillOwned()) writeFileSync(path, JSON.stringify(current), { mode: 0o600 });
          },
          isStillOwned,
          release() {
            if (released) return;
            released = true;
            if (!isStillOwned()) return; // the folder was removed or re-created: what is there now is not ours
            try {
              unlinkSync(path);
            } catch {
              // already gone
            }
          },
        },
      };
    }
    const owner = readLock(path);
    const foreign = owner !== null && !belongsTo(owner, dataDir);
    if (owner && !foreign && owner.socket && isOwnerAlive(owner)) return { kind: 'served', owner };
    // An unreadable lock is being written right now, unless it has stayed unreadable for a while.
    const stale = owner ? foreign || (owner.hostname === hostname() && !isOwnerAlive(owner)) : ageMs(path) > 2000;
    if (stale) {
      try {
        // Only the lock we judged: another process may have replaced it a moment ago.
        if (JSON.stringify(readLock(path)) === JSON.stringify(owner)) unlinkSync(path);
      } catch {
        // another process removed it first; loop and race for the new lock
      }
      continue;
    }
    if (owner && owner.pid === process.pid && owner.hostname === hostname()) {
      throw new NexusError('DATA_DIR_LOCKED', `This process already holds the data folder ${dataDir}`);
    }
    // A background owner still starting up (no socket yet) is worth waiting for: it is about to serve.
    const startingOwner = owner?.command === BACKGROUND_OWNER_COMMAND && options.command !== BACKGROUND_OWNER_COMMAND;
    if (Date.now() >= (startingOwner ? Math.max(deadline, started + OWNER_START_WAIT_MS) : deadline)) {
      const who = owner ? `pid ${owner.pid}: ${owner.command}, since ${owner.startedAt}` : 'another process';
      throw new NexusError('DATA_DIR_LOCKED', `The data folder ${dataDir} is in use by another Nexus process (${who}).`, {
        hint: 'Wait for that command to finish and try again. To work alongside it, run `nexus serve`: other commands then go through it.',
      });
    }
    await sleep(owner ? 100 : 20);
  }
}
