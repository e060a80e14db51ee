import { Command } from 'commander';
import type { AiTrace } from '../../core/ai/list-ai-traces.js';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function tracesCommand(ctx: CliContext): Command {
  return new Command('traces')
    .description('What the AI decided for each customer message: outcome, model, tokens, cost, redactions')
    .option('--ticket <number>', 'only this ticket, e.g. 1042')
    .option('--limit <n>', 'at most this many, newest first', (v) => Number(v), 50)
    .option('--json', 'print the traces as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus ai traces\n  $ nexus ai traces --ticket 1042 --json')
    .action(async (flags: { ticket?: string; limit: number; json?: boolean }) => {
      const actor = await ctx.actor();
      const ticket = flags.ticket?.replace(/^#/, '');
      const traces = await (await ctx.services()).ai.traces(actor, { ticket: ticket as unknown as number, limit: flags.limit });
      present(ctx, flags, traces, (rows) =>
        rows.length === 0
          ? 'No AI traces yet.'
          : renderTable<AiTrace>(
              rows,
              [
                { header: 'when', value: (r) => r.createdAt.replace('T', ' ').slice(0, 19) },
                { header: 'ticket', value: (r) => `#${r.ticket}` },
                { header: 'outcome', value: (r) => r.outcome },
                { header: 'reason', value: (r) => r.reason },
                { header: 'conf', value: (r) => (r.confidence === null ? null : r.confidence.toFixed(2)) },
                { header: 'tokens', value: (r) => `${r.tokensIn}/${r.tokensOut}` },
                { header: 'ms', value: (r) => r.latencyMs },
                { header: 'usd', value: (r) => r.costUsd.toFixed(6) },
                { header: 'redacted', value: (r) => r.redactions.map((f) => f.type).join(',') || null },
                { header: 'model', value: (r) => `${r.model} ${r.promptVersion}` },
              ],
              ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined,
            ),
      );
    });
}
