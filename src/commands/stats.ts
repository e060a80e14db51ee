import { Command } from 'commander';
import type { DeskStats } from '../core/tickets/get-stats.js';
import type { CliContext } from './context.js';
import { present, renderFields } from './output.js';

const duration = (seconds: number | null): string => {
  if (seconds === null) return '-';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
};

const human = (s: DeskStats): string =>
  [
    renderFields([
      ['tickets', s.total],
      ['by status', Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(' · ')],
      ['by priority', Object.entries(s.byPriority).map(([k, v]) => `${k} ${v}`).join(' · ')],
      ['open backlog', `<1d ${s.backlogByAge.lessThan1Day} · 1–3d ${s.backlogByAge.from1To3Days} · 3–7d ${s.backlogByAge.from3To7Days} · >7d ${s.backlogByAge.moreThan7Days}`],
      ['first response', `avg ${duration(s.firstResponse.averageSeconds)} · median ${duration(s.firstResponse.medianSeconds)} (${s.firstResponse.count} tickets)`],
      ['resolution', `avg ${duration(s.resolution.averageSeconds)} · median ${duration(s.resolution.medianSeconds)} (${s.resolution.count} tickets)`],
    ]),
  ].join('\n');

export function command(ctx: CliContext): Command {
  return new Command('stats')
    .description('Desk numbers: tickets by status and priority, backlog by age, response and resolution times (staff)')
    .option('--json', 'print the numbers as JSON (durations in seconds)')
    .addHelpText('after', '\nExamples:\n  $ nexus stats\n  $ nexus stats --json | jq .firstResponse.medianSeconds')
    .action(async (flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const stats = await (await ctx.services()).tickets.stats(actor);
      present(ctx, flags, stats, human);
    });
}
