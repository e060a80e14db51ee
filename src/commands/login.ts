import { Command } from 'commander';
import { NexusError } from '../core/errors.js';
import type { CliContext } from './context.js';
import { readStdin } from './io.js';
import { present } from './output.js';
import { ask } from './prompt.js';
import { saveLogin } from './session.js';

interface LoginFlags {
  email?: string;
  password?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

export function command(ctx: CliContext): Command {
  return new Command('login')
    .description('Log in to this desk; the session is saved in your config folder (mode 0600)')
    .option('--email <email>', 'your account email')
    .option('--password <password>', 'your password (prefer --password-stdin in scripts)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `
Examples:
  $ nexus login
  $ nexus login --email ana@example.com --password-stdin < ~/.nexus-password`)
    .action(async (flags: LoginFlags) => {
      if (flags.passwordStdin) flags.password = (await readStdin(ctx.io.stdin)).replace(/\r?\n$/, '');
      if (ctx.canPrompt) {
        flags.email ??= await ask(ctx, 'Email: ');
        flags.password ??= await ask(ctx, 'Password: ', { secret: true });
      }
      if (!flags.email || flags.password === undefined) {
        throw new NexusError('INVALID_USAGE', 'Email and password are required', {
          hint: 'Pass --email and --password (or --password-stdin), or run `nexus login` in a terminal.',
        });
      }
      const services = await ctx.services();
      const user = await services.auth.authenticate({ email: flags.email, password: flags.password });
      await saveLogin(ctx, user);
      present(ctx, flags, { email: user.email, name: user.name, role: user.role }, (u) => `✓ Logged in as ${u.email} (${u.role})`);
    });
}
