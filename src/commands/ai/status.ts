import { Command } from 'commander';
import type { AiStatus } from '../../core/ai/get-ai-status.js';
import type { CliContext } from '../context.js';
import { present, renderFields } from '../output.js';
import { formatTime } from '../time-format.js';

function human(s: AiStatus): string {
  const breaker = s.breaker.state === 'open' ? `open since ${s.breaker.openedAt} (probe at ${s.breaker.probeAt})` : s.breaker.state;
  const seenBy = s.server ? `${s.server.command} (pid ${s.server.pid} on ${s.server.hostname}, seen ${formatTime(s.server.seenAt)})` : 'no server or worker runs: this desk\'s configuration as read here';
  return renderFields([
    ['configuration', seenBy],
    ['AI replies', s.enabled ? 'on' : `off: ${s.disabledReason}`],
    ['provider', `${s.provider} (${s.baseUrlHost})`],
    ['model', s.model],
    ['API key', s.apiKeyPresent ? 'present' : 'missing'],
    ['prompt', `${s.prompt.version} (${s.prompt.hash})`],
    ['breaker', `${breaker}; ${s.breaker.consecutiveFailures}/${s.breaker.threshold} consecutive failures`],
    ['last error', s.breaker.lastError],
    ['per ticket', `${s.limits.perTicket.maxReplies} replies per ${s.limits.perTicket.windowSeconds} s`],
    ['this minute', `${s.usage.thisMinute.requests}/${s.limits.requestsPerMinute} requests, ${s.usage.thisMinute.tokens}/${s.limits.tokensPerMinute} tokens`],
    ['spent today', `$${s.usage.spentTodayUsd.toFixed(4)} of $${s.limits.dailyBudgetUsd.toFixed(2)}`],
    ['min confidence', s.limits.minConfidence],
    ['queue', `${s.queue.queued} queued, ${s.queue.running} running`],
  ]);
}

export function statusCommand(ctx: CliContext): Command {
  return new Command('status')
    .description('The desk\'s AI as the running server sees it: on or off (and why), provider, model, key present, breaker, limits, usage, spend today')
    .option('--json', 'print the status as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus ai status\n  $ nexus ai status --json')
    .action(async (flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      present(ctx, flags, await (await ctx.services()).ai.status(actor), human);
    });
}
