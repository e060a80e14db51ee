import type { Command } from 'commander';
import { NexusError } from '../../../core/errors.js';

export interface AccountFlags {
  displayName?: string;
  alias?: string[];
  default?: boolean;
  active?: boolean;
  webhookOnly?: boolean;
  imapHost?: string;
  imapPort?: string;
  imapTls?: boolean;
  imapUser?: string;
  imapPassword?: string;
  imapMailbox?: string;
  imapDeleteAfterImport?: boolean;
  smtpHost?: string;
  smtpPort?: string;
  smtpSecure?: boolean;
  smtpUser?: string;
  smtpPassword?: string;
  sendgridKey?: string;
  sendgridUrl?: string;
  sesRegion?: string;
  sesAccessKeyId?: string;
  sesSecretKey?: string;
  sesEndpoint?: string;
  outbox?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The flags of `accounts add` and `accounts update`: one per field of each side. */
export function accountOptions(command: Command): Command {
  return command
    .option('--display-name <name>', 'the name in From (e.g. "ACME Support")')
    .option('--alias <address>', 'another address delivering into this mailbox (repeatable)', collect)
    .option('--default', 'send mail not tied to a mailbox (password resets) from this account')
    .option('--no-active', 'keep the account but stop polling and sending')
    .option('--webhook-only', 'inbound mail arrives by provider webhooks (no IMAP)')
    .option('--imap-host <host>', 'IMAP server')
    .option('--imap-port <port>', 'IMAP port (default 993)')
    .option('--no-imap-tls', 'connect without TLS (local servers only)')
    .option('--imap-user <user>', 'IMAP login')
    .option('--imap-password <password>', 'IMAP password (stored encrypted)')
    .option('--imap-mailbox <name>', 'folder to read (default INBOX)')
    .option('--imap-delete-after-import', 'delete mail from the server once ingested (default: keep)')
    .option('--smtp-host <host>', 'send through this SMTP server')
    .option('--smtp-port <port>', 'SMTP port (default 587)')
    .option('--smtp-secure', 'TLS from the start (port 465)')
    .option('--smtp-user <user>', 'SMTP login')
    .option('--smtp-password <password>', 'SMTP password (stored encrypted)')
    .option('--sendgrid-key <key>', 'send through SendGrid with this API key (stored encrypted)')
    .option('--sendgrid-url <url>', 'SendGrid API base URL (tests, EU residency)')
    .option('--ses-region <region>', 'send through Amazon SES v2 in this region')
    .option('--ses-access-key-id <id>', 'SES access key id')
    .option('--ses-secret-key <key>', 'SES secret access key (stored encrypted)')
    .option('--ses-endpoint <url>', 'SES endpoint URL (tests)')
    .option('--outbox', 'keep outgoing mail in the local outbox folder')
    .option('--json', 'print the account as JSON');
}

const num = (value: string | undefined, flag: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new NexusError('VALIDATION_FAILED', `${flag} must be a port number`, { details: [{ path: flag, message: 'must be a port number' }] });
  return n;
};

/** The sides the flags describe (undefined when no flag of that side was given). */
export function sidesFromFlags(flags: AccountFlags) {
  let inbound: Record<string, unknown> | undefined;
  if (flags.webhookOnly) inbound = { kind: 'webhook' };
  else if (flags.imapHost || flags.imapUser || flags.imapPassword) {
    inbound = { kind: 'imap', host: flags.imapHost, port: num(flags.imapPort, '--imap-port'), tls: flags.imapTls !== false, user: flags.imapUser, password: flags.imapPassword, mailbox: flags.imapMailbox, deleteAfterImport: flags.imapDeleteAfterImport ?? false };
  }
  let outbound: Record<string, unknown> | undefined;
  if (flags.smtpHost) outbound = { kind: 'smtp', host: flags.smtpHost, port: num(flags.smtpPort, '--smtp-port'), secure: flags.smtpSecure ?? false, user: flags.smtpUser, password: flags.smtpPassword };
  else if (flags.sendgridKey || flags.sendgridUrl) outbound = { kind: 'sendgrid', apiKey: flags.sendgridKey, baseUrl: flags.sendgridUrl };
  else if (flags.sesRegion) outbound = { kind: 'ses', region: flags.sesRegion, accessKeyId: flags.sesAccessKeyId, secretAccessKey: flags.sesSecretKey, endpoint: flags.sesEndpoint };
  else if (flags.outbox) outbound = { kind: 'outbox' };
  for (const side of [inbound, outbound]) if (side) for (const key of Object.keys(side)) if (side[key] === undefined) delete side[key];
  return { inbound, outbound };
}
