import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, runNexus } from '../support/cli.js';

const ADMIN = ['--admin-email', 'admin@example.com', '--admin-password', 'correct horse 1', '--no-input'];

describe('a new desk in two commands', () => {
  const box = new CliSandbox();
  afterAll(() => box.cleanup());

  it('init creates the desk and logs the admin in; whoami --json says who', async () => {
    const init = await box.run(['init', ...ADMIN]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created admin admin@example.com');
    const who = await box.run(['whoami', '--json']);
    expect(who.code).toBe(0);
    expect(who.json()).toMatchObject({ email: 'admin@example.com', role: 'admin', name: 'Admin' });
    expect(statSync(join(box.env.NEXUS_DATA_DIR!, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(box.env.NEXUS_CONFIG_DIR!, 'session.json')).mode & 0o777).toBe(0o600);
  });

  it('init again is safe: it creates nothing and says what exists', async () => {
    const again = await box.run(['init', ...ADMIN, '--json']);
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ adminCreated: false, secretKeyCreated: false });
    const list = await box.run(['users', 'list', '--json']);
    expect(list.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toEqual(['admin@example.com']);
  });

  it('users create / set-role / disable / enable / reset-password work for an admin', async () => {
    const created = await box.run(['users', 'create', '--email', 'Ana@Example.com', '--name', 'Ana', '--role', 'agent', '--password', 'agent password', '--json']);
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ email: 'ana@example.com', role: 'agent', isDisabled: false });
    expect((await box.run(['users', 'set-role', 'ana@example.com', 'admin', '--json'])).json()).toMatchObject({ role: 'admin' });
    expect((await box.run(['users', 'disable', 'ana@example.com', '--json'])).json()).toMatchObject({ isDisabled: true });
    expect((await box.run(['users', 'enable', 'ana@example.com', '--json'])).json()).toMatchObject({ isDisabled: false });
    const reset = await box.run(['users', 'reset-password', 'ana@example.com', '--password-stdin', '--json'], { input: 'another password\n' });
    expect(reset.json()).toEqual({ email: 'ana@example.com', passwordReset: true, sessionsEnded: true });
  });

  it.each([
    [['users', 'create', '--email', 'not-an-email', '--role', 'agent', '--password', 'long enough'], 2, /email/],
    [['users', 'create', '--email', 'x@example.com', '--password', 'x'.repeat(73)], 2, /password.*72 bytes/],
    [['users', 'create', '--email', 'x@example.com', '--role', 'boss'], 2, /role.*customer, agent, admin/],
    [['users', 'set-role', 'ghost@example.com', 'agent'], 5, /not found/],
    [['tickets-nope'], 2, /unknown command/],
    [['users', 'list', '--bogus'], 2, /unknown option/],
  ])('bad input %j exits %i with a clear message and no stack trace', async (args, code, message) => {
    const result = await box.run(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('under --json a failure is the error document on stdout, with the same exit code', async () => {
    const result = await box.run(['users', 'create', '--email', 'not-an-email', '--json']);
    expect(result.code).toBe(2);
    expect(result.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: '--email' }] } });
  });

  it('a customer running users list is refused with exit 4', async () => {
    await box.run(['users', 'create', '--email', 'cus@example.com', '--password', 'customer pw 1']);
    const other = new CliSandbox({ NEXUS_DATA_DIR: box.env.NEXUS_DATA_DIR! });
    try {
      expect((await other.run(['login', '--email', 'cus@example.com', '--password-stdin'], { input: 'customer pw 1' })).code).toBe(0);
      const result = await other.run(['users', 'list']);
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/role \(customer\) does not allow/);
      const logout = await other.run(['logout', '--json']);
      expect(logout.json()).toEqual({ loggedOut: true, email: 'cus@example.com' });
      expect((await other.run(['whoami'])).code).toBe(4);
    } finally {
      other.cleanup();
    }
  });

  it('a wrong password exits 4 and says so without telling which part was wrong', async () => {
    const result = await box.run(['login', '--email', 'admin@example.com', '--password', 'wrong wrong']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Wrong email or password');
  });

  it('an unreachable database server exits 1 and says it cannot connect', async () => {
    const result = await box.run(['db', 'status'], { env: { NEXUS_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot connect to the database at postgres:\/\/nobody@127\.0\.0\.1:1\/x/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('db status --json reports the applied migrations; db migrate is a no-op on a current schema', async () => {
    const status = await box.run(['db', 'status', '--json']);
    expect(status.json()).toMatchObject({ kind: 'pglite', current: true, pending: 0 });
    expect((await box.run(['db', 'migrate', '--json'])).json()).toMatchObject({ applied: [] });
  });

  it('config show masks secrets; invalid config lists every problem and exits 2', async () => {
    const show = await box.run(['config', 'show', '--json'], { env: { OPENAI_API_KEY: 'sk-live-abcdefghijklmnop' } });
    expect(show.stdout).not.toContain('abcdefghijklmnop');
    expect(show.json().items.find((s: { key: string }) => s.key === 'ai.apiKey')).toMatchObject({ value: 'sk-…****', source: 'env' });
    const bad = await box.run(['whoami'], { env: { NEXUS_PORT: 'eighty', NEXUS_AI_MAX_RETRIES: '-4' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/port:.*NEXUS_PORT/);
    expect(bad.stderr).toMatch(/ai\.maxRetries/);
  });

  it('config show names the true source of each value: default, desk (secret.key), file, env, flag', async () => {
    expect((await box.run(['config', 'set', 'ai.model', 'file-model'])).code).toBe(0);
    const configFile = (await box.run(['config', 'path', '--json'])).json().path as string;
    const show = async (args: string[], env: Record<string, string | undefined>) => {
      const result = await box.run(['config', 'show', ...args, '--json'], { env });
      expect(result.code, result.stderr).toBe(0);
      return Object.fromEntries(result.json<{ items: { key: string; source: string; from: string | null; value: unknown }[] }>().items.map((r) => [r.key, r]));
    };
    const byEnv = await show([], { NEXUS_PORT: '9099', NEXUS_AI_MODEL: undefined, NEXUS_SECRET_KEY: undefined });
    expect(byEnv.host).toMatchObject({ source: 'default', from: null, value: '127.0.0.1' });
    expect(byEnv.secretKey).toMatchObject({ source: 'desk', from: join(box.env.NEXUS_DATA_DIR!, 'secret.key') });
    expect(byEnv['ai.model']).toMatchObject({ source: 'file', from: configFile, value: 'file-model' });
    expect(byEnv.port).toMatchObject({ source: 'env', from: 'NEXUS_PORT', value: 9099 });
    expect(byEnv.dataDir).toMatchObject({ source: 'env', from: 'NEXUS_DATA_DIR', value: box.env.NEXUS_DATA_DIR });
    // A flag beats env; env beats the file; a secret in env beats the desk's file.
    const byFlag = await show(['--data-dir', box.env.NEXUS_DATA_DIR!], { NEXUS_AI_MODEL: 'env-model', NEXUS_SECRET_KEY: 'e'.repeat(40) });
    expect(byFlag.dataDir).toMatchObject({ source: 'flag', from: '--data-dir' });
    expect(byFlag['ai.model']).toMatchObject({ source: 'env', from: 'NEXUS_AI_MODEL', value: 'env-model' });
    expect(byFlag.secretKey).toMatchObject({ source: 'env', from: 'NEXUS_SECRET_KEY' });
    const csv = await box.run(['config', 'show', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('key,value,source,from,env');
    expect((await box.run(['config', 'unset', 'ai.model'])).code).toBe(0);
  });

  it('doctor says plainly that the AI is off without OPENAI_API_KEY', async () => {
    const result = await box.run(['doctor', '--json'], { env: { OPENAI_API_KEY: undefined } });
    expect(result.code).toBe(0);
    const checks = result.json<{ checks: { name: string; level: string; message: string }[] }>().checks;
    expect(checks.find((c) => c.name === 'ai')).toMatchObject({ level: 'warn', message: expect.stringContaining('OPENAI_API_KEY is not set') });
    expect(checks.find((c) => c.name === 'database')).toMatchObject({ level: 'ok' });
  });
});

describe('one owner per data folder', () => {
  const box = new CliSandbox({ NEXUS_LOCK_WAIT_SECONDS: '0.5' });
  let holder: ReturnType<typeof spawn> | undefined;
  beforeAll(async () => {
    box.initFromTemplate();
  });
  afterAll(() => {
    holder?.kill();
    box.cleanup();
  });

  it('a second process gets a clear message naming the owner, and the database is intact afterwards', async () => {
    holder = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-data-dir.ts', box.env.NEXUS_DATA_DIR!], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      holder!.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('ready')) resolve();
      });
      holder!.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
    });
    const refused = await box.run(['users', 'list', '--json']);
    expect(refused.code).toBe(6);
    expect(refused.json()).toMatchObject({ error: { code: 'DATA_DIR_LOCKED', message: expect.stringContaining(`pid ${holder.pid}: nexus test-holder`) } });
    const closed = new Promise<void>((resolve) => holder!.on('exit', () => resolve()));
    holder.stdin!.end();
    await closed;
    const list = await box.run(['users', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(list.json<{ items: { email: string }[] }>().items.map((u) => u.email).sort()).toEqual(['admin@example.com', 'held@example.com']);
  });

  it('a lock left by a process that died is taken over', async () => {
    const { writeFileSync } = await import('node:fs');
    const { hostname } = await import('node:os');
    writeFileSync(join(box.env.NEXUS_DATA_DIR!, 'nexus.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, hostname: hostname(), command: 'nexus ghost', startedAt: new Date().toISOString() }));
    const result = await box.run(['whoami', '--json']);
    expect(result.code).toBe(0);
  });
});

describe('start-up', () => {
  it('--version prints the version from package.json and exits 0', async () => {
    const { version } = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8'));
    const result = await runNexus(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('--help lists every command with examples', async () => {
    const result = await runNexus(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['init', 'login', 'logout', 'whoami', 'users', 'db', 'config', 'doctor']) expect(result.stdout).toContain(`  ${name}`);
    expect(result.stdout).toContain('Examples:');
    const sub = await runNexus(['users', 'create', '--help']);
    expect(sub.stdout).toContain('$ nexus users create --email');
  });
});
