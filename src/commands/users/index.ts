import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createCommand } from './create.js';
import { disableCommand, enableCommand } from './disable.js';
import { listCommand } from './list.js';
import { resetPasswordCommand } from './reset-password.js';
import { setRoleCommand } from './set-role.js';

export function command(ctx: CliContext): Command {
  return new Command('users')
    .description('Manage accounts and roles (admin)')
    .addCommand(listCommand(ctx))
    .addCommand(createCommand(ctx))
    .addCommand(setRoleCommand(ctx))
    .addCommand(disableCommand(ctx))
    .addCommand(enableCommand(ctx))
    .addCommand(resetPasswordCommand(ctx));
}
