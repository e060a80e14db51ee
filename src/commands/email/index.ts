import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { ingestCommand } from './ingest.js';
import { outboxCommand } from './outbox.js';

export function command(ctx: CliContext): Command {
  return new Command('email').description('Outgoing and incoming mail').addCommand(outboxCommand(ctx)).addCommand(ingestCommand(ctx));
}
