import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { outboxCommand } from './outbox.js';

export function command(ctx: CliContext): Command {
  return new Command('email').description('Outgoing and incoming mail').addCommand(outboxCommand(ctx));
}
