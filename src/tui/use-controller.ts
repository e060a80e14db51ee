import { useApp, useInput } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { choosePicked, confirmed, errorText, runTicketCommand, submitPrompt, type CommandContext } from './commands.js';
import type { TuiDesk } from './desk.js';
import { helpLines } from './help-overlay.js';
import { commandFor, keyName, type KeyContext } from './keymap.js';
import { paneBody } from './pane-lines.js';
import { adjacentView, initialState, reduce, visibleRows, type Action, type TuiState } from './state.js';
import { VIEWS, type ViewId } from './views.js';

export interface ControllerOptions {
  desk: TuiDesk;
  columns: number;
  rows: number;
  savedSearch?: string | null;
  /** How often the queue refreshes itself. */
  pollMs: number;
  /** Debounce for the filter box, so a search runs when typing pauses. */
  filterDelayMs?: number;
  /** Opens $EDITOR on a draft; resolves with the edited text, or null when it could not run. */
  openEditor?: (text: string) => Promise<string | null>;
}

/** Rows of the ticket pane that the header and status lines take. */
export const PANE_CHROME = 7;

/** The whole behaviour of the TUI: state, key handling, loading and polling. Screens only draw. */
export function useController(options: ControllerOptions) {
  const { desk } = options;
  const [state, dispatchToReact] = useReducer(reduce, options, (o) => initialState({ columns: o.columns, rows: o.rows, savedSearch: o.savedSearch }));
  const { exit } = useApp();
  // Keys can arrive faster than React renders (a quick typist, tmux, a paste): each key must see the
  // effect of the one before, so the state is also kept here, updated as each action is sent.
  const latest = useRef(state);
  const dispatch = useCallback((action: Action) => {
    latest.current = reduce(latest.current, action);
    dispatchToReact(action);
  }, []);
  const queueGeneration = useRef(0);
  const ctrlCArmed = useRef(false);

  const reloadQueue = useCallback(() => {
    const { view, filter, savedSearch } = latest.current;
    const generation = ++queueGeneration.current;
    void Promise.all([desk.queue(view, filter, savedSearch), desk.counts()]).then(
      ([page, counts]) => {
        if (generation !== queueGeneration.current) return;
        dispatch({ type: 'loaded', view, filter, tickets: page.tickets, hasMore: page.hasMore, at: new Date().toISOString() });
        dispatch({ type: 'counted', counts: { ...counts, ...(view === 'saved' ? { saved: page.tickets.length } : {}) } });
      },
      (error: unknown) => dispatch({ type: 'message', text: `✗ Refresh failed: ${errorText(error)}`, tone: 'error' }),
    );
  }, [desk, dispatch]);

  const reloadDetail = useCallback(() => {
    const number = latest.current.selected;
    if (number === null) return;
    desk.ticket(number).then(
      (detail) => dispatch({ type: 'detailLoaded', detail }),
      (error: unknown) => dispatch({ type: 'message', text: `✗ #${number}: ${errorText(error)}`, tone: 'error' }),
    );
  }, [desk, dispatch]);

  // Load when the view or filter changes (the filter after a pause in typing), then poll.
  useEffect(() => {
    const delay = state.isFiltering ? (options.filterDelayMs ?? 150) : 0;
    const first = setTimeout(reloadQueue, delay);
    const poll = setInterval(reloadQueue, options.pollMs);
    return () => {
      clearTimeout(first);
      clearInterval(poll);
    };
  }, [state.view, state.filter, state.savedSearch, state.isFiltering, reloadQueue, options.pollMs, options.filterDelayMs]);

  useEffect(() => {
    if (state.screen === 'ticket' && state.selected !== null) reloadDetail();
  }, [state.screen, state.selected, reloadDetail]);

  const context = (): CommandContext => ({ state: latest.current, dispatch, desk, reloadQueue, reloadDetail });

  const handleText = (name: string, input: string, current: string): string | undefined => {
    if (name === 'backspace') return current.slice(0, -1);
    if (input && !/^(ctrl|shift)\+|^(up|down|left|right|enter|escape|tab|pageup|pagedown|home|end)$/.test(name)) return current + input;
    return undefined;
  };

  useInput((input, key) => {
    const s = latest.current;
    const name = keyName(input, key);
    if (name === 'ctrl+c') {
      const hasDraft = s.dialog?.kind === 'editor' && s.dialog.text.trim() !== '';
      if (hasDraft && !ctrlCArmed.current) {
        ctrlCArmed.current = true;
        dispatch({ type: 'message', text: 'A draft is open: press Ctrl+C again to quit and lose it', tone: 'error' });
        return;
      }
      exit();
      return;
    }
    ctrlCArmed.current = false;
    if (s.message && !s.dialog) dispatch({ type: 'clearMessage' });
    const d = s.dialog;
    if (d) {
      switch (d.kind) {
        case 'help':
          if (name === 'escape' || name === 'q' || name === '?' || name === 'enter') dispatch({ type: 'dialog', dialog: null });
          else if (name === 'j' || name === 'down') dispatch({ type: 'dialog', dialog: { kind: 'help', scroll: Math.min(d.scroll + 1, Math.max(0, helpLines().length - (s.size.rows - 4))) } });
          else if (name === 'k' || name === 'up') dispatch({ type: 'dialog', dialog: { kind: 'help', scroll: Math.max(0, d.scroll - 1) } });
          return;
        case 'confirm': {
          const command = commandFor(name, ['confirm']);
          if (command === 'confirmYes') {
            if (d.action.kind === 'quit') return exit();
            void confirmed(d.action, context());
          } else if (command === 'confirmNo') dispatch({ type: 'dialog', dialog: d.action.kind === 'discard' ? d.action.dialog : null });
          return;
        }
        case 'picker': {
          const command = commandFor(name, ['picker']);
          if (command === 'pickerDown' || command === 'pickerUp') {
            const index = (d.index + (command === 'pickerDown' ? 1 : -1) + d.options.length) % d.options.length;
            dispatch({ type: 'dialog', dialog: { ...d, index } });
          } else if (command === 'pickerChoose') void choosePicked(d.action, d.ticket, d.options[d.index]!, context());
          else if (command === 'pickerCancel') dispatch({ type: 'dialog', dialog: null });
          return;
        }
        case 'prompt': {
          if (name === 'enter') void submitPrompt(d.action, d.ticket, d.text, context());
          else if (name === 'escape') dispatch({ type: 'dialog', dialog: null });
          else {
            const text = handleText(name, input, d.text);
            if (text !== undefined) dispatch({ type: 'dialog', dialog: { ...d, text } });
          }
          return;
        }
        case 'editor': {
          const command = commandFor(name, ['editor']);
          if (command === 'editorSend') {
            if (d.text.trim() === '') dispatch({ type: 'message', text: 'The draft is empty', tone: 'info' });
            else dispatch({ type: 'dialog', dialog: { kind: 'confirm', message: `${d.mode === 'reply' ? 'Send this reply to the customer' : 'Add this internal note'} on #${d.ticket}?`, action: { kind: 'send', mode: d.mode, ticket: d.ticket, text: d.text } } });
          } else if (command === 'editorCancel') {
            dispatch({ type: 'dialog', dialog: d.text.trim() === '' ? null : { kind: 'confirm', message: 'Discard this draft?', action: { kind: 'discard', dialog: d } } });
          } else if (command === 'editorNewline') dispatch({ type: 'dialog', dialog: { ...d, text: `${d.text}\n` } });
          else if (command === 'editorExternal') {
            if (!options.openEditor) dispatch({ type: 'message', text: '$EDITOR is not available here', tone: 'info' });
            else void options.openEditor(d.text).then((text) => text !== null && dispatch({ type: 'dialog', dialog: { ...d, text } }));
          } else {
            // Pasted text arrives in one piece; its line breaks become newlines in the draft, never a send.
            const text = handleText(name, input.replace(/\r\n?/g, '\n'), d.text);
            if (text !== undefined) dispatch({ type: 'dialog', dialog: { ...d, text } });
          }
          return;
        }
        default: {
          const unhandled: never = d;
          throw new Error(`unhandled dialog ${JSON.stringify(unhandled)}`);
        }
      }
    }
    if (s.isFiltering) {
      const command = commandFor(name, ['filter']);
      if (command === 'filterDone') dispatch({ type: 'endFilter', keep: true });
      else if (command === 'filterClear') dispatch({ type: 'endFilter', keep: false });
      else {
        const text = handleText(name, input, s.filter);
        if (text !== undefined) dispatch({ type: 'typeFilter', text });
      }
      return;
    }
    const contexts: KeyContext[] = s.screen === 'queue' ? ['queue', 'actions', 'global'] : ['ticket', 'actions', 'global'];
    const command = commandFor(name, contexts);
    if (!command) return;
    runScreenCommand(command, s);
  });

  function runScreenCommand(command: string, s: TuiState): void {
    const page = visibleRows(s);
    const paneHeight = Math.max(1, s.size.rows - PANE_CHROME);
    const paneMax = () => (s.detail ? paneBody(s.detail, s.size.columns - 2, s.showHistory).length - paneHeight : 0);
    switch (command) {
      case 'help':
        return dispatch({ type: 'dialog', dialog: { kind: 'help', scroll: 0 } });
      case 'quit':
      case 'back':
      case 'close':
        if (s.screen === 'ticket') return dispatch({ type: 'closePane' });
        if (command === 'back' && s.filter) return dispatch({ type: 'endFilter', keep: false });
        if (command === 'quit') return exit();
        return;
      case 'refresh':
        reloadQueue();
        if (s.screen === 'ticket') reloadDetail();
        return;
      case 'down':
        return dispatch({ type: 'move', by: 1 });
      case 'up':
        return dispatch({ type: 'move', by: -1 });
      case 'top':
        return dispatch({ type: 'moveTo', index: 0 });
      case 'bottom':
        return dispatch({ type: 'moveTo', index: -1 });
      case 'pageDown':
        return dispatch({ type: 'move', by: page });
      case 'pageUp':
        return dispatch({ type: 'move', by: -page });
      case 'open':
        if (s.selected !== null) dispatch({ type: 'open', number: s.selected });
        return;
      case 'filter':
        return dispatch({ type: 'startFilter' });
      case 'saveSearch':
        return dispatch({ type: 'saveSearch' });
      case 'nextView':
      case 'prevView':
        return dispatch({ type: 'switchView', view: adjacentView(s, command === 'nextView' ? 1 : -1) });
      case 'scrollDown':
        return dispatch({ type: 'scroll', by: 1, max: paneMax() });
      case 'scrollUp':
        return dispatch({ type: 'scroll', by: -1, max: paneMax() });
      case 'scrollTop':
        return dispatch({ type: 'scroll', by: -Infinity, max: paneMax() });
      case 'scrollBottom':
        return dispatch({ type: 'scroll', by: Infinity, max: paneMax() });
      case 'scrollPageDown':
        return dispatch({ type: 'scroll', by: paneHeight, max: paneMax() });
      case 'scrollPageUp':
        return dispatch({ type: 'scroll', by: -paneHeight, max: paneMax() });
      case 'toggleHistory':
        return dispatch({ type: 'toggleHistory' });
      default: {
        const view = /^view(\d)$/.exec(command);
        if (view) {
          const id: ViewId = VIEWS[Number(view[1]) - 1]!.id;
          if (id === 'saved' && s.savedSearch === null) return dispatch({ type: 'message', text: 'No saved search yet: filter with /, then press s', tone: 'info' });
          return dispatch({ type: 'switchView', view: id });
        }
        void runTicketCommand(command, context());
      }
    }
  }

  return { state, dispatch };
}
