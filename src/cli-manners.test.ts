import { describe, expect, it } from 'vitest';
import { runNexusInProcess } from '../test/support/cli.js';

/** A command in this process with no settings but a config folder that does not exist. */
async function run(argv: string[]) {
  const { code, stdout, stderr } = await runNexusInProcess(argv, { cleanEnv: true, env: { NEXUS_CONFIG_DIR: '/nonexistent-nexus-config' } });
  return { code, out: stdout, err: stderr };
}

describe('first-hour CLI manners (issue 8 item 14)', () => {
  it('Given `nexus tickets` without a verb, then it prints its help on stdout and exits 0', async () => {
    const { code, out, err } = await run(['tickets']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: nexus tickets');
    expect(out).toContain('list');
    expect(err).toBe('');
  });

  it('Given `nexus help tickets list`, then it shows the page of tickets list', async () => {
    const { code, out } = await run(['help', 'tickets', 'list']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: nexus tickets list');
    expect(out).toContain('--status');
  });

  it.each(['bash', 'zsh', 'fish'])('Given `nexus completion %s`, then it prints a script naming the commands and verbs', async (shell) => {
    const { code, out } = await run(['completion', shell]);
    expect(code).toBe(0);
    for (const word of ['tickets', 'users', 'mine', 'assign']) expect(out).toContain(word);
  });

  it('Given an unknown shell, then it is a usage error (exit 2)', async () => {
    expect((await run(['completion', 'tcsh'])).code).toBe(2);
  });
});
