import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { present, renderTable } from '../output.js';
import { describeActions } from './rules.js';

export function testCommand(ctx: CliContext): Command {
  return new Command('test')
    .description('Show which rules would fire on such a ticket and why; changes nothing')
    .requiredOption('--subject <text>', 'the subject')
    .requiredOption('--message <text>', 'the first message')
    .option('--from <email>', "the customer's email (for domain conditions)")
    .option('--source <source>', 'web, email, api or cli (default api)')
    .option('--context <context>', 'the ticket context')
    .option('--priority <priority>', 'the priority it is opened with (default medium)')
    .option('--json', 'print {"items": [...], "result": ...} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus routing test --subject "Refund please" --message "I was charged twice" --from ana@shop.com')
    .action(async (flags: { subject: string; message: string; from?: string; source?: string; context?: string; priority?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await withFlagNames(
        (await ctx.services()).routing.test(actor, { subject: flags.subject, message: flags.message, from: flags.from, source: flags.source as never, context: flags.context, priority: flags.priority as never }),
        { subject: '--subject', message: '--message', from: '--from', source: '--source', context: '--context', priority: '--priority' },
      );
      present(ctx, flags, result, (r) =>
        r.items.length === 0
          ? 'No rule would fire.'
          : `${renderTable(r.items, [
              { header: '#', value: (m) => m.rule.position },
              { header: 'rule', value: (m) => m.rule.name },
              { header: 'because', value: (m) => m.matched.map((c) => `${c.field} = ${c.value}`).join(' AND ') },
              { header: 'would', value: (m) => describeActions(m) },
              { header: 'assignee', value: (m) => m.wouldAssign },
            ])}\n\nResult: priority ${r.result.priority}${r.result.tags.length ? `, tags ${r.result.tags.join(', ')}` : ''} (nothing was changed)`,
      );
    });
}
