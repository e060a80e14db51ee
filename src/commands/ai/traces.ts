import { Command } from 'commander';
import type { AiTrace } from '../../core/ai/list-ai-traces.js';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { formatTime } from '../time-format.js';

export function tracesCommand(ctx: CliContext): Command {
  return withListOptions(
    new Command('traces')
      .description('What the AI decided for each customer message: outcome, model, tokens, cost, redactions')
      .option('--ticket <number>', 'only this ticket, e.g. 1042')
      .option('--limit <n>', 'traces per page, newest first, 1–1000', '50'),
    'traces',
    { paged: true },
  )
    .addHelpText('after', '\nExamples:\n  $ nexus ai traces\n  $ nexus ai traces --ticket 1042 --json')
    .action(async (flags: ListFlags & { ticket?: string; limit: string }) => {
      const actor = await ctx.actor();
      const ticket = flags.ticket?.replace(/^#/, '');
      const services = await ctx.services();
      const page = await fetchList(flags, (cursor) => services.ai.traces(actor, { ticket: ticket as unknown as number, limit: flags.limit, cursor }));
      presentList<AiTrace>(ctx, flags, page, {
        empty: 'No AI traces yet.',
        columns: [
                { header: 'when', value: (r) => formatTime(r.createdAt) },
                { header: 'ticket', value: (r) => `#${r.ticketNumber}` },
                { header: 'outcome', value: (r) => r.outcome },
                { header: 'reason', value: (r) => r.reason },
                { header: 'conf', value: (r) => (r.confidence === null ? null : r.confidence.toFixed(2)) },
                { header: 'tokens', value: (r) => `${r.tokensIn}/${r.tokensOut}` },
                { header: 'ms', value: (r) => r.latencyMs },
                { header: 'usd', value: (r) => r.costUsd.toFixed(6) },
                { header: 'redacted', value: (r) => r.redactions.map((f) => f.type).join(',') || null },
                { header: 'model', value: (r) => `${r.model} ${r.promptVersion}` },
        ],
      });
    });
}
