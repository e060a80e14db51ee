import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { migrateCommand } from './migrate.js';
import { statusCommand } from './status.js';

export function command(ctx: CliContext): Command {
  return new Command('db').description('Database migrations and status').addCommand(migrateCommand(ctx)).addCommand(statusCommand(ctx));
}
