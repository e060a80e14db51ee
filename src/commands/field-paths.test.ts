import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { NexusError } from '../core/errors.js';
import { flagFor, withFlagPaths } from './field-paths.js';

const list = new Command('list').option('--status <list>').option('--search <text>').option('--customer <email>');
const assign = new Command('assign').argument('<ticket>').option('--assignee <who>');

describe('CLI validation errors name the flags people typed (issue 8 item 6)', () => {
  it.each([
    [list, 'status', '--status'],
    [list, 'q', '--search'],
    [list, 'customerEmail', '--customer'],
    [assign, 'agent', '--assignee'],
    [assign, 'ticket', '<ticket>'],
    [assign, 'unknown', 'unknown'],
  ])('Given the core path %#, when reported by the CLI, then it is the flag', (command, path, flag) => {
    expect(flagFor(command, path)).toBe(flag);
  });

  it('Given a validation error from the core, when reported, then message and details use the flag', () => {
    const error = new NexusError('VALIDATION_FAILED', 'Invalid input — status: must be one of open, closed', { details: [{ path: 'status', message: 'must be one of open, closed' }] });
    const renamed = withFlagPaths(error, list) as NexusError;
    expect(renamed.details).toEqual([{ path: '--status', message: 'must be one of open, closed' }]);
    expect(renamed.message).toBe('Invalid input — --status: must be one of open, closed');
    expect(renamed.exitCode).toBe(2);
  });
});
