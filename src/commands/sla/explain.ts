import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { present, renderFields, renderTable } from '../output.js';
import { ticketNumber } from '../tickets/present-ticket.js';

export function explainCommand(ctx: CliContext): Command {
  return new Command('explain')
    .description("Show a ticket's SLA step by step: created at, each pause, business hours skipped, the due times")
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--now <time>', 'evaluate as of another moment (ISO time)')
    .option('--json', 'print the SLA document as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus sla explain 1042\n  $ nexus sla explain 1042 --now 2026-12-01T09:00:00Z --json')
    .action(async (ticket: string, flags: { now?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const doc = await withFlagNames((await ctx.services()).sla.explain(actor, { ticket: ticketNumber(ticket), now: flags.now }), { now: '--now' });
      present(ctx, flags, doc, (d) =>
        [
          renderFields([
            ['ticket', `#${d.ticketNumber}`],
            ['state', d.state],
            ['policy', d.policy ? `${d.policy.name} (${d.policy.priority}${d.policy.calendar ? `, ${d.policy.calendar}` : ', around the clock'})` : null],
            ['first response', d.firstResponse ? `${d.firstResponse.state}, due ${d.firstResponse.dueAt ?? '-'}` : null],
            ['resolution', d.resolution ? `${d.resolution.state}, due ${d.resolution.dueAt ?? '-'}` : null],
            ['evaluated at', d.evaluatedAt],
          ]),
          '',
          renderTable(d.steps ?? [], [
            { header: 'at', value: (s) => s.at.replace('T', ' ').slice(0, 19) },
            { header: 'step', value: (s) => s.text },
          ]),
        ].join('\n'),
      );
    });
}
