import { z } from 'zod';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { DEFAULT_TEMPLATES, loadTemplate, renderTemplate, TEMPLATE_KEYS, TEMPLATE_VARIABLES, type RenderedMail, type TemplateKey } from './templates.js';

export interface EmailTemplate {
  key: TemplateKey;
  subject: string;
  body: string;
  enabled: boolean;
  /** False once an admin edited it. */
  isDefault: boolean;
  variables: string[];
}

const keySchema = z.enum(TEMPLATE_KEYS, { message: `must be one of ${TEMPLATE_KEYS.join(', ')}` });

async function present(deps: Deps, key: TemplateKey): Promise<EmailTemplate> {
  const row = await deps.db.selectFrom('email_templates').select(['subject', 'body', 'enabled']).where('key', '=', key).executeTakeFirst();
  const text = row ?? DEFAULT_TEMPLATES[key];
  return { key, subject: text.subject, body: text.body, enabled: text.enabled, isDefault: !row, variables: [...TEMPLATE_VARIABLES] };
}

export async function listTemplates(deps: Deps, actor: Actor): Promise<{ items: EmailTemplate[]; nextCursor: null }> {
  authorize(actor, 'templates.manage');
  return { items: await Promise.all(TEMPLATE_KEYS.map((key) => present(deps, key))), nextCursor: null };
}

export async function showTemplate(deps: Deps, actor: Actor, input: { key: string }): Promise<EmailTemplate> {
  authorize(actor, 'templates.manage');
  const { key } = parseInput(z.object({ key: keySchema }), input);
  return present(deps, key);
}

export const editTemplateInput = z.object({
  key: keySchema,
  subject: z.string().trim().min(1, 'must not be empty').max(500).optional(),
  body: z.string().min(1, 'must not be empty').max(20_000).optional(),
  enabled: z.boolean().optional(),
  /** Back to the built-in text. */
  reset: z.boolean().optional(),
});

/** Unknown `{{variables}}` are refused, so a typo never sends an empty gap to customers. */
function checkVariables(text: string, path: string): void {
  for (const match of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(match[1]!)) {
      throw new NexusError('VALIDATION_FAILED', `Unknown template variable {{${match[1]}}}`, { details: [{ path, message: `unknown variable {{${match[1]}}}; use ${TEMPLATE_VARIABLES.join(', ')}` }] });
    }
  }
}

export async function editTemplate(deps: Deps, actor: Actor, input: z.input<typeof editTemplateInput>): Promise<EmailTemplate> {
  authorize(actor, 'templates.manage');
  const data = parseInput(editTemplateInput, input);
  if (data.reset) {
    await deps.db.deleteFrom('email_templates').where('key', '=', data.key).execute();
    return present(deps, data.key);
  }
  if (data.subject) checkVariables(data.subject, 'subject');
  if (data.body) checkVariables(data.body, 'body');
  const current = await loadTemplate(deps.db, data.key);
  const next = { subject: data.subject ?? current.subject, body: data.body ?? current.body, enabled: data.enabled ?? current.enabled };
  await deps.db
    .insertInto('email_templates')
    .values({ key: data.key, ...next, updated_at: deps.clock.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ ...next, updated_at: deps.clock.now() }))
    .execute();
  return present(deps, data.key);
}

/** Renders a template against a ticket (its number, subject, customer, latest agent reply) or sample data. */
export async function previewTemplate(deps: Deps, actor: Actor, input: { key: string; ticket?: number }): Promise<RenderedMail & { key: TemplateKey; ticketNumber: number | null }> {
  authorize(actor, 'templates.manage');
  const { key, ticket } = parseInput(z.object({ key: keySchema, ticket: z.coerce.number().int().positive().optional() }), input);
  const template = await loadTemplate(deps.db, key);
  const company = deps.config.companyName ?? 'Support';
  let vars: Parameters<typeof renderTemplate>[1] = { 'ticket.number': 1042, 'ticket.subject': 'Printer jams', 'customer.name': 'Pat Doe', 'customer.email': 'pat@example.com', 'agent.name': actor.name, 'message.body': 'Please try restarting it.', 'company.name': company, 'reset.link': `${deps.config.publicUrl ?? 'https://desk.example.com'}/reset-password?token=…`, 'reset.minutes': 30 };
  if (ticket !== undefined) {
    const row = await deps.db.selectFrom('tickets').innerJoin('users as c', 'c.id', 'tickets.customer_id').select(['tickets.id', 'tickets.number', 'tickets.subject', 'c.name', 'c.email']).where('tickets.number', '=', ticket).where('tickets.deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new NexusError('NOT_FOUND', `Ticket #${ticket} not found`);
    const last = await deps.db.selectFrom('messages').select('body').where('ticket_id', '=', row.id).where('kind', 'in', ['agent', 'ai']).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    vars = { ...vars, 'ticket.number': row.number, 'ticket.subject': row.subject, 'customer.name': row.name || row.email, 'customer.email': row.email, 'message.body': last?.body ?? vars['message.body'] };
  }
  return { key, ticketNumber: ticket ?? null, ...renderTemplate(template, vars) };
}
