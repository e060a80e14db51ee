import { describe, expect, it } from 'vitest';
import { fakeTicket } from './desk.fake.js';
import { adjacentView, initialState, reduce, type TuiState } from './state.js';
import { byUrgency } from './views.js';

const loaded = (state: TuiState, tickets = state.rows) => reduce(state, { type: 'loaded', view: state.view, filter: state.filter, tickets, hasMore: false, at: '2026-11-30T09:00:00.000Z' });
const start = (n: number, rows = 10) => loaded(initialState({ columns: 100, rows }), Array.from({ length: n }, (_, i) => fakeTicket(i + 1)));

describe('queue reducer', () => {
  it('given a loaded view, when moving, then the cursor is clamped and the window scrolls just enough', () => {
    let s = start(20, 10); // 5 visible rows
    expect(s.selected).toBe(1);
    s = reduce(s, { type: 'move', by: 7 });
    expect([s.cursor, s.offset, s.selected]).toEqual([7, 3, 8]);
    s = reduce(s, { type: 'moveTo', index: -1 });
    expect([s.cursor, s.offset]).toEqual([19, 15]);
    s = reduce(s, { type: 'move', by: 100 });
    expect(s.cursor).toBe(19);
    s = reduce(s, { type: 'moveTo', index: 0 });
    expect([s.cursor, s.offset]).toEqual([0, 0]);
  });

  it('given a selection, when a refresh reorders the rows, then the selection stays on the same ticket', () => {
    let s = reduce(start(5), { type: 'move', by: 2 });
    expect(s.selected).toBe(3);
    s = loaded(s, [fakeTicket(9, { priority: 'urgent' }), ...s.rows]);
    expect(s.selected).toBe(3);
    expect(s.rows[s.cursor]!.number).toBe(3);
  });

  it('given the selected ticket leaves the view, when refreshed, then the row at the same place is selected', () => {
    let s = reduce(start(5), { type: 'move', by: 2 });
    s = loaded(s, s.rows.filter((r) => r.number !== 3));
    expect(s.selected).toBe(4);
  });

  it('ignores a late page for another view or filter', () => {
    const s = reduce(start(3), { type: 'switchView', view: 'escalated' });
    expect(reduce(s, { type: 'loaded', view: 'mine', filter: '', tickets: [fakeTicket(42)], hasMore: false, at: 'x' }).rows).toEqual([]);
  });

  it('given an optimistic change, when it fails, then the row is restored and the error shown; a refresh meanwhile keeps the pending row', () => {
    let s = start(3);
    s = reduce(s, { type: 'optimistic', number: 2, patch: { status: 'closed' }, label: 'Closed' });
    expect(s.rows.find((r) => r.number === 2)!.status).toBe('closed');
    s = loaded(s, [fakeTicket(1), fakeTicket(2), fakeTicket(3)]);
    expect(s.rows.find((r) => r.number === 2)!.status).toBe('closed');
    s = reduce(s, { type: 'failed', number: 2, error: 'Ticket #2 is already closed' });
    expect(s.rows.find((r) => r.number === 2)!.status).toBe('open');
    expect(s.pending).toEqual({});
    expect(s.message).toEqual({ text: '✗ Closed #2 failed: Ticket #2 is already closed', tone: 'error' });
  });

  it('given an optimistic change, when it succeeds, then the server version replaces the row', () => {
    let s = reduce(start(3), { type: 'optimistic', number: 1, patch: { status: 'assigned' }, label: 'Assigned' });
    s = reduce(s, { type: 'settled', number: 1, ticket: fakeTicket(1, { status: 'assigned', priority: 'high' }) });
    expect(s.rows.find((r) => r.number === 1)).toMatchObject({ status: 'assigned', priority: 'high' });
    expect(s.message?.tone).toBe('success');
  });

  it('keeps the selection visible across a resize', () => {
    let s = reduce(start(30, 40), { type: 'moveTo', index: 25 });
    s = reduce(s, { type: 'resize', columns: 80, rows: 10 });
    expect(s.cursor).toBe(25);
    expect(s.offset).toBeLessThanOrEqual(25);
    expect(s.offset + 5).toBeGreaterThan(25);
  });

  it('saves the filter as the Saved view, and tab skips Saved until then', () => {
    let s = start(3);
    expect(adjacentView({ ...s, view: 'pending' }, 1)).toBe('mine');
    s = reduce(reduce(s, { type: 'startFilter' }), { type: 'typeFilter', text: 'refund' });
    s = reduce(s, { type: 'saveSearch' });
    expect([s.view, s.savedSearch, s.filter]).toEqual(['saved', 'refund', '']);
    expect(adjacentView({ ...s, view: 'pending' }, 1)).toBe('saved');
  });
});

describe('urgency order', () => {
  it('puts the earliest SLA due first, then priority, then the oldest', () => {
    const rows = [
      fakeTicket(1, { priority: 'low' }),
      fakeTicket(2, { priority: 'urgent' }),
      fakeTicket(3, { priority: 'low', sla: { state: 'running', dueAt: '2026-11-30T10:00:00Z' } }),
      fakeTicket(4, { priority: 'urgent', sla: { state: 'running', dueAt: '2026-11-30T12:00:00Z' } }),
      fakeTicket(5, { priority: 'urgent' }),
    ];
    expect(rows.sort(byUrgency).map((r) => r.number)).toEqual([3, 4, 2, 5, 1]);
  });
});
