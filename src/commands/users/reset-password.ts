import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { present } from '../output.js';
import { ask } from '../prompt.js';

export function resetPasswordCommand(ctx: CliContext): Command {
  return new Command('reset-password')
    .description("Set a new password for an account; all of its sessions end")
    .argument('<email>', 'account email')
    .option('--password <password>', 'the new password (8–72 bytes)')
    .option('--password-stdin', 'read the new password from standard input')
    .option('--local', 'recover a lost password without logging in: for the owner of this data folder (or database URL)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      "\nExamples:\n  $ nexus users reset-password ana@example.com\n  $ nexus users reset-password ana@example.com --password-stdin < pw.txt\n  $ nexus users reset-password admin@example.com --local   # the only admin forgot the password",
    )
    .action(async (email: string, flags: { password?: string; passwordStdin?: boolean; local?: boolean; json?: boolean }) => {
      const actor = flags.local ? null : await ctx.actor();
      if (flags.passwordStdin) flags.password = (await readStdin(ctx.io.stdin)).replace(/\r?\n$/, '');
      else if (flags.password === undefined && ctx.canPrompt) flags.password = await ask(ctx, `New password for ${email}: `, { secret: true });
      if (flags.password === undefined) {
        throw new NexusError('INVALID_USAGE', 'A new password is required', { hint: 'Pass --password or --password-stdin.' });
      }
      const services = await ctx.services();
      const input = { email, password: flags.password };
      const user = actor ? await services.users.resetPassword(actor, input) : await services.users.recoverPasswordLocally(input);
      present(ctx, flags, { email: user.email, passwordReset: true, sessionsEnded: true }, (r) => `✓ New password set for ${r.email}; their sessions have ended`);
    });
}
