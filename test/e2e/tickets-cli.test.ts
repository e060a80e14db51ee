import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_OWNER_ENV, CliSandbox } from '../support/cli.js';

// One desk for the whole file: each step builds on the previous one, as a shift does. Every command
// is a fresh process; as by default, a background owner holds the embedded database between them
// (each command opening it itself is walked by foundation.test.ts and cli-manners.test.ts).
const sandbox = new CliSandbox(BACKGROUND_OWNER_ENV);
afterAll(() => sandbox.stopOwnerAndCleanup());

const nexus = (...args: string[]) => sandbox.run(args);
/** A step that must succeed; a failure shows the command's output (run with --verbose for the stack). */
async function ok(...args: string[]) {
  const result = await sandbox.run([...args, '--verbose']);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}
async function login(email: string) {
  const result = await sandbox.run(['login', '--email', email, '--password-stdin', '--verbose'], { input: 'desk-pass-4821\n' });
  expect(result.code, `nexus login --email ${email}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

describe('nexus tickets (built binary)', () => {
  it('runs a small shift: create, dedupe, list, search, assign, reply, note, history, close, stats', async () => {
    sandbox.initFromTemplate();
    expect((await ok('users', 'create', '--email', 'ana@example.com', '--role', 'agent', '--password', 'desk-pass-4821')).code).toBe(0);

    const created = await ok('tickets', 'create', '--customer', 'bo@example.com', '--subject', 'Cannot log in', '-m', 'Reset mail never arrives', '--json');
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ created: true, ticket: { number: 1001, status: 'open', priority: 'medium', source: 'cli', customer: { email: 'bo@example.com' } }, message: { kind: 'customer' } });
    const again = await sandbox.run(['tickets', 'create', '--customer', 'bo@example.com', '--subject', 'Cannot log in', '--message', '-', '--json'], { input: 'Still nothing' });
    expect(again.json()).toMatchObject({ created: false, ticket: { number: 1001 }, message: { body: 'Still nothing' } });
    await ok('tickets', 'create', '--customer', 'cy@example.com', '--subject', 'Printer on fire', '-m', 'Smoke everywhere', '--priority', 'urgent');

    const list = await ok('tickets', 'list', '--json');
    expect(list.json()).toEqual({ items: [expect.objectContaining({ number: 1002 }), expect.objectContaining({ number: 1001 })], nextCursor: null });
    const paged = (await ok('tickets', 'list', '--limit', '1', '--json')).json();
    expect(paged.nextCursor).toEqual(expect.any(String));
    expect((await ok('tickets', 'list', '--limit', '1', '--cursor', paged.nextCursor, '--json')).json().items[0].number).toBe(1001);
    expect((await ok('tickets', 'list', '--search', 'smoke', '--json')).json().items.map((t: { number: number }) => t.number)).toEqual([1002]);
    const table = await ok('tickets', 'list', '--status', 'open', '--priority', 'urgent');
    expect(table.stdout).toMatch(/^TICKET\s+STATUS\s+PRIORITY\s+SUBJECT/);
    expect(table.stdout).toContain('#1002');
    expect(table.stdout).not.toContain('#1001');

    expect((await ok('tickets', 'assign', '1001', '--to', 'ana@example.com', '--json')).json()).toMatchObject({ status: 'assigned', assignee: { email: 'ana@example.com' } });
    expect((await login('ana@example.com')).code).toBe(0);
    const reply = await ok('tickets', 'reply', '#1001', '-m', 'A new link is on its way', '--json');
    expect(reply.json()).toMatchObject({ ticket: { firstResponseAt: expect.any(String) }, message: { kind: 'agent', author: { email: 'ana@example.com' } } });
    expect((await ok('tickets', 'note', '1001', '-m', 'Mail relay is slow today')).code).toBe(0);
    const view = (await ok('tickets', 'view', '1001', '--json')).json();
    expect(view.messages.map((m: { kind: string }) => m.kind)).toEqual(['customer', 'customer', 'system', 'agent', 'internal']);
    expect((await ok('tickets', 'escalate', '1002', '--reason', 'Needs a technician', '--json')).json()).toMatchObject({ status: 'escalated' });
    expect((await ok('tickets', 'priority', '1001', 'high', '--json')).json()).toMatchObject({ priority: 'high' });
    expect((await ok('tickets', 'close', '1001', '--json')).json()).toMatchObject({ status: 'closed', resolvedAt: expect.any(String) });
    expect((await ok('tickets', 'reopen', '1001', '--json')).json()).toMatchObject({ status: 'open', resolvedAt: null });
    expect((await ok('tickets', 'unassign', '1001', '--json')).json()).toMatchObject({ assignee: null });

    const history = (await ok('tickets', 'history', '1001', '--json')).json();
    expect(history.items.map((e: { type: string }) => e.type)).toEqual([
      'ticket.created',
      'ticket.message_added',
      'ticket.message_added',
      'ticket.assigned',
      'ticket.message_added',
      'ticket.first_response',
      'ticket.note_added',
      'ticket.priority_changed',
      'ticket.closed',
      'ticket.reopened',
      'ticket.unassigned',
    ]);
    expect(history.items[3]).toMatchObject({ actor: { email: 'admin@example.com' }, data: { before: { assigneeId: null }, after: { status: 'assigned' } } });

    const stats = (await ok('stats', '--json')).json();
    expect(stats).toMatchObject({ total: 2, byStatus: { open: 1, escalated: 1 }, byPriority: { high: 1, urgent: 1 }, firstResponse: { count: 1 }, resolution: { count: 0 } });
    expect((await ok('stats')).stdout).toContain('first response:');
    // Issue 8: stats as CSV (RFC 4180), a row per number, named as in --json.
    const csv = (await ok('stats', '--format', 'csv')).stdout;
    expect(csv.split('\r\n').slice(0, 1)).toEqual(['scope,metric,value']);
    expect(csv).toContain('\r\ndesk,total,2\r\n');
    expect(csv).toContain('\r\ndesk,byStatus.escalated,1\r\n');
    expect((await nexus('stats', '--json', '--format', 'csv')).code).toBe(2);
  }, 180_000);

  it('a customer sees only their own tickets; another customer\'s number is exit 5 exactly like a missing one', async () => {
    await login('admin@example.com');
    await nexus('users', 'create', '--email', 'dee@example.com', '--role', 'customer', '--password', 'desk-pass-4821');
    await login('dee@example.com');
    expect((await nexus('tickets', 'create', '--subject', 'My order', '-m', 'Where is it?', '--json')).json()).toMatchObject({ ticket: { number: 1003, source: 'cli' } });
    expect((await nexus('tickets', 'list', '--json')).json().items.map((t: { number: number }) => t.number)).toEqual([1003]);
    // A customer-written subject in a CSV export stays text: no formula for the spreadsheet that opens it,
    // no escape sequence for the terminal it is printed on (a window-title OSC here).
    await nexus('tickets', 'create', '--subject', '=HYPERLINK("https://evil.example","Open") \u001b]0;owned\u0007', '-m', 'x');
    const csv = (await nexus('tickets', 'list', '--format', 'csv')).stdout;
    expect(csv).toContain(`#1004,open,medium,"'=HYPERLINK(""https://evil.example"",""Open"") ^[]0;owned^G",dee@example.com,`);
    // eslint-disable-next-line no-control-regex -- the point: no control character reaches the output
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const theirs = await nexus('tickets', 'view', '1001', '--json');
    const missing = await nexus('tickets', 'view', '1099', '--json');
    expect([theirs.code, missing.code]).toEqual([5, 5]);
    expect(theirs.json().error.message.replace('1001', 'N')).toBe(missing.json().error.message.replace('1099', 'N'));
    // A staff-only command on the customer's own ticket: exit 5, word for word like a missing number.
    const staffOnly = await nexus('tickets', 'note', '1003', '-m', 'x', '--json');
    const staffMissing = await nexus('tickets', 'note', '1099', '-m', 'x', '--json');
    expect([staffOnly.code, staffMissing.code]).toEqual([5, 5]);
    expect(staffOnly.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Ticket #1003 not found' });
    expect(staffOnly.stdout.replaceAll('1003', 'N')).toBe(staffMissing.stdout.replaceAll('1099', 'N'));
    expect(staffOnly.stderr.replaceAll('1003', 'N')).toBe(staffMissing.stderr.replaceAll('1099', 'N'));
    // A staff command that names no ticket stays not allowed (exit 4).
    expect((await nexus('stats')).code).toBe(4);
  }, 90_000);

  it('bad input: unknown ticket exits 5, an invalid priority exits 2 listing the allowed values, a non-number exits 2', async () => {
    await login('admin@example.com');
    const unknown = await nexus('tickets', 'view', '4242');
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('Ticket #4242 not found');
    const priority = await nexus('tickets', 'priority', '1001', 'critical');
    expect(priority.code).toBe(2);
    expect(priority.stderr).toContain('low, medium, high, urgent');
    const priorityJson = await nexus('tickets', 'priority', '1001', 'critical', '--json');
    expect(priorityJson.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'priority' }] });
    const notNumber = await nexus('tickets', 'close', 'latest');
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('not a ticket number');
    expect((await nexus('tickets', 'list', '--status', 'done')).code).toBe(2);
    expect((await nexus('tickets', 'close', '1003')).code).toBe(0);
    expect((await nexus('tickets', 'close', '1003')).code).toBe(6);
  }, 90_000);
});
