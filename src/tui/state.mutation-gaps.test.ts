import { describe, expect, it } from 'vitest';
import type { TicketDetail } from './desk.js';
import { fakeTicket } from './desk.fake.js';
import { adjacentView, initialState, reduce, visibleRows, type TuiState } from './state.js';

// Issue 15: reducer rules that neither state.test.ts nor app.test.tsx decided; each case here fails
// when its rule is changed by hand (an action ignored, a clamp removed, a message lost).
const AT = '2026-11-30T09:00:00.000Z';
const loaded = (state: TuiState, tickets = state.rows, hasMore = false) => reduce(state, { type: 'loaded', view: state.view, filter: state.filter, tickets, hasMore, at: AT });
const start = (n: number, rows = 10) => loaded(initialState({ columns: 100, rows }), Array.from({ length: n }, (_, i) => fakeTicket(i + 1)));
const detailOf = (n: number): TicketDetail => ({ thread: { ticket: fakeTicket(n), messages: [] }, history: [], attachments: [] });

describe('queue reducer: the rules the mutation run found undecided', () => {
  it('starts loading an empty queue, and a page ends the loading with its flags and time', () => {
    const s0 = initialState({ columns: 80, rows: 24 });
    expect(s0).toMatchObject({ screen: 'queue', view: 'mine', savedSearch: null, rows: [], selected: null, isLoading: true, refreshedAt: null, dialog: null, message: null });
    expect(initialState({ columns: 80, rows: 24, view: 'open', savedSearch: 'refund' })).toMatchObject({ view: 'open', savedSearch: 'refund' });
    const s = loaded(s0, [fakeTicket(1)], true);
    expect(s).toMatchObject({ hasMore: true, isLoading: false, refreshedAt: AT, selected: 1 });
    expect(reduce(s, { type: 'loading' }).isLoading).toBe(true);
    expect(reduce(s, { type: 'counted', counts: { mine: 3, open: 7 } }).counts).toEqual({ mine: 3, open: 7 });
  });

  it('selects nothing in an empty view, and keeps at least one visible row in a tiny terminal', () => {
    const s = reduce(loaded(initialState({ columns: 80, rows: 24 }), []), { type: 'move', by: 3 });
    expect([s.selected, s.cursor, s.offset]).toEqual([null, 0, 0]);
    expect(visibleRows({ size: { columns: 80, rows: 3 } })).toBe(1);
    expect(visibleRows({ size: { columns: 80, rows: 24 } })).toBe(19);
  });

  it('pulls the window back to a full page when the list shrinks under it', () => {
    let s = reduce(start(20, 10), { type: 'moveTo', index: -1 }); // 5 rows visible
    expect([s.cursor, s.offset]).toEqual([19, 15]);
    s = loaded(s, s.rows.slice(0, 10));
    expect([s.cursor, s.offset, s.selected]).toEqual([9, 5, 10]);
  });

  it('keeps the state when switching to the current view, and clears the rows for another', () => {
    const s = reduce(start(3), { type: 'move', by: 1 });
    expect(reduce(s, { type: 'switchView', view: 'mine' })).toBe(s);
    expect(reduce(s, { type: 'switchView', view: 'open' })).toMatchObject({ view: 'open', rows: [], selected: null, cursor: 0, offset: 0, isLoading: true, hasMore: false });
  });

  it('filters: typing reloads, Enter keeps the filter, Esc clears it and reloads only when there was one', () => {
    let s = reduce(start(3), { type: 'startFilter' });
    expect(s.isFiltering).toBe(true);
    s = reduce(s, { type: 'typeFilter', text: 'refund' });
    expect([s.filter, s.isLoading]).toEqual(['refund', true]);
    const kept = reduce({ ...s, isLoading: false }, { type: 'endFilter', keep: true });
    expect([kept.isFiltering, kept.filter, kept.isLoading]).toEqual([false, 'refund', false]);
    const cleared = reduce({ ...s, isLoading: false }, { type: 'endFilter', keep: false });
    expect([cleared.isFiltering, cleared.filter, cleared.isLoading]).toEqual([false, '', true]);
    const nothing = reduce(reduce(start(3), { type: 'startFilter' }), { type: 'endFilter', keep: false });
    expect([nothing.isFiltering, nothing.isLoading]).toEqual([false, false]);
  });

  it('refuses to save a blank filter, and says so; a saved one is announced and loads the Saved view', () => {
    const blank = reduce({ ...start(3), filter: '   ' }, { type: 'saveSearch' });
    expect(blank).toMatchObject({ view: 'mine', savedSearch: null, message: { text: 'Type a filter with / first, then press s to keep it', tone: 'info' } });
    const saved = reduce({ ...start(3), filter: ' refund ' }, { type: 'saveSearch' });
    expect(saved).toMatchObject({ view: 'saved', savedSearch: 'refund', rows: [], selected: null, isLoading: true, message: { text: 'Saved view: refund', tone: 'success' } });
  });

  it('opens a ticket on its row with a fresh pane, and closing it returns to the queue', () => {
    let s = reduce(start(5), { type: 'toggleHistory' });
    s = reduce({ ...s, scroll: 4, detail: detailOf(1) }, { type: 'open', number: 4 });
    expect(s).toMatchObject({ screen: 'ticket', selected: 4, cursor: 3, detail: null, scroll: 0, showHistory: false });
    expect(reduce(start(5), { type: 'open', number: 99 }).cursor).toBe(0);
    s = reduce({ ...s, scroll: 3 }, { type: 'closePane' });
    expect(s).toMatchObject({ screen: 'queue', detail: null, scroll: 0, selected: 4 });
  });

  it('takes a loaded thread only for the ticket still open in the pane', () => {
    const open = reduce(start(5), { type: 'open', number: 2 });
    expect(reduce(open, { type: 'detailLoaded', detail: detailOf(2) }).detail).toEqual(detailOf(2));
    expect(reduce(open, { type: 'detailLoaded', detail: detailOf(3) })).toBe(open);
    const closed = reduce(open, { type: 'closePane' });
    expect(reduce(closed, { type: 'detailLoaded', detail: detailOf(2) })).toBe(closed);
  });

  it('scrolls the pane inside 0…max, and the history toggle starts again from the top', () => {
    let s = reduce(start(1), { type: 'scroll', by: 5, max: 3 });
    expect(s.scroll).toBe(3);
    s = reduce(s, { type: 'scroll', by: -1, max: 3 });
    expect(s.scroll).toBe(2);
    expect(reduce(s, { type: 'scroll', by: -10, max: 3 }).scroll).toBe(0);
    expect(reduce(s, { type: 'scroll', by: 1, max: -2 }).scroll).toBe(0);
    s = reduce(s, { type: 'toggleHistory' });
    expect([s.showHistory, s.scroll]).toEqual([true, 0]);
    expect(reduce(s, { type: 'toggleHistory' }).showHistory).toBe(false);
  });

  it('opens and closes dialogs, and shows and clears messages', () => {
    let s = reduce(start(1), { type: 'dialog', dialog: { kind: 'help', scroll: 0 } });
    expect(s.dialog).toEqual({ kind: 'help', scroll: 0 });
    s = reduce(s, { type: 'dialog', dialog: null });
    expect(s.dialog).toBeNull();
    s = reduce(s, { type: 'message', text: 'Saved', tone: 'success' });
    expect(s.message).toEqual({ text: 'Saved', tone: 'success' });
    expect(reduce(s, { type: 'clearMessage' }).message).toBeNull();
  });

  it('announces a change in flight, and a second change on the same row still rolls back to the first original', () => {
    let s = reduce(start(3), { type: 'optimistic', number: 2, patch: { status: 'pending' }, label: 'Pending' });
    expect(s.message).toEqual({ text: 'Pending #2…', tone: 'info' });
    s = reduce(s, { type: 'optimistic', number: 2, patch: { priority: 'urgent' }, label: 'Priority' });
    expect(s.rows.find((r) => r.number === 2)).toMatchObject({ status: 'pending', priority: 'urgent' });
    s = reduce(s, { type: 'failed', number: 2, error: 'refused' });
    expect(s.rows.find((r) => r.number === 2)).toMatchObject({ status: 'open', priority: 'medium' });
    expect(s.message).toEqual({ text: '✗ Priority #2 failed: refused', tone: 'error' });
  });

  it('settles: names the change that succeeded, keeps the rows when the desk returns none, and keeps the message for a change it never saw', () => {
    let s = reduce(start(3), { type: 'optimistic', number: 1, patch: { status: 'closed' }, label: 'Closed' });
    s = reduce(s, { type: 'settled', number: 1, ticket: null });
    expect(s.rows.find((r) => r.number === 1)!.status).toBe('closed');
    expect(s.pending).toEqual({});
    expect(s.message).toEqual({ text: '✓ Closed #1', tone: 'success' });
    const quiet = reduce({ ...start(3), message: { text: 'hello', tone: 'info' } }, { type: 'settled', number: 3, ticket: fakeTicket(3, { priority: 'high' }) });
    expect(quiet.message).toEqual({ text: 'hello', tone: 'info' });
    expect(quiet.rows.find((r) => r.number === 3)!.priority).toBe('high');
  });

  it('reports a failure it has no pending change for, leaving the rows as they are', () => {
    const s = start(3);
    const after = reduce(s, { type: 'failed', number: 3, error: 'gone' });
    expect(after.rows).toEqual(s.rows);
    expect(after.message).toEqual({ text: '✗ Change #3 failed: gone', tone: 'error' });
  });

  it('refuses an action it does not know', () => {
    expect(() => reduce(start(1), { type: 'explode' } as never)).toThrow('unhandled action {"type":"explode"}');
  });

  it('steps back through the views, wrapping around, with Saved only once a search is saved', () => {
    const s = start(1);
    expect(adjacentView(s, -1)).toBe('pending');
    expect(adjacentView({ ...s, view: 'unassigned' }, -1)).toBe('mine');
    expect(adjacentView({ ...s, savedSearch: 'x' }, -1)).toBe('saved');
    expect(adjacentView({ ...s, view: 'saved', savedSearch: 'x' }, 1)).toBe('mine');
  });
});
