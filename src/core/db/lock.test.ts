import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, isProcessAlive, lockPath, processStartTime, readLiveOwner, type LockInfo } from './lock.js';

// Issue 9, items 3 and 4: a lock is honoured only for its own folder and its own, living process.
const root = mkdtempSync(join(tmpdir(), 'nexus-lock-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.pid && isProcessAlive(child.pid)) child.kill('SIGKILL');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const folder = () => {
  const dir = join(root, `desk-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** A live process that is not us (so its lock is not "this process already holds"). */
async function otherProcess(args = ['-c', 'exec sleep 60']): Promise<ChildProcess & { out: Promise<string> }> {
  const child = spawn('sh', args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  const out = new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return Object.assign(child, { out });
}

function writeForeignLock(dir: string, info: Partial<LockInfo> & { pid: number }) {
  writeFileSync(lockPath(dir), JSON.stringify({ hostname: hostname(), command: 'nexus owner (background)', startedAt: new Date().toISOString(), ...info }));
}

describe('the data-folder lock', () => {
  it('Given a live owner\'s folder copied with cp -a, then the copy\'s lock is not honoured: the copy is opened on its own', async () => {
    const live = folder();
    const owner = await otherProcess();
    const held = await acquireDataDirLock(live, { command: 'test' });
    expect(held.kind).toBe('owned');
    if (held.kind !== 'owned') return;
    // Make the lock look like a serving owner's (another live process, a socket).
    const info = JSON.parse(readFileSync(lockPath(live), 'utf8')) as LockInfo;
    writeFileSync(lockPath(live), JSON.stringify({ ...info, pid: owner.pid, processStart: processStartTime(owner.pid!), socket: join(live, '.s.PGSQL.5432') }));
    expect(readLiveOwner(live)?.pid).toBe(owner.pid);

    const copy = join(root, `copy-${n++}`);
    cpSync(live, copy, { recursive: true, preserveTimestamps: true });
    expect(readLiveOwner(copy)).toBeNull();
    const opened = await acquireDataDirLock(copy, { command: 'test', waitMs: 0 });
    expect(opened.kind).toBe('owned'); // before the fix: 'served' through the live desk's socket
    if (opened.kind === 'owned') opened.lock.release();
  });

  it('Given a lock whose pid now belongs to another process (pid reused), then it is taken over', async () => {
    const dir = folder();
    const stranger = await otherProcess();
    writeForeignLock(dir, { pid: stranger.pid!, processStart: '1', socket: join(dir, '.s.PGSQL.5432'), dirId: undefined });
    const outcome = await acquireDataDirLock(dir, { command: 'test', waitMs: 0 });
    expect(outcome.kind).toBe('owned');
    if (outcome.kind === 'owned') outcome.lock.release();
  });

  it('Given a lock whose owner is a zombie, then it is taken over', async () => {
    const dir = folder();
    // The child exits after its parent has exec'd into `sleep 60`, which never reaps it: a zombie.
    const parent = await otherProcess(['-c', 'sleep 0.2 & echo $!; exec sleep 60']);
    const zombie = Number(await parent.out);
    const state = () => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]![0];
    const deadline = Date.now() + 5000;
    while (state() !== 'Z' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state()).toBe('Z');
    expect(isProcessAlive(zombie)).toBe(false);
    writeForeignLock(dir, { pid: zombie, socket: join(dir, '.s.PGSQL.5432') });
    const outcome = await acquireDataDirLock(dir, { command: 'test', waitMs: 0 });
    expect(outcome.kind).toBe('owned');
    if (outcome.kind === 'owned') outcome.lock.release();
  });

  it('Given the folder was removed and re-created with a new owner, then the old owner neither removes nor rewrites the new lock', async () => {
    const dir = folder();
    const old = await acquireDataDirLock(dir, { command: 'old owner' });
    if (old.kind !== 'owned') throw new Error('expected to own the folder');
    expect(old.lock.isStillOwned()).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    expect(old.lock.isStillOwned()).toBe(false);
    mkdirSync(dir);
    const newer = await otherProcess();
    writeForeignLock(dir, { pid: newer.pid!, processStart: processStartTime(newer.pid!), command: 'new owner' });
    old.lock.update({ socket: undefined });
    old.lock.release();
    expect(existsSync(lockPath(dir))).toBe(true);
    expect(readLiveOwner(dir)).toMatchObject({ pid: newer.pid, command: 'new owner' });
  });
});
