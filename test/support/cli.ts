import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { inject } from 'vitest';
import { BACKGROUND_OWNER_COMMAND, isProcessAlive, readLiveOwner } from '../../src/core/db/lock.js';

export { E2E_DESK_ADMIN } from './e2e-desk.js';

export const NEXUS_BIN = resolve(import.meta.dirname, '../../bin/nexus');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws with the output when it is not JSON). */
  json<T = any>(): T;
}

/** A throwaway home for the CLI: its own data folder and config folder. */
export class CliSandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'nexus-e2e-'));
  readonly env: Record<string, string> = {
    NEXUS_DATA_DIR: join(this.root, 'data'),
    NEXUS_CONFIG_DIR: join(this.root, 'config'),
    NEXUS_BCRYPT_COST: '4',
    // Each command opens the folder itself, so no test leaves a background owner running; the
    // background owner has its own test (test/e2e/background-owner.test.ts).
    NEXUS_EMBEDDED_OWNER: 'process',
  };

  constructor(env: Record<string, string> = {}) {
    Object.assign(this.env, env);
  }

  run(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
    return runNexus(args, { ...options, env: { ...this.env, ...options.env } });
  }

  /** The same command run inside the test's process (runMain with its own streams): no process start-up. */
  runInProcess(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
    return runNexusInProcess(args, { ...options, env: { ...this.env, ...options.env } });
  }

  /**
   * Gives the sandbox a copy of the desk `nexus init` made once for the run (test/support/global-setup-e2e.ts):
   * an embedded desk with its secret key and one admin, E2E_DESK_ADMIN, logged in — what
   * `nexus init --admin-email … --admin-password … --no-input` leaves, without a new database and its
   * migrations per file. For files that need a desk only to start from; the tests of `nexus init` run it.
   */
  initFromTemplate(): void {
    const template = inject('e2eDeskTemplate');
    const dataDir = this.env.NEXUS_DATA_DIR!;
    const configDir = this.env.NEXUS_CONFIG_DIR!;
    cpSync(join(template, 'data'), dataDir, { recursive: true });
    mkdirSync(configDir, { recursive: true, mode: 0o700 });
    // The saved session is keyed by the desk it belongs to, named by its data folder.
    const pathText = (dir: string) => JSON.stringify(join(dir, 'pgdata')).slice(1, -1);
    const sessions = readFileSync(join(template, 'config', 'session.json'), 'utf8');
    writeFileSync(join(configDir, 'session.json'), sessions.replaceAll(pathText(join(template, 'data')), pathText(dataDir)), { mode: 0o600 });
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  /**
   * Stops the background owner of the sandbox's data folder, if one runs (SIGTERM, then waits for it to
   * end, with a deadline), and removes the sandbox. For sandboxes on the default `background` owner.
   */
  async stopOwnerAndCleanup(): Promise<void> {
    const owner = readLiveOwner(this.env.NEXUS_DATA_DIR!);
    if (owner?.command === BACKGROUND_OWNER_COMMAND) {
      process.kill(owner.pid, 'SIGTERM');
      const deadline = Date.now() + 30_000;
      while (isProcessAlive(owner.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.cleanup();
  }
}

/**
 * The production default (NEXUS_EMBEDDED_OWNER=background): the first command starts a background
 * owner that holds the desk, later commands go through its socket instead of starting the embedded
 * database each (~2 s of CPU per command). Close it with stopOwnerAndCleanup().
 */
export const BACKGROUND_OWNER_ENV = { NEXUS_EMBEDDED_OWNER: 'background', NEXUS_OWNER_IDLE_SECONDS: '120' } as const;

const resultOf = (code: number, stdout: string, stderr: string): RunResult => ({
  code,
  stdout,
  stderr,
  json() {
    try {
      return JSON.parse(stdout);
    } catch {
      throw new Error(`stdout is not JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
    }
  },
});

/**
 * `nexus <args>` through runMain in this process, with the environment the binary would get (the
 * test's own, NO_COLOR, then `options.env`). For tests about what commands answer (the JSON
 * contract), not about the binary itself: those spawn it with runNexus. `cleanEnv`: `options.env` alone,
 * nothing of the test's own (what a command does with no settings at all).
 */
export async function runNexusInProcess(args: string[], options: { input?: string; env?: Record<string, string | undefined>; cleanEnv?: boolean } = {}): Promise<RunResult> {
  const { runMain } = await import('../../src/cli.js');
  const env: Record<string, string | undefined> = options.cleanEnv ? { ...options.env } : { ...process.env, NO_COLOR: '1', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const code = await runMain(args, { stdout, stderr, stdin, env });
  return resultOf(code, out, err);
}

export function runNexus(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [NEXUS_BIN, ...args], { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(resultOf(code ?? -1, stdout, stderr)));
    child.stdin.end(options.input ?? '');
  });
}
