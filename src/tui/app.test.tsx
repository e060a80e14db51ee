import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, press, waitForFrame, waitForText } from '../../test/support/ink.js';
import { App } from './app.js';
import { FakeDesk, fakeTicket } from './desk.fake.js';
import { createTheme } from './theme.js';

const ESC = '\u001b';
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
let app: ReturnType<typeof render> | undefined;
afterEach(() => app?.unmount());

function start(desk: FakeDesk, size = { columns: 100, rows: 24 }, env: Record<string, string | undefined> = { NO_COLOR: '1' }) {
  app = render(<App desk={desk} env={env} columns={size.columns} rows={size.rows} pollMs={60_000} filterDelayMs={0} now={() => NOW} />);
  return app;
}
const queueDesk = () =>
  new FakeDesk([
    fakeTicket(1001, { subject: 'Printer on fire', priority: 'urgent' }),
    fakeTicket(1002, { subject: 'Refund for order 7', customer: { id: 'c', email: 'bo@example.com', name: 'Bo 退款' } }),
    fakeTicket(1003, { subject: 'Cannot log in', assignee: { id: 'id-ana@example.com', email: 'ana@example.com', name: 'Ana' }, status: 'assigned' }),
  ]);

describe('queue', () => {
  it('shows the views with counts and the tickets most urgent first', async () => {
    const ui = start(queueDesk());
    await press(ui, '4');
    const frame = await waitForText(ui, 'Printer on fire');
    expect(frame).toContain('1 Mine (1)');
    expect(frame).toContain('2 Unassigned (2)');
    expect(frame).toContain('4 All open (3)');
    const lines = frame.split('\n');
    expect(lines.findIndex((l) => l.includes('#1001'))).toBeLessThan(lines.findIndex((l) => l.includes('#1002')));
    expect(frame).toMatch(/SUBJECT +CUSTOMER +ASSIGNEE +AGE +DUE/);
  });

  it('renders a subject full of escape sequences as visible text, never as terminal control', async () => {
    const hostile = `Hi${ESC}[2J${ESC}]0;pwned\u0007${ESC}]52;c;aGk=${ESC}\\\r\u009b31m\u202Eevil`;
    const ui = start(new FakeDesk([fakeTicket(7, { subject: hostile })]));
    await press(ui, '4');
    const frame = await waitForText(ui, '#7');
    expect(frame).toContain('Hi^[[2J^[]0;pwned^G');
    // eslint-disable-next-line no-control-regex -- looking for raw control bytes is the point
    expect(frame).not.toMatch(/[\u0007\u0080-\u009f\u202a-\u202e]|\u001b\]|\u001b\[2J/);
    await press(ui, KEYS.enter);
    const pane = await waitForText(ui, 'SLA');
    expect(pane).toContain('#7 Hi^[[2J^[]0;pwned^G^[]52;c;aGk=^[\\^M\\u{9b}31m');
    expect(pane).toContain('\\u{202e}evil');
  });

  it('moves with j/k and arrows, jumps with g/G, and keeps the columns inside 80×24', async () => {
    const desk = new FakeDesk(Array.from({ length: 40 }, (_, i) => fakeTicket(i + 1, { subject: `Ticket number ${i + 1} with a long subject 退款 🙂` })));
    const ui = start(desk, { columns: 80, rows: 24 });
    await press(ui, '4');
    await waitForText(ui, '#1 ');
    await press(ui, 'G');
    await waitForText(ui, '›#40 ');
    await press(ui, 'g', 'j', KEYS.down);
    const frame = await waitForText(ui, '›#3 ');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('filters as you type through the desk, and Esc clears the filter', async () => {
    const ui = start(queueDesk());
    await press(ui, '4', '/', 'r', 'e', 'f');
    const frame = await waitForFrame(ui, (f) => f.includes('#1002') && !f.includes('#1001'));
    expect(frame).toContain('filter: ref');
    await press(ui, KEYS.escape);
    await waitForText(ui, '#1001');
  });

  it('applies keys typed faster than the screen renders in order, each seeing the one before', async () => {
    const desk = queueDesk();
    const ui = start(desk);
    await press(ui, '4');
    await waitForText(ui, '›#1001');
    for (const key of ['/', 'r', 'e', 'f', KEYS.enter, 'j']) ui.stdin.write(key); // no yielding in between
    const frame = await waitForFrame(ui, (f) => f.includes('filter: ref') && !f.includes('ref▏'));
    expect(frame).not.toContain('Reply to the customer');
    expect(desk.calls).toEqual([]);
  });

  it('assigns optimistically and rolls back honestly when the desk refuses', async () => {
    const desk = queueDesk();
    const ui = start(desk);
    await press(ui, '2');
    await waitForText(ui, '›#1001');
    desk.gate = true;
    await press(ui, 'a');
    await waitForFrame(ui, (f) => f.includes('~#1001') && f.includes('assigned'));
    desk.gate = false;
    desk.release();
    await waitForText(ui, '✓ Assigned #1001');
    expect(desk.calls).toEqual(['assign 1001 @me']);

    desk.failNext = 'Ticket #1002 was closed by bo@example.com';
    await press(ui, '4');
    await waitForText(ui, '#1002');
    await press(ui, 'G', 'c');
    await waitForText(ui, 'Close #1003?');
    await press(ui, 'y');
    const frame = await waitForText(ui, 'failed: Ticket #1002 was closed');
    expect(frame).toMatch(/#1003 +medium +assigned/);
  });

  it('sets a ticket pending with P through the desk', async () => {
    const desk = queueDesk();
    const ui = start(desk);
    await press(ui, '4');
    await waitForText(ui, '›#1001');
    await press(ui, 'P');
    await waitForText(ui, '✓ Set pending #1001');
    expect(desk.calls).toEqual(['pending 1001']);
    expect(ui.lastFrame()).toMatch(/#1001 +urgent +pending/);
  });
});

describe('ticket pane', () => {
  it('shows the thread by kind, the AI confidence, filing and attachments, and toggles the history', async () => {
    const desk = queueDesk();
    const at = '2026-11-30T09:00:00.000Z';
    const ana = { id: 'a', email: 'ana@example.com', name: 'Ana' };
    desk.detail = {
      thread: {
        ticket: desk.tickets[0]!,
        messages: [
          { id: 'm1', kind: 'customer', visibleToCustomer: true, author: desk.tickets[0]!.customer, body: 'It is on fire\nsince noon', createdAt: at },
          { id: 'm2', kind: 'ai', visibleToCustomer: true, author: null, body: 'Unplug it.', createdAt: at },
          { id: 'm3', kind: 'internal', visibleToCustomer: false, author: ana, body: 'Call facilities', createdAt: at },
          { id: 'm4', kind: 'agent', visibleToCustomer: true, author: ana, body: 'On our way', createdAt: at },
          { id: 'm5', kind: 'system', visibleToCustomer: false, author: null, body: 'Assigned to ana', createdAt: at },
        ],
        work: { tags: ['vip'], category: 'Hardware', time: { totalMinutes: 5, billableMinutes: 0 } },
      },
      history: [{ id: 1, type: 'ai.replied', actor: null, data: { messageId: 'm2', confidence: 0.82 }, createdAt: at }],
      attachments: [{ id: 'f', ticketNumber: 1001, messageId: null, filename: 'smoke.png', contentType: 'image/png', sizeBytes: 120, sha256: '', uploadedBy: null, createdAt: at }],
    };
    const ui = start(desk);
    await press(ui, '4');
    await waitForText(ui, '›#1001');
    await press(ui, KEYS.enter);
    const frame = await waitForText(ui, 'Unplug it.');
    for (const text of ['── CUSTOMER', '── AI · 2026-11-30 09:00 · confidence 0.82', '── INTERNAL NOTE · ana@example.com', '┃ Call facilities', '── AGENT', '── SYSTEM', 'since noon', 'tags vip · category Hardware', 'smoke.png']) {
      expect(frame).toContain(text);
    }
    await press(ui, 'H');
    await waitForText(ui, 'HISTORY');
    expect(ui.lastFrame()).toContain('ai.replied');
    await press(ui, 'q');
    await waitForText(ui, '4 All open');
  });
});

describe('editor', () => {
  it('writes a multi-line reply, asks before sending, and sends it through the desk', async () => {
    const desk = queueDesk();
    const ui = start(desk);
    await press(ui, '4');
    await waitForText(ui, '›#1001');
    await press(ui, 'r');
    await waitForText(ui, 'Reply to the customer on #1001');
    await press(ui, 'H', 'i', KEYS.enter, 'B', 'y', 'e', KEYS.backspace, 'e', '!');
    await waitForText(ui, 'Bye!');
    await press(ui, KEYS.ctrlS);
    await waitForText(ui, 'Send this reply to the customer on #1001?');
    expect(desk.calls).toEqual([]);
    await press(ui, 'y');
    await waitForText(ui, '✓ Replied on #1001');
    expect(desk.calls).toEqual(['reply 1001 "Hi\\nBye!"']);
  });

  it('treats a pasted block with line breaks as text, and keeps a draft that failed to send', async () => {
    const desk = queueDesk();
    const ui = start(desk);
    await press(ui, '4');
    await waitForText(ui, '›#1001');
    await press(ui, 'n', 'line one\r\nline two\r');
    await waitForText(ui, 'line two');
    expect(desk.calls).toEqual([]);
    desk.failNext = 'You lost permission';
    await press(ui, KEYS.ctrlS, 'y');
    const frame = await waitForText(ui, 'Internal note on #1001');
    expect(frame).toContain('line one');
    expect(frame).toContain('failed: You lost permission');
  });

  it('asks before discarding a draft on Esc', async () => {
    const ui = start(queueDesk());
    await press(ui, '4');
    await waitForText(ui, '›#1001');
    await press(ui, 'r', 'x', KEYS.escape);
    await waitForText(ui, 'Discard this draft?');
    await press(ui, 'n');
    await waitForText(ui, 'Reply to the customer');
  });
});

describe('key map overlay', () => {
  it('lists the keys from the key map on ?, scrolls, and closes on Esc', async () => {
    const ui = start(queueDesk());
    await press(ui, '?');
    const frame = await waitForText(ui, 'Keys — j/k scroll');
    expect(frame).toContain('show every key (this list)');
    expect(frame).toContain('j down');
    await press(ui, ...Array.from({ length: 30 }, () => 'j'));
    await waitForText(ui, 'assign to me');
    await press(ui, KEYS.escape);
    await waitForText(ui, '1 Mine');
  });

  it('uses semantic colour tokens unless NO_COLOR is set', () => {
    expect(createTheme({}).color('priority.urgent')).toBe('red');
    expect(createTheme({ NO_COLOR: '1' }).color('priority.urgent')).toBeUndefined();
    expect(createTheme({ NO_COLOR: '' }).isColor).toBe(true);
  });
});
