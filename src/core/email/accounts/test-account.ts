import { ImapFlow } from 'imapflow';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { accountTransport, type TransportFactory } from '../outbound/send-outbox.js';
import { openSecrets } from './account.js';
import { findAccount } from './list-accounts.js';

export interface AccountCheck {
  side: 'inbound' | 'outbound';
  step: string;
  ok: boolean;
  message: string;
}

/** A one-line reason from an IMAP or SMTP library error, never a stack trace. */
export function describeMailError(error: unknown): string {
  const e = error as { authenticationFailed?: boolean; responseText?: string; response?: string; code?: string; message?: string; responseCode?: number };
  if (e.authenticationFailed || e.code === 'EAUTH' || e.responseCode === 535) return `login refused: wrong user or password${e.responseText ? ` (${e.responseText})` : ''}`;
  if (e.code === 'ECONNREFUSED') return 'connection refused: check host and port';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'host not found';
  if (e.code === 'ETIMEDOUT' || e.code === 'ETIMEOUT') return 'timed out';
  return (e.responseText ?? e.response ?? e.message ?? String(error)).split('\n')[0]!.slice(0, 300);
}

export async function testImapLogin(settings: { host: string; port: number; tls: boolean; user: string; password: string; mailbox: string }): Promise<AccountCheck[]> {
  const client = new ImapFlow({ host: settings.host, port: settings.port, secure: settings.tls, auth: { user: settings.user, pass: settings.password }, logger: false, connectionTimeout: 15_000, greetingTimeout: 10_000, tls: { rejectUnauthorized: true } });
  client.on('error', () => {});
  const checks: AccountCheck[] = [];
  try {
    await client.connect();
    checks.push({ side: 'inbound', step: 'login', ok: true, message: `logged in to ${settings.host}:${settings.port} as ${settings.user}` });
    const status = await client.status(settings.mailbox, { messages: true, uidValidity: true });
    checks.push({ side: 'inbound', step: 'mailbox', ok: true, message: `${settings.mailbox}: ${status ? (status.messages ?? 0) : 0} messages` });
  } catch (error) {
    checks.push({ side: 'inbound', step: checks.length === 0 ? 'login' : 'mailbox', ok: false, message: describeMailError(error) });
  } finally {
    await client.logout().catch(() => client.close());
  }
  return checks;
}

/** Logs in to both sides of an account and reports each step (`nexus email accounts test`). */
export async function testAccount(deps: Deps, actor: Actor, input: { account: string }, options: { transportFor?: TransportFactory } = {}): Promise<{ account: string; ok: boolean; checks: AccountCheck[] }> {
  authorize(actor, 'email.manage');
  const row = await findAccount(deps.db, input.account);
  const secrets = openSecrets(deps.config.secretKey, row);
  const checks: AccountCheck[] = [];
  const inbound = row.inbound as Record<string, unknown>;
  if (inbound.kind === 'imap') {
    checks.push(...(await testImapLogin({ host: String(inbound.host), port: Number(inbound.port), tls: inbound.tls !== false, user: String(inbound.user), password: secrets.imapPassword ?? '', mailbox: String(inbound.mailbox ?? 'INBOX') })));
  } else checks.push({ side: 'inbound', step: 'webhook', ok: true, message: 'webhook only: nothing to log in to' });
  const transport = (options.transportFor ?? accountTransport)(row, deps);
  if (!transport?.verify) checks.push({ side: 'outbound', step: 'transport', ok: true, message: 'local outbox: nothing to log in to' });
  else {
    try {
      await transport.verify();
      checks.push({ side: 'outbound', step: 'login', ok: true, message: `${String((row.outbound as Record<string, unknown>).kind)} accepted the credentials` });
    } catch (error) {
      checks.push({ side: 'outbound', step: 'login', ok: false, message: describeMailError(error) });
    } finally {
      transport.close?.();
    }
  }
  return { account: row.address, ok: checks.every((c) => c.ok), checks };
}
