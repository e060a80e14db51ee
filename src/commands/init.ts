import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { z } from 'zod';
import { passwordSchema } from '../core/auth/passwords.js';
import { newToken } from '../core/auth/tokens.js';
import { NexusError } from '../core/errors.js';
import { emailSchema } from '../core/validation.js';
import type { CliContext } from './context.js';
import { note, present } from './output.js';
import { readStdin } from './io.js';
import { ask } from './prompt.js';
import { saveLogin } from './session.js';

interface InitFlags {
  adminEmail?: string;
  adminPassword?: string;
  adminPasswordStdin?: boolean;
  adminName?: string;
  json?: boolean;
}

export function command(ctx: CliContext): Command {
  return new Command('init')
    .description('Create the desk: data folder, secret key, schema and the first admin (safe to run again)')
    .option('--admin-email <email>', 'email of the first admin')
    .option('--admin-password <password>', 'password of the first admin (8–72 bytes)')
    .option('--admin-password-stdin', 'read the first admin\'s password from standard input')
    .option('--admin-name <name>', 'display name of the first admin', 'Admin')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `
Examples:
  $ nexus init
  $ nexus init --admin-email admin@example.com --admin-password 'correct horse 1' --no-input
  $ nexus init --admin-email admin@example.com --admin-password-stdin --no-input < admin-password.txt
  $ NEXUS_DATABASE_URL=postgres://user:pw@db.example.com/nexus nexus init --admin-email admin@example.com`)
    .action(async (flags: InitFlags) => {
      const { config } = await ctx.config();
      // Answers are checked before the slow work (creating the database), and asked again on a terminal.
      if (flags.adminPasswordStdin) flags.adminPassword = (await readStdin(ctx.io.stdin)).replace(/\r?\n$/, '');
      checkAnswers(flags);
      const isNewDesk = !config.databaseUrl && !existsSync(join(config.dataDir, 'pgdata'));
      if (isNewDesk && ctx.canPrompt) await askAdmin(ctx, flags);
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
      if (!hasAdmin && ctx.canPrompt) await askAdmin(ctx, flags);
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

const problem = (schema: z.ZodType, value: string): string | null => {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'is invalid');
};

/** Flags given on the command line are checked at once, naming the flag. */
function checkAnswers(flags: InitFlags): void {
  const details = [
    ...(flags.adminEmail !== undefined && problem(emailSchema, flags.adminEmail) ? [{ path: '--admin-email', message: problem(emailSchema, flags.adminEmail)! }] : []),
    ...(flags.adminPassword !== undefined && problem(passwordSchema, flags.adminPassword)
      ? [{ path: flags.adminPasswordStdin ? '--admin-password-stdin' : '--admin-password', message: problem(passwordSchema, flags.adminPassword)! }]
      : []),
  ];
  if (details.length) throw new NexusError('VALIDATION_FAILED', `Invalid input — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, { details });
}

/** Asks for what is missing, again after a bad answer, and the password twice. */
async function askAdmin(ctx: CliContext, flags: InitFlags): Promise<void> {
  while (flags.adminEmail === undefined) {
    const email = (await ask(ctx, 'Email of the first admin: ')).trim();
    const why = problem(emailSchema, email);
    if (why) note(ctx, `  That email ${why}; try again.`);
    else flags.adminEmail = email;
  }
  while (flags.adminPassword === undefined) {
    const password = await ask(ctx, 'Password (8–72 bytes): ', { secret: true });
    const why = problem(passwordSchema, password);
    if (why) {
      note(ctx, `  That password ${why}; try again.`);
      continue;
    }
    if ((await ask(ctx, 'The same password again: ', { secret: true })) === password) flags.adminPassword = password;
    else note(ctx, '  The two passwords differ; try again.');
  }
}
