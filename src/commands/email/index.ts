import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { accountsCommand } from './accounts/index.js';
import { ingestCommand } from './ingest.js';
import { outboxCommand } from './outbox.js';
import { pollCommand } from './poll.js';
import { statusCommand } from './status.js';
import { templatesCommand } from './templates.js';

export function command(ctx: CliContext): Command {
  return new Command('email').description('Outgoing and incoming mail').addCommand(outboxCommand(ctx)).addCommand(ingestCommand(ctx)).addCommand(accountsCommand(ctx)).addCommand(pollCommand(ctx)).addCommand(statusCommand(ctx)).addCommand(templatesCommand(ctx));
}
