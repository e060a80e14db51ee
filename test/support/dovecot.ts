import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  /** Stops the server by the pid in its base_dir and removes its folder. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A throwaway Dovecot IMAP server (see DEPENDENCIES.md "Services for tests"): 127.0.0.1 on a spare
 * port, plaintext auth, one passwd-file user, maildirs under a temp folder owned by `mail`.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'nexus-dovecot-'));
  // Dovecot's auth and mail processes run as other users: they must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'support';
  const password = 'imap-test-password';
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const mailUid = Number(execFileSync('id', ['-u', 'mail']).toString().trim());
  const mailGid = Number(execFileSync('id', ['-g', 'mail']).toString().trim());
  chownSync(join(dir, 'mail'), mailUid, mailGid);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const conf = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // Dovecot's brakes on password guessing, off: a failed login waits auth_failure_delay (2 s), and
    // the anvil penalty delays every later login from the same address ~4.5 s more (the socket's mode 0
    // turns it off, as dovecot's 10-master.conf documents). The wrong-password test logs in twice and
    // waited 5-8 s; the tests are about how we handle the refusal, not about Dovecot's throttle.
    'auth_failure_delay = 0',
    'first_valid_uid = 8',
    `mail_location = maildir:${dir}/mail/%u`,
    'service anvil {', // see auth_failure_delay above
    '  unix_listener anvil-auth-penalty {',
    '    mode = 0',
    '  }',
    '}',
    'service imap-login {',
    '  inet_listener imap {',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'passdb {',
    '  driver = passwd-file',
    `  args = ${dir}/passwd`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=mail gid=mail home=${dir}/mail/%u`,
    '}',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  // The daemon keeps inherited pipes open: no stdio, or the call waits for it to exit.
  execFileSync(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port, 15_000);
  return {
    port,
    user,
    password,
    stop: async () => {
      const pidFile = join(dir, 'run', 'master.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          try {
            process.kill(pid, 0);
          } catch {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
