import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { rulesCommand } from './rules.js';
import { testCommand } from './test.js';

/** `nexus routing rules …`, `nexus routing test`: who gets a new ticket, and why. */
export function command(ctx: CliContext): Command {
  return new Command('routing').description('Routing rules for new tickets: rules, test').addCommand(rulesCommand(ctx)).addCommand(testCommand(ctx));
}
