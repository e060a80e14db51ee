import { Command } from 'commander';
import { isSettingKey } from '../../core/config/parse-config.js';
import { SETTINGS } from '../../core/config/schema.js';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { openConfigStore } from '../stores.js';
import { showCommand } from './show.js';

function checkKey(key: string): void {
  if (!isSettingKey(key)) {
    throw new NexusError('VALIDATION_FAILED', `Unknown setting "${key}"`, {
      details: [{ path: 'key', message: 'unknown setting' }],
      hint: `Known settings: ${SETTINGS.map((s) => s.key).join(', ')}`,
    });
  }
}

export function command(ctx: CliContext): Command {
  const set = new Command('set')
    .description('Save a setting in the config file (env and flags still win)')
    .argument('<key>', 'setting, e.g. ai.model')
    .argument('<value>', 'new value')
    .addHelpText('after', '\nExamples:\n  $ nexus config set ai.model gpt-4o-mini\n  $ nexus config set corsOrigins https://app.example.com')
    .action(async (key: string, value: string) => {
      checkKey(key);
      const store = await openConfigStore(ctx.configDir);
      const { parseConfig } = await import('../../core/config/parse-config.js');
      // Validate the file as it would be, so a bad value never lands in it.
      parseConfig({ defaults: { dataDir: '.' }, file: { ...(store.store as object), [key]: value } });
      store.set(key, value);
      ctx.io.stderr.write(`✓ ${key} saved in ${store.path}\n`);
    });
  const unset = new Command('unset')
    .description('Remove a setting from the config file')
    .argument('<key>', 'setting')
    .addHelpText('after', '\nExamples:\n  $ nexus config unset ai.model')
    .action(async (key: string) => {
      checkKey(key);
      const store = await openConfigStore(ctx.configDir);
      store.delete(key);
      ctx.io.stderr.write(`✓ ${key} removed from ${store.path}\n`);
    });
  const path = new Command('path')
    .description('Print where the config file is')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus config path\n  $ cat "$(nexus config path)"')
    .action(async (flags: { json?: boolean }) => {
      const store = await openConfigStore(ctx.configDir);
      present(ctx, flags, { path: store.path }, (r) => r.path);
    });
  return new Command('config').description('Show and change settings').addCommand(showCommand(ctx)).addCommand(set).addCommand(unset).addCommand(path);
}
