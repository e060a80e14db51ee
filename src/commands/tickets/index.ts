import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { catalogueCommands } from './catalogue-verbs.js';
import { lifecycleCommands } from './lifecycle.js';
import { similarCommand } from './similar.js';
import { suggestCommand } from './suggest.js';

/** `nexus tickets <verb>`: one file per verb in this folder, added here. */
export function command(ctx: CliContext): Command {
  const tickets = new Command('tickets').description('Work with tickets: list, view, reply, assign, close, …');
  for (const verb of lifecycleCommands(ctx)) tickets.addCommand(verb);
  for (const verb of catalogueCommands(ctx)) tickets.addCommand(verb);
  // issue 13: agent assist
  tickets.addCommand(suggestCommand(ctx)).addCommand(similarCommand(ctx));
  return tickets;
}
