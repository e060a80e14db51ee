import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { EmailTemplate } from '../../core/email/templates/manage-templates.js';
import type { CliContext } from '../context.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';
import { present, renderFields } from '../output.js';

const fields = (t: EmailTemplate) => `${renderFields([['key', t.key], ['enabled', t.enabled ? 'yes' : 'no'], ['edited', t.isDefault ? 'no (built-in)' : 'yes'], ['subject', t.subject]])}\n\n${t.body}`;

export function templatesCommand(ctx: CliContext): Command {
  const list = withListOptions(new Command('list').description('List the mail templates (ack, agent_reply, closed, password_reset)'), 'templates')
    .addHelpText('after', '\nExamples:\n  $ nexus email templates list\n  $ nexus email templates list --format csv')
    .action(async (flags: ListFlags) => {
      const result = await (await ctx.services()).email.templates.list(await ctx.actor());
      presentList(ctx, flags, result, {
        empty: 'No templates.',
        columns: [
          { header: 'key', value: (t) => t.key },
          { header: 'enabled', value: (t) => (t.enabled ? 'yes' : 'no') },
          { header: 'edited', value: (t) => (t.isDefault ? 'no' : 'yes') },
          { header: 'subject', value: (t) => t.subject },
        ],
      });
    });
  const show = new Command('show')
    .description('Show one template with its variables')
    .argument('<key>', 'ack, agent_reply, closed or password_reset')
    .option('--json', 'print the template as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus email templates show ack')
    .action(async (key: string, flags: { json?: boolean }) => {
      const template = await (await ctx.services()).email.templates.show(await ctx.actor(), key);
      present(ctx, flags, template, (t) => `${fields(t)}\n\nVariables: ${t.variables.map((v) => `{{${v}}}`).join(' ')}`);
    });
  const edit = new Command('edit')
    .description('Change a template: subject, body (plain text with {{variables}}), on/off, or back to the built-in text')
    .argument('<key>', 'ack, agent_reply, closed or password_reset')
    .option('--subject <text>', 'the subject line')
    .option('--body <text>', 'the body text')
    .option('--body-file <path>', 'read the body from a file')
    .option('--enable', 'send this mail')
    .option('--disable', 'never send this mail (e.g. no acknowledgements)')
    .option('--reset', 'back to the built-in text')
    .option('--json', 'print the template as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus email templates edit ack --body-file ack.txt\n  $ nexus email templates edit ack --disable')
    .action(async (key: string, flags: { subject?: string; body?: string; bodyFile?: string; enable?: boolean; disable?: boolean; reset?: boolean; json?: boolean }) => {
      const body = flags.bodyFile ? await readFile(flags.bodyFile, 'utf8') : flags.body;
      const enabled = flags.enable ? true : flags.disable ? false : undefined;
      const template = await (await ctx.services()).email.templates.edit(await ctx.actor(), { key: key as never, subject: flags.subject, body, enabled, reset: flags.reset });
      present(ctx, flags, template, (t) => `✓ Saved ${t.key}\n${fields(t)}`);
    });
  const preview = new Command('preview')
    .description('Render a template against a ticket (or sample data)')
    .argument('<key>', 'ack, agent_reply, closed or password_reset')
    .option('--ticket <number>', 'use this ticket’s number, subject, customer and latest reply')
    .option('--json', 'print {key, ticket, subject, text, html}')
    .addHelpText('after', '\nExamples:\n  $ nexus email templates preview agent_reply --ticket 1042')
    .action(async (key: string, flags: { ticket?: string; json?: boolean }) => {
      const rendered = await (await ctx.services()).email.templates.preview(await ctx.actor(), { key, ticket: flags.ticket === undefined ? undefined : Number(flags.ticket.replace(/^#/, '')) });
      present(ctx, flags, rendered, (r) => `Subject: ${r.subject}\n\n${r.text}`);
    });
  return new Command('templates').description('The mail templates (admin)').addCommand(list).addCommand(show).addCommand(edit).addCommand(preview);
}
