import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { present, renderTable } from '../output.js';

export function checkCommand(ctx: CliContext): Command {
  return new Command('check')
    .description('Write SLA warnings and breaches into ticket histories (for cron; serve and worker also do it every minute)')
    .option('--now <time>', 'evaluate as of another moment (ISO time)')
    .option('--json', 'print {"items": [...], ...} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus sla check\n  */5 * * * * nexus sla check --json >> /var/log/nexus-sla.log')
    .action(async (flags: { now?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await withFlagNames((await ctx.services()).sla.check(actor, { now: flags.now }), { now: '--now' });
      present(ctx, flags, result, (r) =>
        r.items.length === 0
          ? `No new SLA warnings or breaches (${r.evaluated} tickets evaluated).`
          : renderTable(r.items, [
              { header: 'ticket', value: (i) => `#${i.ticketNumber}` },
              { header: 'target', value: (i) => i.target },
              { header: 'event', value: (i) => i.kind },
              { header: 'due', value: (i) => i.dueAt },
            ]),
      );
    });
}
