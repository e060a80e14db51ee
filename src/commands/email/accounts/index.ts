import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { presentList, withListOptions, type ListFlags } from '../../list-output.js';
import { present } from '../../output.js';
import { accountOptions, sidesFromFlags, type AccountFlags } from './flags.js';
import { accountFields } from './present-account.js';

function addCommand(ctx: CliContext): Command {
  return accountOptions(new Command('add').description('Add a support address with its inbound (IMAP or webhook) and outbound (SMTP, SendGrid, SES) side').argument('<address>', 'the support address, e.g. support@example.com'))
    .addHelpText('after', '\nExamples:\n  $ nexus email accounts add support@example.com --imap-host imap.example.com --imap-user support --imap-password … --smtp-host smtp.example.com --smtp-user support --smtp-password …\n  $ nexus email accounts add help@example.com --webhook-only --sendgrid-key SG.…')
    .action(async (address: string, flags: AccountFlags) => {
      const actor = await ctx.actor();
      const { inbound, outbound } = sidesFromFlags(flags);
      const account = await (await ctx.services()).email.accounts.add(actor, { address, displayName: flags.displayName, aliases: flags.alias, isDefault: flags.default, isActive: flags.active, inbound: inbound as never, outbound: outbound as never });
      present(ctx, flags, account, (a) => `✓ Added ${a.address}\n${accountFields(a)}`);
    });
}

function updateCommand(ctx: CliContext): Command {
  return accountOptions(new Command('update').description('Change an account; a side named by flags replaces the stored one (secrets left out are kept)').argument('<account>', 'address, alias or id'))
    .addHelpText('after', '\nExamples:\n  $ nexus email accounts update support@example.com --smtp-host smtp.example.com --smtp-password …\n  $ nexus email accounts update support@example.com --alias help@example.com --default')
    .action(async (ref: string, flags: AccountFlags) => {
      const actor = await ctx.actor();
      const { inbound, outbound } = sidesFromFlags(flags);
      const account = await (await ctx.services()).email.accounts.update(actor, { account: ref, displayName: flags.displayName, aliases: flags.alias, isDefault: flags.default, isActive: flags.active === false ? false : undefined, inbound: inbound as never, outbound: outbound as never });
      present(ctx, flags, account, (a) => `✓ Updated ${a.address}\n${accountFields(a)}`);
    });
}

function listCommand(ctx: CliContext): Command {
  return withListOptions(new Command('list').description('List mail accounts (secrets masked)'), 'accounts')
    .addHelpText('after', '\nExamples:\n  $ nexus email accounts list\n  $ nexus email accounts list --json\n  $ nexus email accounts list --format csv')
    .action(async (flags: ListFlags) => {
      const list = await (await ctx.services()).email.accounts.list(await ctx.actor());
      presentList(ctx, flags, list, {
        empty: 'No mail accounts. Add one with `nexus email accounts add`.',
        columns: [
          { header: 'address', value: (a) => a.address },
          { header: 'default', value: (a) => (a.isDefault ? 'yes' : 'no') },
          { header: 'active', value: (a) => (a.isActive ? 'yes' : 'no') },
          { header: 'inbound', value: (a) => String(a.inbound.kind) },
          { header: 'outbound', value: (a) => String(a.outbound.kind) },
          { header: 'aliases', value: (a) => a.aliases.join(', ') || null },
        ],
      });
    });
}

function showCommand(ctx: CliContext): Command {
  return new Command('show')
    .description('Show one mail account (secrets masked)')
    .argument('<account>', 'address, alias or id')
    .option('--json', 'print the account as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus email accounts show support@example.com')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const account = await (await ctx.services()).email.accounts.show(await ctx.actor(), ref);
      present(ctx, flags, account, accountFields);
    });
}

function removeCommand(ctx: CliContext): Command {
  return new Command('remove')
    .description('Remove a mail account (its tickets and stored mail stay)')
    .argument('<account>', 'address, alias or id')
    .option('--json', 'print the removed account as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus email accounts remove old@example.com')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const account = await (await ctx.services()).email.accounts.remove(await ctx.actor(), ref);
      present(ctx, flags, account, (a) => `✓ Removed ${a.address}`);
    });
}

function testCommand(ctx: CliContext): Command {
  return new Command('test')
    .description('Log in to both sides of an account and report each step')
    .argument('<account>', 'address, alias or id')
    .option('--json', 'print {account, ok, checks}')
    .addHelpText('after', '\nExamples:\n  $ nexus email accounts test support@example.com')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const result = await (await ctx.services()).email.accounts.test(await ctx.actor(), ref);
      present(ctx, flags, result, (r) => r.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.side} ${c.step}: ${c.message}`).join('\n'));
      if (!result.ok) ctx.exitCode = 1;
    });
}

export function accountsCommand(ctx: CliContext): Command {
  return new Command('accounts')
    .description('Support addresses: inbound (IMAP, webhooks) and outbound (SMTP, SendGrid, SES) (admin)')
    .addCommand(listCommand(ctx))
    .addCommand(showCommand(ctx))
    .addCommand(addCommand(ctx))
    .addCommand(updateCommand(ctx))
    .addCommand(removeCommand(ctx))
    .addCommand(testCommand(ctx));
}
