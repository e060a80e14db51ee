import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { present } from '../output.js';
import { ask } from '../prompt.js';
import { userFields } from './present-user.js';

interface CreateFlags {
  email: string;
  name?: string;
  role?: string;
  password?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

export function createCommand(ctx: CliContext): Command {
  return new Command('create')
    .description('Create an account (customers may have no password; staff need one to log in)')
    .requiredOption('--email <email>', 'account email')
    .option('--name <name>', 'display name')
    .option('--role <role>', 'customer, agent or admin', 'customer')
    .option('--password <password>', 'initial password (8–72 bytes)')
    .option('--password-stdin', 'read the initial password from standard input')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `
Examples:
  $ nexus users create --email ana@example.com --name "Ana Lima" --role agent
  $ echo 'a long passphrase' | nexus users create --email bo@example.com --role admin --password-stdin --json`)
    .action(async (flags: CreateFlags) => {
      const actor = await ctx.actor();
      if (flags.passwordStdin) flags.password = (await readStdin(ctx.io.stdin)).replace(/\r?\n$/, '');
      else if (flags.password === undefined && flags.role !== 'customer' && ctx.canPrompt) {
        flags.password = await ask(ctx, `Password for ${flags.email}: `, { secret: true });
      }
      const user = await (await ctx.services()).users.create(actor, {
        email: flags.email,
        name: flags.name,
        role: flags.role as 'customer',
        password: flags.password,
      });
      present(ctx, flags, user, (u) => `✓ Created ${u.role} ${u.email}\n${userFields(u)}`);
    });
}
