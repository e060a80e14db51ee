import { describe, expect, it } from 'vitest';
import { helpText, loadCommandTree } from './command-tree.js';
import { COMMANDS } from './registry.js';

const tree = await loadCommandTree();
const commands = tree.flatMap((g) => g.leaves);

describe('--help on every command', () => {
  it('covers the commands of the registry', () => {
    // By name: a count would pass with one group missing and another counted twice.
    const registered = COMMANDS.filter((entry) => !entry.hidden).map((entry) => entry.name);
    expect(registered.length).toBeGreaterThan(0);
    expect(tree.map((g) => g.group)).toEqual(registered);
    expect([...new Set(commands.map((c) => c.path.split(' ')[1]))]).toEqual(registered);
  });

  it.each(commands.map((c) => [c.path, c.command] as const))('%s has a description and examples', (path, command) => {
    expect(command.description(), path).not.toBe('');
    expect(helpText(command), path).toMatch(/Examples?:\n\s+\$ .*\bnexus /);
  });

  it.each(commands.map((c) => [c.path, c.command] as const))('%s takes --json when it returns data', (path, command) => {
    // These print notes or run until stopped; they return no data document. `export` writes the data
    // itself (JSON Lines) to stdout, so it has no other document to print.
    const printsOnlyNotes = /^nexus (config (set|unset)|serve|worker|tui|completion|export)$/.test(path);
    if (!printsOnlyNotes) expect(helpText(command), path).toContain('--json');
  });
});
