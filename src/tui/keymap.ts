/**
 * Every key of `nexus tui`, in one table: it drives the input handler, the `?` overlay and
 * docs/tui.md (generated; a test keeps it fresh). A key belongs to one context; the focused context
 * (dialog > filter box > screen) is the only consumer of a key press.
 */

export type KeyContext = 'global' | 'queue' | 'ticket' | 'actions' | 'filter' | 'editor' | 'picker' | 'confirm';

export interface KeyBinding {
  command: string;
  /** Key names as `keyName()` produces them: `j`, `G`, `down`, `enter`, `ctrl+s`, `shift+tab`. */
  keys: string[];
  context: KeyContext;
  description: string;
}

export const CONTEXT_TITLES: Record<KeyContext, string> = {
  global: 'Everywhere',
  queue: 'Queue',
  ticket: 'Ticket pane',
  actions: 'Ticket actions (queue and ticket pane)',
  filter: 'Filter box (/)',
  editor: 'Reply and note editor',
  picker: 'Pickers (assignee, priority, category)',
  confirm: 'Confirmations',
};

export const KEYMAP: KeyBinding[] = [
  { command: 'help', keys: ['?'], context: 'global', description: 'show every key (this list)' },
  { command: 'quit', keys: ['q'], context: 'global', description: 'go back; quit from the queue' },
  { command: 'back', keys: ['escape'], context: 'global', description: 'go back, close a dialog' },
  { command: 'forceQuit', keys: ['ctrl+c'], context: 'global', description: 'quit (asks again when a draft would be lost)' },
  { command: 'refresh', keys: ['R'], context: 'global', description: 'refresh now (the queue also refreshes every few seconds)' },

  { command: 'down', keys: ['j', 'down'], context: 'queue', description: 'next ticket' },
  { command: 'up', keys: ['k', 'up'], context: 'queue', description: 'previous ticket' },
  { command: 'top', keys: ['g', 'home'], context: 'queue', description: 'first ticket' },
  { command: 'bottom', keys: ['G', 'end'], context: 'queue', description: 'last ticket' },
  { command: 'pageDown', keys: ['ctrl+d', 'pagedown'], context: 'queue', description: 'page down' },
  { command: 'pageUp', keys: ['ctrl+u', 'pageup'], context: 'queue', description: 'page up' },
  { command: 'open', keys: ['enter', 'l', 'right'], context: 'queue', description: 'open the ticket' },
  { command: 'filter', keys: ['/'], context: 'queue', description: 'filter as you type (full-text search)' },
  { command: 'saveSearch', keys: ['s'], context: 'queue', description: 'keep the current filter as the Saved view' },
  { command: 'nextView', keys: ['tab', ']'], context: 'queue', description: 'next view' },
  { command: 'prevView', keys: ['shift+tab', '['], context: 'queue', description: 'previous view' },
  { command: 'view1', keys: ['1'], context: 'queue', description: 'view: Mine' },
  { command: 'view2', keys: ['2'], context: 'queue', description: 'view: Unassigned' },
  { command: 'view3', keys: ['3'], context: 'queue', description: 'view: Escalated' },
  { command: 'view4', keys: ['4'], context: 'queue', description: 'view: All open' },
  { command: 'view5', keys: ['5'], context: 'queue', description: 'view: Pending' },
  { command: 'view6', keys: ['6'], context: 'queue', description: 'view: Saved search' },

  { command: 'scrollDown', keys: ['j', 'down'], context: 'ticket', description: 'scroll the thread down' },
  { command: 'scrollUp', keys: ['k', 'up'], context: 'ticket', description: 'scroll the thread up' },
  { command: 'scrollTop', keys: ['g', 'home'], context: 'ticket', description: 'top of the thread' },
  { command: 'scrollBottom', keys: ['G', 'end'], context: 'ticket', description: 'end of the thread' },
  { command: 'scrollPageDown', keys: ['ctrl+d', 'pagedown', 'space'], context: 'ticket', description: 'page down' },
  { command: 'scrollPageUp', keys: ['ctrl+u', 'pageup'], context: 'ticket', description: 'page up' },
  { command: 'toggleHistory', keys: ['H'], context: 'ticket', description: 'show or hide the history of changes' },
  { command: 'close', keys: ['h', 'left'], context: 'ticket', description: 'back to the queue' },

  { command: 'assignMe', keys: ['a'], context: 'actions', description: 'assign to me' },
  { command: 'assignTo', keys: ['A'], context: 'actions', description: 'assign to someone (picker)' },
  { command: 'unassign', keys: ['u'], context: 'actions', description: 'unassign' },
  { command: 'escalate', keys: ['e'], context: 'actions', description: 'escalate (asks for a reason)' },
  { command: 'closeTicket', keys: ['c'], context: 'actions', description: 'close (confirms)' },
  { command: 'reopen', keys: ['o'], context: 'actions', description: 'reopen' },
  { command: 'pending', keys: ['P'], context: 'actions', description: 'set pending: waiting on the customer (the SLA clock pauses)' },
  { command: 'priority', keys: ['p'], context: 'actions', description: 'set the priority (picker)' },
  { command: 'tags', keys: ['t'], context: 'actions', description: 'add or remove tags (+vip -spam)' },
  { command: 'category', keys: ['C'], context: 'actions', description: 'set the category (picker)' },
  { command: 'reply', keys: ['r'], context: 'actions', description: 'reply to the customer (editor)' },
  { command: 'note', keys: ['n'], context: 'actions', description: 'add an internal note (editor)' },
  { command: 'logTime', keys: ['m'], context: 'actions', description: 'log time in minutes' },

  { command: 'filterDone', keys: ['enter'], context: 'filter', description: 'keep the filter and go back to the list' },
  { command: 'filterClear', keys: ['escape'], context: 'filter', description: 'clear the filter' },
  { command: 'filterErase', keys: ['backspace'], context: 'filter', description: 'delete a character' },

  { command: 'editorSend', keys: ['ctrl+s'], context: 'editor', description: 'send (asks to confirm)' },
  { command: 'editorExternal', keys: ['ctrl+e'], context: 'editor', description: 'edit in $EDITOR' },
  { command: 'editorNewline', keys: ['enter'], context: 'editor', description: 'new line' },
  { command: 'editorErase', keys: ['backspace'], context: 'editor', description: 'delete a character' },
  { command: 'editorCancel', keys: ['escape'], context: 'editor', description: 'cancel (asks when the draft is not empty)' },

  { command: 'pickerDown', keys: ['j', 'down'], context: 'picker', description: 'next choice' },
  { command: 'pickerUp', keys: ['k', 'up'], context: 'picker', description: 'previous choice' },
  { command: 'pickerChoose', keys: ['enter'], context: 'picker', description: 'choose' },
  { command: 'pickerCancel', keys: ['escape', 'q'], context: 'picker', description: 'cancel' },

  { command: 'confirmYes', keys: ['y', 'enter'], context: 'confirm', description: 'yes' },
  { command: 'confirmNo', keys: ['n', 'escape'], context: 'confirm', description: 'no' },
];

/** The subset of Ink's `Key` the names are built from. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

/** The table's name for a key press as Ink reports it. */
export function keyName(input: string, key: KeyFlags): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Terminals send DEL (0x7f) for Backspace; Ink 6 reports it as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

const index = new Map<string, string>();
for (const b of KEYMAP) for (const k of b.keys) index.set(`${b.context}\u0000${k}`, b.command);

/** The command bound to `key` in the first of `contexts` that binds it, or undefined. */
export function commandFor(key: string, contexts: readonly KeyContext[]): string | undefined {
  for (const context of contexts) {
    const command = index.get(`${context}\u0000${key}`);
    if (command) return command;
  }
  return undefined;
}

/** The keys shown for `command`, e.g. `j/down`. */
export function keysOf(command: string): string {
  return KEYMAP.filter((b) => b.command === command)
    .flatMap((b) => b.keys)
    .join('/');
}

/** Bindings grouped by context, in table order: the `?` overlay and the docs use this. */
export function keyGroups(): { context: KeyContext; title: string; bindings: KeyBinding[] }[] {
  const contexts = [...new Set(KEYMAP.map((b) => b.context))];
  return contexts.map((context) => ({ context, title: CONTEXT_TITLES[context], bindings: KEYMAP.filter((b) => b.context === context) }));
}

/** docs/tui.md, generated from the table. */
export function renderKeyDocs(): string {
  const sections = keyGroups().map(
    (g) => `## ${g.title}\n\n| keys | does |\n|---|---|\n${g.bindings.map((b) => `| ${b.keys.map((k) => `\`${k === '|' ? '\\|' : k}\``).join(' ')} | ${b.description} |`).join('\n')}\n`,
  );
  return [
    '# `nexus tui` keys',
    '',
    '<!-- Generated from src/tui/keymap.ts by `npm run docs:tui`; do not edit by hand. -->',
    '',
    'Start it with `nexus tui` (agents and admins, in a terminal). Views, the thread and every action go',
    'through the same core use cases as the CLI. Press `?` inside for this list.',
    '',
    ...sections,
  ].join('\n');
}
