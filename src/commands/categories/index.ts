import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { listCommand } from './list.js';
import { renameCommand } from './rename.js';

/** `nexus categories <verb>`: the category catalogue; a ticket has at most one category. */
export function command(ctx: CliContext): Command {
  return new Command('categories')
    .description('The category catalogue: list (staff); create, rename, delete (admin)')
    .addCommand(listCommand(ctx))
    .addCommand(createCommand(ctx))
    .addCommand(renameCommand(ctx))
    .addCommand(deleteCommand(ctx));
}
