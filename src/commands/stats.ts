import { Command, Option } from 'commander';
import type { DeskStats } from '../core/tickets/get-stats.js';
import type { CliContext } from './context.js';
import { renderCsv } from './csv.js';
import { barChart, withFlagNames } from './flag-names.js';
import { listFormat } from './list-output.js';
import { present, renderFields, renderTable } from './output.js';

const duration = (seconds: number | null): string => {
  if (seconds === null) return '-';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
};

const pct = (r: number | null) => (r === null ? '-' : `${Math.round(r * 100)}%`);

const human = (s: DeskStats, tty: boolean): string =>
  [
    renderFields([
      ['range', s.from || s.to ? `${s.from ?? '…'} – ${s.to ?? '…'}` : 'all time'],
      ['tickets', s.total],
      ['by status', Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(' · ')],
      ['by priority', Object.entries(s.byPriority).map(([k, v]) => `${k} ${v}`).join(' · ')],
      ['open backlog', `<1d ${s.backlogByAge.lessThan1Day} · 1–3d ${s.backlogByAge.from1To3Days} · 3–7d ${s.backlogByAge.from3To7Days} · >7d ${s.backlogByAge.moreThan7Days}`],
      ['first response', `avg ${duration(s.firstResponse.averageSeconds)} · median ${duration(s.firstResponse.medianSeconds)} (${s.firstResponse.count} tickets)`],
      ['resolution', `avg ${duration(s.resolution.averageSeconds)} · median ${duration(s.resolution.medianSeconds)} (${s.resolution.count} tickets)`],
      ['csat', s.csat.ratings ? `${pct(s.csat.satisfiedRate)} satisfied · avg ${s.csat.averageRating} of 5 (${s.csat.ratings} ratings)` : 'no ratings'],
    ]),
    ...(s.byAgent.length
      ? [
          '',
          renderTable(s.byAgent, [
            { header: 'agent', value: (a) => a.agent.email },
            { header: 'tickets', value: (a) => a.tickets },
            { header: 'open', value: (a) => a.open },
            { header: 'resolved', value: (a) => a.resolved },
            { header: 'first resp. median', value: (a) => duration(a.firstResponseMedianSeconds) },
            { header: 'resolution median', value: (a) => duration(a.resolutionMedianSeconds) },
          ]),
        ]
      : []),
    ...(tty
      ? [
          '',
          'Open backlog by age',
          barChart([
            { label: '< 1 day', value: s.backlogByAge.lessThan1Day, text: String(s.backlogByAge.lessThan1Day) },
            { label: '1–3 days', value: s.backlogByAge.from1To3Days, text: String(s.backlogByAge.from1To3Days) },
            { label: '3–7 days', value: s.backlogByAge.from3To7Days, text: String(s.backlogByAge.from3To7Days) },
            { label: '> 7 days', value: s.backlogByAge.moreThan7Days, text: String(s.backlogByAge.moreThan7Days) },
          ]),
        ]
      : []),
  ].join('\n');

export interface StatsRow {
  scope: string;
  metric: string;
  value: string | number | null;
}

/** Every number of a document as dotted metric names (`byStatus.open`, `firstResponse.medianSeconds`). */
function metrics(value: unknown, prefix: string, out: [string, string | number | null][]): [string, string | number | null][] {
  if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) metrics(child, prefix ? `${prefix}.${key}` : key, out);
  else out.push([prefix, value as string | number | null]);
  return out;
}

/**
 * The stats as one tidy table for `--format csv`: a row per number, `scope` is `desk` for the desk's
 * numbers and the agent's email for the per-agent ones; metric names and units are those of `--json`
 * (durations in seconds), and an absent number is an empty field.
 */
export function statsRows(s: DeskStats): StatsRow[] {
  const { byAgent, ...desk } = s;
  return [
    ...metrics(desk, '', []).map(([metric, value]) => ({ scope: 'desk', metric, value })),
    ...byAgent.flatMap(({ agent, ...numbers }) => [
      { scope: agent.email, metric: 'agent.name', value: agent.name },
      ...metrics(numbers, '', []).map(([metric, value]) => ({ scope: agent.email, metric, value })),
    ]),
  ];
}

export function command(ctx: CliContext): Command {
  return new Command('stats')
    .description('Desk numbers: tickets by status and priority, backlog by age, response and resolution times (staff)')
    .option('--from <date>', 'tickets created at or after (2026-11-01 or an ISO time)')
    .option('--to <date>', 'tickets created before; a bare date includes that day')
    .option('--json', 'print the numbers as JSON (durations in seconds)')
    .addOption(new Option('--format <format>', 'table (default), csv (RFC 4180: scope,metric,value — a row per number) or json').choices(['table', 'csv', 'json']))
    .addHelpText(
      'after',
      '\nExamples:\n  $ nexus stats\n  $ nexus stats --from 2026-11-01 --to 2026-11-30\n  $ nexus stats --json | jq .firstResponse.medianSeconds\n  $ nexus stats --format csv > stats.csv',
    )
    .action(async (flags: { from?: string; to?: string; json?: boolean; format?: 'table' | 'csv' | 'json' }) => {
      const format = listFormat(flags);
      const actor = await ctx.actor();
      const stats = await withFlagNames((await ctx.services()).tickets.stats(actor, { from: flags.from, to: flags.to }), { from: '--from', to: '--to' });
      if (format === 'csv') {
        ctx.io.stdout.write(renderCsv(statsRows(stats), [
          { header: 'scope', value: (r) => r.scope },
          { header: 'metric', value: (r) => r.metric },
          { header: 'value', value: (r) => r.value },
        ]));
        return;
      }
      present(ctx, { json: format === 'json' }, stats, (s) => human(s, !!ctx.io.stdout.isTTY));
    });
}
