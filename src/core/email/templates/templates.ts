import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

export const TEMPLATE_KEYS = ['ack', 'agent_reply', 'closed', 'password_reset'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplateText {
  subject: string;
  body: string;
  enabled: boolean;
}

/** The built-in texts; an admin's edit (email_templates row) replaces one. */
export const DEFAULT_TEMPLATES: Record<TemplateKey, TemplateText> = {
  ack: {
    subject: 'Re: [#{{ticket.number}}] {{ticket.subject}}',
    body: [
      'Hello {{customer.name}},',
      '',
      'we received your message and opened ticket #{{ticket.number}} ({{ticket.subject}}). Reply to this mail to add to it.',
      '',
      '— {{company.name}}',
    ].join('\n'),
    enabled: true,
  },
  agent_reply: {
    subject: 'Re: [#{{ticket.number}}] {{ticket.subject}}',
    body: '{{message.body}}\n\n— {{agent.name}}, {{company.name}}',
    enabled: true,
  },
  closed: {
    subject: 'Re: [#{{ticket.number}}] {{ticket.subject}}',
    body: 'Hello {{customer.name}},\n\nticket #{{ticket.number}} is now closed. Reply to this mail if you need anything else.\n\n— {{company.name}}',
    enabled: true,
  },
  password_reset: {
    subject: 'Reset your {{company.name}} password',
    body: [
      'Someone (hopefully you) asked to reset the password of {{customer.email}}.',
      '',
      '{{reset.link}}',
      '',
      'It works once, within {{reset.minutes}} minutes. If you did not ask, ignore this mail.',
    ].join('\n'),
    enabled: true,
  },
};

export const TEMPLATE_VARIABLES = ['ticket.number', 'ticket.subject', 'customer.name', 'customer.email', 'agent.name', 'message.body', 'company.name', 'reset.link', 'reset.minutes'] as const;

export type TemplateVariables = Partial<Record<(typeof TEMPLATE_VARIABLES)[number], string | number | null>>;

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const fill = (template: string, vars: TemplateVariables, escape: (s: string) => string): string =>
  template.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (whole, name: string) => {
    const value = vars[name as keyof TemplateVariables];
    return value === undefined || value === null ? '' : escape(String(value));
  });

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Plain variables: raw in the text part and the subject (one line), HTML-escaped in the HTML part. */
export function renderTemplate(template: TemplateText, vars: TemplateVariables): RenderedMail {
  const subject = fill(template.subject, vars, (s) => s).replace(/[\r\n]+/g, ' ').trim();
  const text = fill(template.body, vars, (s) => s);
  const html = `<!doctype html><html><body><div style="font-family:sans-serif;white-space:pre-wrap">${fill(escapeHtml(template.body), vars, escapeHtml).replace(/\n/g, '<br>\n')}</div></body></html>`;
  return { subject, text, html };
}

export async function loadTemplate(db: Kysely<DB> | Transaction<DB>, key: TemplateKey): Promise<TemplateText> {
  const row = await db.selectFrom('email_templates').select(['subject', 'body', 'enabled']).where('key', '=', key).executeTakeFirst();
  return row ?? DEFAULT_TEMPLATES[key];
}
