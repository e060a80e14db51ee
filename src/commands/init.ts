import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { newToken } from '../core/auth/tokens.js';
import type { CliContext } from './context.js';
import { note, present } from './output.js';
import { ask } from './prompt.js';
import { saveLogin } from './session.js';

interface InitFlags {
  adminEmail?: string;
  adminPassword?: string;
  adminName?: string;
  json?: boolean;
}

export function command(ctx: CliContext): Command {
  return new Command('init')
    .description('Create the desk: data folder, secret key, schema and the first admin (safe to run again)')
    .option('--admin-email <email>', 'email of the first admin')
    .option('--admin-password <password>', 'password of the first admin (8–72 bytes)')
    .option('--admin-name <name>', 'display name of the first admin', 'Admin')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `
Examples:
  $ nexus init
  $ nexus init --admin-email admin@example.com --admin-password 'correct horse 1' --no-input
  $ NEXUS_DATABASE_URL=postgres://user:pw@db.example.com/nexus nexus init --admin-email admin@example.com`)
    .action(async (flags: InitFlags) => {
      const { config } = await ctx.config();
      const steps: string[] = [];
      let secretCreated = false;
      if (!config.databaseUrl) {
        mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
        const secretFile = join(config.dataDir, 'secret.key');
        if (!config.secretKey && !existsSync(secretFile)) {
          writeFileSync(secretFile, `${newToken()}\n`, { mode: 0o600, flag: 'wx' });
          secretCreated = true;
        }
        steps.push(secretCreated ? `created a secret key in ${secretFile}` : 'secret key already present');
      }
      if (ctx.io.stderr.isTTY && !flags.json) note(ctx, 'Preparing the database (the first run takes a few seconds)…');
      const database = await ctx.db();
      steps.push(`database ready: ${database.target}`);
      const services = await ctx.services();
      const hasAdmin = await import('../core/setup/init-desk.js').then((m) => m.hasAdmin(services.deps));
      if (!hasAdmin && ctx.canPrompt) {
        flags.adminEmail ??= await ask(ctx, 'Email of the first admin: ');
        flags.adminPassword ??= await ask(ctx, 'Password (8–72 bytes): ', { secret: true });
      }
      const result = await services.setup.init({ adminEmail: flags.adminEmail, adminPassword: flags.adminPassword, adminName: flags.adminName });
      if (result.createdAdmin) {
        steps.push(`created admin ${result.createdAdmin.email}`);
        await saveLogin(ctx, result.createdAdmin);
        steps.push(`logged in as ${result.createdAdmin.email}`);
      } else {
        steps.push(`the desk already has ${result.adminCount} admin${result.adminCount === 1 ? '' : 's'}; none created`);
      }
      present(
        ctx,
        flags,
        {
          database: database.target,
          dataDir: config.databaseUrl ? null : config.dataDir,
          secretKeyCreated: secretCreated,
          adminCreated: result.createdAdmin !== null,
          admin: result.createdAdmin ? { email: result.createdAdmin.email, name: result.createdAdmin.name } : null,
        },
        () => `${steps.map((s) => `✓ ${s}`).join('\n')}\n\nNext: \`nexus serve\` to start the API, \`nexus doctor\` to check the setup.`,
      );
      if (!result.createdAdmin && !flags.json) note(ctx, 'Log in with `nexus login`.');
    });
}
