import type { Ticket } from '../core/tickets/ticket.js';
import type { TicketDetail } from './desk.js';
import { byUrgency, VIEWS, type Counts, type QueueTicket, type ViewId } from './views.js';

/** A dialog over the current screen; it owns the keyboard while open. */
export type Dialog =
  | { kind: 'help'; scroll: number }
  | { kind: 'editor'; mode: 'reply' | 'note'; ticket: number; text: string }
  | { kind: 'picker'; title: string; action: PickerAction; ticket: number; options: string[]; index: number }
  | { kind: 'prompt'; title: string; action: PromptAction; ticket: number; text: string }
  | { kind: 'confirm'; message: string; action: ConfirmAction };

export type PickerAction = 'assignTo' | 'priority' | 'category';
export type PromptAction = 'escalate' | 'tags' | 'logTime' | 'assignTo';
export type ConfirmAction =
  | { kind: 'close'; ticket: number }
  | { kind: 'send'; mode: 'reply' | 'note'; ticket: number; text: string }
  | { kind: 'discard'; dialog: Dialog }
  | { kind: 'quit' };

export interface PendingChange {
  /** The row before the optimistic change, restored when the change fails (absent when not in the view). */
  before: QueueTicket | undefined;
  label: string;
}

export interface TuiState {
  screen: 'queue' | 'ticket';
  view: ViewId;
  savedSearch: string | null;
  rows: QueueTicket[];
  hasMore: boolean;
  counts: Counts;
  /** The selected ticket's number: selection follows the ticket when rows move. */
  selected: number | null;
  /** The selected row index, used when the selected ticket leaves the view. */
  cursor: number;
  offset: number;
  filter: string;
  isFiltering: boolean;
  isLoading: boolean;
  refreshedAt: string | null;
  pending: Record<number, PendingChange>;
  detail: TicketDetail | null;
  scroll: number;
  showHistory: boolean;
  dialog: Dialog | null;
  message: { text: string; tone: 'info' | 'error' | 'success' } | null;
  size: { columns: number; rows: number };
}

export type Action =
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'loaded'; view: ViewId; filter: string; tickets: QueueTicket[]; hasMore: boolean; at: string }
  | { type: 'counted'; counts: Counts }
  | { type: 'loading' }
  | { type: 'move'; by: number }
  | { type: 'moveTo'; index: number }
  | { type: 'switchView'; view: ViewId }
  | { type: 'startFilter' }
  | { type: 'typeFilter'; text: string }
  | { type: 'endFilter'; keep: boolean }
  | { type: 'saveSearch' }
  | { type: 'open'; number: number }
  | { type: 'detailLoaded'; detail: TicketDetail }
  | { type: 'closePane' }
  | { type: 'scroll'; by: number; max: number }
  | { type: 'toggleHistory' }
  | { type: 'dialog'; dialog: Dialog | null }
  | { type: 'optimistic'; number: number; patch: Partial<QueueTicket>; label: string }
  | { type: 'settled'; number: number; ticket: Ticket | null }
  | { type: 'failed'; number: number; error: string }
  | { type: 'message'; text: string; tone: 'info' | 'error' | 'success' }
  | { type: 'clearMessage' };

/** Lines around the list: tabs, column header, status bar, hint line, and one spare so a frame never fills the terminal. */
export const QUEUE_CHROME = 5;

export function initialState(options: { columns: number; rows: number; savedSearch?: string | null; view?: ViewId }): TuiState {
  return {
    screen: 'queue',
    view: options.view ?? 'mine',
    savedSearch: options.savedSearch ?? null,
    rows: [],
    hasMore: false,
    counts: {},
    selected: null,
    cursor: 0,
    offset: 0,
    filter: '',
    isFiltering: false,
    isLoading: true,
    refreshedAt: null,
    pending: {},
    detail: null,
    scroll: 0,
    showHistory: false,
    dialog: null,
    message: null,
    size: { columns: options.columns, rows: options.rows },
  };
}

export const visibleRows = (state: Pick<TuiState, 'size'>): number => Math.max(1, state.size.rows - QUEUE_CHROME);

/** Puts the cursor on `index` (clamped) and scrolls just enough to show it. */
function select(state: TuiState, index: number): TuiState {
  if (state.rows.length === 0) return { ...state, selected: null, cursor: 0, offset: 0 };
  const cursor = Math.min(Math.max(0, index), state.rows.length - 1);
  const height = visibleRows(state);
  let offset = Math.min(state.offset, Math.max(0, state.rows.length - height));
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + height) offset = cursor - height + 1;
  return { ...state, cursor, offset, selected: state.rows[cursor]!.number };
}

export const selectedTicket = (state: TuiState): QueueTicket | undefined => state.rows.find((r) => r.number === state.selected);

export function reduce(state: TuiState, action: Action): TuiState {
  switch (action.type) {
    case 'resize':
      return select({ ...state, size: { columns: action.columns, rows: action.rows } }, state.cursor);
    case 'loading':
      return { ...state, isLoading: true };
    case 'loaded': {
      // A page for another view or an older filter arrived late: ignore it.
      if (action.view !== state.view || action.filter !== state.filter) return state;
      // A row with a change in flight keeps its optimistic version until the change settles.
      const rows = action.tickets.map((t) => (state.pending[t.number] ? (state.rows.find((r) => r.number === t.number) ?? t) : t)).sort(byUrgency);
      const next = { ...state, rows, hasMore: action.hasMore, isLoading: false, refreshedAt: action.at };
      const index = rows.findIndex((r) => r.number === state.selected);
      return select(next, index >= 0 ? index : state.cursor);
    }
    case 'counted':
      return { ...state, counts: action.counts };
    case 'move':
      return select(state, state.cursor + action.by);
    case 'moveTo':
      return select(state, action.index < 0 ? state.rows.length - 1 : action.index);
    case 'switchView':
      if (action.view === state.view) return state;
      return { ...state, view: action.view, rows: [], selected: null, cursor: 0, offset: 0, isLoading: true, hasMore: false };
    case 'startFilter':
      return { ...state, isFiltering: true };
    case 'typeFilter':
      return { ...state, filter: action.text, isLoading: true };
    case 'endFilter':
      return action.keep ? { ...state, isFiltering: false } : { ...state, isFiltering: false, filter: '', isLoading: state.filter !== '' };
    case 'saveSearch': {
      const query = state.filter.trim();
      if (!query) return { ...state, message: { text: 'Type a filter with / first, then press s to keep it', tone: 'info' } };
      return { ...state, savedSearch: query, view: 'saved', filter: '', rows: [], selected: null, cursor: 0, offset: 0, isLoading: true, message: { text: `Saved view: ${query}`, tone: 'success' } };
    }
    case 'open':
      return { ...select(state, Math.max(0, state.rows.findIndex((r) => r.number === action.number))), screen: 'ticket', detail: null, scroll: 0, showHistory: false };
    case 'detailLoaded':
      if (state.screen !== 'ticket' || action.detail.thread.ticket.number !== state.selected) return state;
      return { ...state, detail: action.detail };
    case 'closePane':
      return { ...state, screen: 'queue', detail: null, scroll: 0 };
    case 'scroll':
      return { ...state, scroll: Math.min(Math.max(0, state.scroll + action.by), Math.max(0, action.max)) };
    case 'toggleHistory':
      return { ...state, showHistory: !state.showHistory, scroll: 0 };
    case 'dialog':
      return { ...state, dialog: action.dialog };
    case 'optimistic': {
      const before = action.number in state.pending ? state.pending[action.number]!.before : state.rows.find((r) => r.number === action.number);
      return {
        ...state,
        rows: state.rows.map((r) => (r.number === action.number ? { ...r, ...action.patch } : r)),
        pending: { ...state.pending, [action.number]: { before, label: action.label } },
        message: { text: `${action.label} #${action.number}…`, tone: 'info' },
      };
    }
    case 'settled': {
      const { [action.number]: change, ...pending } = state.pending;
      const rows = action.ticket ? state.rows.map((r) => (r.number === action.number ? { ...r, ...action.ticket } : r)) : state.rows;
      return { ...state, rows, pending, message: change ? { text: `✓ ${change.label} #${action.number}`, tone: 'success' } : state.message };
    }
    case 'failed': {
      const { [action.number]: change, ...pending } = state.pending;
      const before = change?.before;
      const rows = before ? state.rows.map((r) => (r.number === action.number ? before : r)) : state.rows;
      return { ...state, rows, pending, message: { text: `✗ ${change?.label ?? 'Change'} #${action.number} failed: ${action.error}`, tone: 'error' } };
    }
    case 'message':
      return { ...state, message: { text: action.text, tone: action.tone } };
    case 'clearMessage':
      return { ...state, message: null };
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled action ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The view after (or before) the current one, skipping Saved until a search is saved. */
export function adjacentView(state: TuiState, step: 1 | -1): ViewId {
  const ids = VIEWS.map((v) => v.id).filter((id) => id !== 'saved' || state.savedSearch !== null);
  const at = ids.indexOf(state.view);
  return ids[(at + step + ids.length) % ids.length]!;
}
