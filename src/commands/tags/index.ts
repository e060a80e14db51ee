import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { listCommand } from './list.js';
import { renameCommand } from './rename.js';

/** `nexus tags <verb>`: the tag catalogue tickets are tagged from. */
export function command(ctx: CliContext): Command {
  return new Command('tags')
    .description('The tag catalogue: list (staff); create, rename, delete (admin)')
    .addCommand(listCommand(ctx))
    .addCommand(createCommand(ctx))
    .addCommand(renameCommand(ctx))
    .addCommand(deleteCommand(ctx));
}
