import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { calendarsCommand } from './calendars.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { policiesCommand } from './policies.js';
import { reportCommand } from './report.js';

/** `nexus sla <verb>`: explain a ticket's clock, report for leads and cron, check for breaches, manage policies. */
export function command(ctx: CliContext): Command {
  return new Command('sla')
    .description('Service levels: explain, report, check; policies and business calendars')
    .addCommand(explainCommand(ctx))
    .addCommand(reportCommand(ctx))
    .addCommand(checkCommand(ctx))
    .addCommand(policiesCommand(ctx))
    .addCommand(calendarsCommand(ctx));
}
