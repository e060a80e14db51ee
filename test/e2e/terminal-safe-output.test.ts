import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox, type RunResult } from '../support/cli.js';
import { spawnServe, type ServeProcess } from '../support/server.js';

// Customer-written text is hostile: a desk seeded with escape sequences everywhere a customer (or a
// careless admin) can put text, then every command that prints stored data is scanned for raw
// control bytes. `--json` must keep the bytes exactly as stored.
const ESC = '\u001b';
const HOSTILE = [
  `${ESC}[2J${ESC}[H`, // clear the screen, cursor home
  `${ESC}]0;pwned\u0007`, // window title
  `${ESC}]52;c;cm0gLXJmIC8=${ESC}\\`, // clipboard write
  `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, // hyperlink
  'refund approved\rrefund denied', // overwrite the line
  '\u009b31m\u009d0;c1\u009c', // C1 CSI / OSC / ST
  'invoice\u202egpj.exe\u2066\u2069', // bidi override and isolates
].join(' ');
const BIDI_ONLY = 'vip\u202eputs\u2067'; // tags and categories refuse C0/C1 but not format characters
// eslint-disable-next-line no-control-regex -- the test looks for raw control bytes
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const sandbox = new CliSandbox();
// Commands go through the server's socket instead of each opening the embedded database: ~30 commands.
let serve: ServeProcess | undefined;
afterAll(async () => {
  await serve?.stop();
  sandbox.cleanup();
});

async function ok(...args: string[]): Promise<RunResult> {
  const result = await sandbox.run([...args, '--verbose']);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}
function expectSafe(result: RunResult, command: string): void {
  const raw = RAW.exec(result.stdout + result.stderr);
  expect(raw && `${command} printed U+${raw[0].codePointAt(0)!.toString(16).padStart(4, '0')}`).toBeNull();
}

describe('human output with hostile stored text (built binary)', () => {
  it('given a desk full of escape sequences, when each command prints it, then no raw ESC, C1 or bidi byte reaches the terminal', async () => {
    sandbox.initFromTemplate();
    serve = await spawnServe(sandbox.env);
    await ok('users', 'create', '--email', 'eve@example.com', '--name', HOSTILE, '--role', 'customer', '--password', 'desk-pass-4821');
    const created = await ok('tickets', 'create', '--customer', 'eve@example.com', '--subject', HOSTILE, '-m', `${HOSTILE}\nsecond line`, '--json');
    expect(created.json().ticket.subject).toBe(HOSTILE); // JSON stays byte-exact
    await ok('tickets', 'create', '--customer', 'eve@example.com', '--subject', `to delete ${HOSTILE}`, '-m', 'x');
    await ok('tags', 'create', BIDI_ONLY);
    await ok('categories', 'create', BIDI_ONLY);
    const file = join(sandbox.root, `report${ESC}]0;x\u0007\u202e.txt`);
    writeFileSync(file, 'hello');

    // Commands that store hostile text also print it back.
    const writers: [string, string[]][] = [
      ['tickets reply', ['tickets', 'reply', '1001', '-m', HOSTILE]],
      ['tickets note', ['tickets', 'note', '1001', '-m', HOSTILE]],
      ['tickets tag', ['tickets', 'tag', '1001', BIDI_ONLY]],
      ['tickets category', ['tickets', 'category', '1001', BIDI_ONLY]],
      ['tickets attach', ['tickets', 'attach', '1001', file]],
      ['tickets time', ['tickets', 'time', '1001', '--minutes', '5', '--description', HOSTILE]],
      ['tickets close', ['tickets', 'close', '1002']],
      ['tickets delete', ['tickets', 'delete', '1002']],
    ];
    for (const [name, args] of writers) expectSafe(await ok(...args), name);

    const readers: [string, string[]][] = [
      ['tickets list', ['tickets', 'list']],
      ['tickets list --search', ['tickets', 'list', '--search', 'refund']],
      ['tickets view', ['tickets', 'view', '1001']],
      ['tickets history', ['tickets', 'history', '1001']],
      ['tickets attachments', ['tickets', 'attachments', '1001']],
      ['tickets time --list', ['tickets', 'time', '1001', '--list']],
      ['tickets trash', ['tickets', 'trash']],
      ['users list', ['users', 'list']],
      ['tags list', ['tags', 'list']],
      ['categories list', ['categories', 'list']],
      ['email outbox', ['email', 'outbox']],
      ['ai traces', ['ai', 'traces']],
      ['stats', ['stats']],
    ];
    for (const [name, args] of readers) expectSafe(await ok(...args), name);

    const view = await ok('tickets', 'view', '1001');
    expect(view.stdout).toContain('^[[2J'); // shown, not dropped
    expect(view.stdout).toContain('refund approved^Mrefund denied');
    expect(view.stdout).toContain('\\u{202e}');
    expect(view.stdout).toContain('second line\n'); // newlines in bodies survive
    expect((await ok('tickets', 'view', '1001', '--json')).json().messages[0].body).toBe(`${HOSTILE}\nsecond line`);

    // An error that quotes stored-looking input is escaped too.
    const missing = await sandbox.run(['tickets', 'tag', '1001', 'nope\u202e']);
    expect(missing.code).not.toBe(0);
    expectSafe(missing, 'tickets tag (error)');
  }, 480_000);
});
