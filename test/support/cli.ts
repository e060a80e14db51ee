import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
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
    child.on('close', (code) =>
      resolvePromise({
        code: code ?? -1,
        stdout,
        stderr,
        json() {
          try {
            return JSON.parse(stdout);
          } catch {
            throw new Error(`stdout is not JSON (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
          }
        },
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}
