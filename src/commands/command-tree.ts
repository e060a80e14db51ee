import type { Command } from 'commander';
import { CliContext } from './context.js';
import { COMMANDS } from './registry.js';

export interface CommandLeaf {
  path: string;
  command: Command;
}

function leaves(command: Command, path: string[]): CommandLeaf[] {
  const here = [...path, command.name()];
  if (command.commands.length === 0) return [{ path: here.join(' '), command }];
  return command.commands.flatMap((sub) => leaves(sub, here));
}

/** Every runnable command, loaded from the registry (for the help test and the CLI reference). */
export async function loadCommandTree(): Promise<{ group: string; summary: string; leaves: CommandLeaf[] }[]> {
  const ctx = new CliContext({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} });
  return Promise.all(
    COMMANDS.filter((entry) => !entry.hidden).map(async (entry) => ({ group: entry.name, summary: entry.summary, leaves: leaves((await entry.load()).command(ctx), ['nexus']) })),
  );
}

/** The full --help text of a command, including the text added after it (examples). */
export function helpText(command: Command): string {
  let text = '';
  // A fixed width, so the generated reference does not depend on the terminal it was made in.
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s), getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
  command.outputHelp();
  return text;
}
