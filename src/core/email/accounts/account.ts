import type { Selectable } from 'kysely';
import { z } from 'zod';
import { emailSchema } from '../../validation.js';
import type { EmailAccountsTable } from '../db-types.js';
import { open, seal } from '../secret-box.js';

export type AccountRow = Selectable<EmailAccountsTable>;

/** The secrets of an account: kept only encrypted, in secrets_enc. */
export interface AccountSecrets {
  imapPassword?: string;
  smtpPassword?: string;
  sendgridApiKey?: string;
  sesSecretAccessKey?: string;
}

const host = z.string().trim().min(1, 'must not be empty').max(255);
const port = z.coerce.number().int().min(1).max(65535);

export const inboundInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('imap'),
    host,
    port: port.default(993),
    tls: z.boolean().default(true),
    user: z.string().min(1).max(320),
    password: z.string().min(1).max(1000).optional(),
    mailbox: z.string().min(1).max(200).default('INBOX'),
    deleteAfterImport: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('webhook') }),
]);

export const outboundInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('smtp'), host, port: port.default(587), secure: z.boolean().default(false), user: z.string().max(320).optional(), password: z.string().max(1000).optional() }),
  z.object({ kind: z.literal('sendgrid'), apiKey: z.string().min(1).max(1000).optional(), baseUrl: z.url().optional() }),
  z.object({ kind: z.literal('ses'), region: z.string().min(1).max(50), accessKeyId: z.string().min(1).max(200), secretAccessKey: z.string().min(1).max(1000).optional(), endpoint: z.url().optional() }),
  z.object({ kind: z.literal('outbox') }),
]);
export type InboundInput = z.output<typeof inboundInput>;
export type OutboundInput = z.output<typeof outboundInput>;

export const accountFields = {
  displayName: z.string().trim().min(1).max(200).nullish(),
  aliases: z.array(emailSchema).max(50).optional(),
  isDefault: z.boolean().optional(),
  isActive: z.boolean().optional(),
};

/** Splits validated sides into what is stored in the clear and what is encrypted. */
export function splitSecrets(inbound: InboundInput, outbound: OutboundInput, previous: AccountSecrets = {}) {
  const secrets: AccountSecrets = { ...previous };
  const { password: imapPassword, ...inboundPlain } = inbound.kind === 'imap' ? inbound : { ...inbound, password: undefined };
  if (inbound.kind === 'imap' && imapPassword !== undefined) secrets.imapPassword = imapPassword;
  if (inbound.kind !== 'imap') delete secrets.imapPassword;
  let outboundPlain: Record<string, unknown> = { ...outbound };
  delete secrets.smtpPassword;
  if (outbound.kind === 'smtp') {
    const { password, ...rest } = outbound;
    outboundPlain = rest;
    if (password !== undefined) secrets.smtpPassword = password;
    else if (previous.smtpPassword) secrets.smtpPassword = previous.smtpPassword;
  }
  if (outbound.kind === 'sendgrid') {
    const { apiKey, ...rest } = outbound;
    outboundPlain = rest;
    secrets.sendgridApiKey = apiKey ?? previous.sendgridApiKey;
  } else delete secrets.sendgridApiKey;
  if (outbound.kind === 'ses') {
    const { secretAccessKey, ...rest } = outbound;
    outboundPlain = rest;
    secrets.sesSecretAccessKey = secretAccessKey ?? previous.sesSecretAccessKey;
  } else delete secrets.sesSecretAccessKey;
  for (const key of Object.keys(secrets) as (keyof AccountSecrets)[]) if (secrets[key] === undefined) delete secrets[key];
  return { inboundPlain: inboundPlain as Record<string, unknown>, outboundPlain, secrets };
}

export const sealSecrets = (key: string | undefined, secrets: AccountSecrets): string | null => (Object.keys(secrets).length === 0 ? null : seal(key, JSON.stringify(secrets)));
export const openSecrets = (key: string | undefined, row: Pick<AccountRow, 'secrets_enc'>): AccountSecrets => (row.secrets_enc ? (JSON.parse(open(key, row.secrets_enc)) as AccountSecrets) : {});

const MASK = '********';

export interface EmailAccount {
  id: string;
  address: string;
  displayName: string | null;
  aliases: string[];
  isDefault: boolean;
  isActive: boolean;
  inbound: Record<string, unknown>;
  outbound: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** The one document of an account; secrets show as a mask (or null when unset), never their value. */
export function presentAccount(row: AccountRow): EmailAccount {
  const inbound: Record<string, unknown> = { ...row.inbound };
  const outbound: Record<string, unknown> = { ...row.outbound };
  const has = (name: string) => (row.secrets_enc ? (row.inbound.secretNames as string[] | undefined)?.includes(name) || (row.outbound.secretNames as string[] | undefined)?.includes(name) : false);
  delete inbound.secretNames;
  delete outbound.secretNames;
  if (inbound.kind === 'imap') inbound.password = has('imapPassword') ? MASK : null;
  if (outbound.kind === 'smtp') outbound.password = has('smtpPassword') ? MASK : null;
  if (outbound.kind === 'sendgrid') outbound.apiKey = has('sendgridApiKey') ? MASK : null;
  if (outbound.kind === 'ses') outbound.secretAccessKey = has('sesSecretAccessKey') ? MASK : null;
  for (const side of [inbound, outbound]) for (const [k, v] of Object.entries(side)) if (v === undefined) side[k] = null;
  return {
    id: row.id,
    address: row.address,
    displayName: row.display_name,
    aliases: row.aliases,
    isDefault: row.is_default,
    isActive: row.is_active,
    inbound,
    outbound,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
