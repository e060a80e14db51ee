import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliContext } from './context.js';
import { COMMANDS } from './registry.js';

function leaves(command: Command, path: string[] = []): { path: string; command: Command }[] {
  const here = [...path, command.name()];
  if (command.commands.length === 0) return [{ path: here.join(' '), command }];
  return command.commands.flatMap((sub) => leaves(sub, here));
}

function helpText(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  command.outputHelp();
  return text;
}

const ctx = new CliContext({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} });
const all = await Promise.all(COMMANDS.map(async (entry) => leaves((await entry.load()).command(ctx), ['nexus'])));
const commands = all.flat();

describe('--help on every command', () => {
  it('covers the commands of the registry', () => {
    expect(commands.length).toBeGreaterThanOrEqual(COMMANDS.length);
  });

  it.each(commands.map((c) => [c.path, c.command] as const))('%s has a description and examples', (path, command) => {
    expect(command.description(), path).not.toBe('');
    expect(helpText(command), path).toMatch(/Examples?:\n\s+\$ .*\bnexus /);
  });

  it.each(commands.map((c) => [c.path, c.command] as const))('%s takes --json when it returns data', (path, command) => {
    const text = helpText(command);
    // These print notes or run until stopped; they return no data document.
    const printsOnlyNotes = /^nexus (config (set|unset)|serve|worker|tui)$/.test(path);
    if (!printsOnlyNotes) expect(text, path).toContain('--json');
  });
});
