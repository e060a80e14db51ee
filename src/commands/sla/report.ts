import { Command } from 'commander';
import type { SlaReport, SlaReportRow } from '../../core/sla/sla-report.js';
import { ERRORS, NexusError } from '../../core/errors.js';
import { formatDuration } from '../../core/sla/sla-clock.js';
import type { CliContext } from '../context.js';
import { csvLines } from '../csv.js';
import { barChart, withFlagNames } from '../flag-names.js';
import { note, renderTable } from '../output.js';

const FORMATS = ['table', 'json', 'csv'] as const;
const COLUMNS: [string, (r: SlaReportRow) => string | number | null][] = [
  ['group', (r) => r.group],
  ['tickets', (r) => r.tickets],
  ['with_policy', (r) => r.withPolicy],
  ['met', (r) => r.met],
  ['breached', (r) => r.breached],
  ['running', (r) => r.running],
  ['paused', (r) => r.paused],
  ['met_rate', (r) => r.metRate],
  ['first_response_p50_seconds', (r) => r.firstResponse.p50Seconds],
  ['first_response_p90_seconds', (r) => r.firstResponse.p90Seconds],
  ['resolution_p50_seconds', (r) => r.resolution.p50Seconds],
  ['resolution_p90_seconds', (r) => r.resolution.p90Seconds],
];

export function reportCsv(report: SlaReport): string {
  const rows = [...report.items, { ...report.total, group: '(total)' }];
  return csvLines([COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, v]) => v(r)))]);
}

const dur = (s: number | null) => (s === null ? '-' : formatDuration(s));
const pct = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);

function reportTable(report: SlaReport, tty: boolean): string {
  const rows = [...report.items, { ...report.total, group: report.groupBy === 'none' ? 'all tickets' : 'total' }];
  const table = renderTable(rows, [
    { header: report.groupBy === 'none' ? '' : report.groupBy, value: (r) => r.group ?? '(none)' },
    { header: 'tickets', value: (r) => r.tickets },
    { header: 'met', value: (r) => r.met },
    { header: 'breached', value: (r) => r.breached },
    { header: 'running', value: (r) => r.running },
    { header: 'paused', value: (r) => r.paused },
    { header: 'met rate', value: (r) => pct(r.metRate) },
    { header: 'first resp. p50/p90', value: (r) => `${dur(r.firstResponse.p50Seconds)} / ${dur(r.firstResponse.p90Seconds)}` },
    { header: 'resolution p50/p90', value: (r) => `${dur(r.resolution.p50Seconds)} / ${dur(r.resolution.p90Seconds)}` },
  ]);
  const weeks = report.byWeek.filter((w) => w.metRate !== null).slice(-12);
  if (!tty || !weeks.length) return table;
  return `${table}\n\nMet rate by week (business time)\n${barChart(weeks.map((w) => ({ label: w.weekStart, value: w.metRate!, text: pct(w.metRate) })))}`;
}

export function reportCommand(ctx: CliContext): Command {
  return new Command('report')
    .description('SLA met/breached counts, met rate and business-time p50/p90, for leads and cron')
    .option('--from <date>', 'tickets created at or after (2026-11-01 or an ISO time)')
    .option('--to <date>', 'tickets created before; a bare date includes that day')
    .option('--group-by <field>', 'priority, agent or category')
    .option('--format <format>', 'table (default), json or csv')
    .option('--json', 'the same as --format json')
    .option('--fail-if <condition>', "exit 3 when the totals meet it, e.g. 'breached>0' or 'met_rate<0.95'")
    .option('--now <time>', 'evaluate as of another moment (ISO time)')
    .addHelpText('after', `
JSON (--format json): {"evaluatedAt", "from", "to", "groupBy", "items": [row], "nextCursor": null, "total": row,
  "byWeek": [{"weekStart", "met", "breached", "metRate"}], "failIf": {"expression", "crossed"} | null}
  row: {"group", "tickets", "withPolicy", "met", "breached", "running", "paused", "metRate",
        "firstResponse": {"p50Seconds", "p90Seconds"}, "resolution": {"p50Seconds", "p90Seconds"}}

Examples:
  $ nexus sla report --from 2026-11-01 --group-by priority
  $ nexus sla report --format csv > sla.csv
  0 7 * * * nexus sla report --fail-if 'breached>0' || alert-the-lead`)
    .action(async (flags: { from?: string; to?: string; groupBy?: string; format?: string; json?: boolean; failIf?: string; now?: string }) => {
      const format = flags.json ? 'json' : (flags.format ?? 'table');
      if (!FORMATS.includes(format as never)) {
        throw new NexusError('VALIDATION_FAILED', `Invalid input — --format: must be one of ${FORMATS.join(', ')}`, { details: [{ path: '--format', message: `must be one of ${FORMATS.join(', ')}` }] });
      }
      // Only the report's own use case is loaded, not every service: start-up is part of what cron waits for.
      const [actor, deps, { slaReport }] = await Promise.all([ctx.actor(), ctx.deps(), import('../../core/sla/sla-report.js')]);
      const report = await withFlagNames(
        slaReport(deps, actor, { from: flags.from, to: flags.to, groupBy: (flags.groupBy ?? 'none') as never, failIf: flags.failIf, now: flags.now }),
        { from: '--from', to: '--to', groupBy: '--group-by', failIf: '--fail-if', now: '--now' },
      );
      if (format === 'json') ctx.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (format === 'csv') ctx.io.stdout.write(reportCsv(report));
      else ctx.io.stdout.write(`${reportTable(report, !!ctx.io.stdout.isTTY)}\n`);
      if (report.failIf?.crossed) {
        note(ctx, `threshold crossed: ${report.failIf.expression}`);
        ctx.exitCode = ERRORS.THRESHOLD_CROSSED.exit;
      }
    });
}
