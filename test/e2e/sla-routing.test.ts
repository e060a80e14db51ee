import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_OWNER_ENV, CliSandbox } from '../support/cli.js';

// SLA and routing through the built binary: bad input names the flag (exit 2), routing fires on a
// CLI-created ticket, `routing test` changes nothing, and `sla report --fail-if` gives cron exit 3.
// As by default, a background owner holds the embedded database between the commands.
const sandbox = new CliSandbox(BACKGROUND_OWNER_ENV);
const STEP_MS = 240_000;
afterAll(() => sandbox.stopOwnerAndCleanup());

const nexus = (...args: string[]) => sandbox.run(args);
const ok = async (...args: string[]) => {
  const result = await nexus(...args);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
};
const json = async (...args: string[]) => (await ok(...args, '--json')).json();
let ticket: { number: number; createdAt: string };
const later = (ms: number) => new Date(Date.parse(ticket.createdAt) + ms).toISOString();

describe('SLA and routing (built binary)', () => {
  it('sets up the desk; bad input is refused naming the flag', async () => {
    sandbox.initFromTemplate();
    await ok('users', 'create', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'agent', '--password', 'desk-pass-4821');
    await ok('categories', 'create', 'Billing, "EU"');
    const badZone = await nexus('sla', 'calendars', 'create', 'Office', '--time-zone', 'Mars/Base', '--hours', 'mon-fri 09:00-17:00');
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain('--time-zone');
    const overlap = await nexus('sla', 'calendars', 'create', 'Office', '--time-zone', 'UTC', '--hours', 'mon 09:00-13:00; mon 12:00-17:00');
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toContain('--hours.mon.1.start');
    await ok('sla', 'calendars', 'create', 'Office', '--time-zone', 'Europe/Berlin', '--hours', 'mon-fri 09:00-17:00');
    const negative = await nexus('sla', 'policies', 'create', 'Std', '--priority', 'medium', '--first-response', '-4h', '--resolution', '2d');
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('--first-response');
    await ok('sla', 'policies', 'create', 'Std', '--priority', 'medium', '--first-response', '4h', '--resolution', '2d', '--calendar', 'Office');
    await ok('groups', 'create', 'Tier 1', '--members', 'ana@example.com');
    const ghost = await nexus('routing', 'rules', 'create', 'Ghost', '--if-words', 'x', '--assign', 'ghost@example.com');
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toContain('--assign');
    const empty = await nexus('routing', 'rules', 'create', 'Empty', '--stop');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--if-*');
    await ok('routing', 'rules', 'create', 'Refunds', '--if-words', 'refund', '--group', 'Tier 1', '--set-category', 'Billing, "EU"');
  }, STEP_MS);

  it('routing test changes nothing; a CLI-created ticket is routed', async () => {
    const dry = await json('routing', 'test', '--subject', 'Refund please', '--message', 'charged twice');
    expect(dry.items).toEqual([expect.objectContaining({ rule: expect.objectContaining({ name: 'Refunds' }), wouldAssign: 'ana@example.com' })]);
    expect((await json('tickets', 'list')).items).toEqual([]);
    const created = await json('tickets', 'create', '--customer', 'bo@example.com', '--subject', 'Refund please', '-m', 'I was charged twice');
    ticket = created.ticket;
    expect(created.ticket).toMatchObject({ status: 'assigned', assignee: { email: 'ana@example.com' } });
  }, STEP_MS);

  it('explain and the ticket agree on the due time; report --fail-if exits 3 only once breached; CSV is RFC 4180', async () => {
    const explained = await json('sla', 'explain', String(ticket.number));
    expect(explained.state).toBe('running');
    const view = await json('tickets', 'view', String(ticket.number));
    expect(view.ticket.sla).toEqual({ state: 'running', dueAt: explained.dueAt });
    const text = await ok('sla', 'explain', String(ticket.number), '--now', later(10 * 86_400_000));
    expect(text.stdout).toContain('outside business hours skipped');

    const fine = await nexus('sla', 'report', '--fail-if', 'breached>0', '--now', later(60_000));
    expect(fine.code, fine.stderr).toBe(0);
    const breached = await nexus('sla', 'report', '--fail-if', 'breached>0', '--now', later(10 * 86_400_000), '--format', 'json');
    expect(breached.code, breached.stderr).toBe(3);
    expect(breached.json()).toMatchObject({ total: { breached: 1 }, failIf: { expression: 'breached>0', crossed: true } });
    const csv = await ok('sla', 'report', '--group-by', 'category', '--format', 'csv', '--now', later(10 * 86_400_000));
    expect(csv.stdout.split('\r\n')[0]).toBe('group,tickets,with_policy,met,breached,running,paused,met_rate,first_response_p50_seconds,first_response_p90_seconds,resolution_p50_seconds,resolution_p90_seconds');
    expect(csv.stdout).toContain('"Billing, ""EU""",1,1,0,1,0,0,0,,,,\r\n');
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
  }, STEP_MS);

  it('pending pauses the clock, the AI switch is in the history, and sla check finds nothing to record', async () => {
    await ok('tickets', 'pending', String(ticket.number));
    expect((await json('sla', 'explain', String(ticket.number))).state).toBe('paused');
    await ok('tickets', 'ai', String(ticket.number), 'off');
    const history = await json('tickets', 'history', String(ticket.number));
    expect(JSON.stringify(history)).toContain('ticket.ai_switched');
    const check = await json('sla', 'check');
    expect(check.items).toEqual([]);
  }, STEP_MS);
});
