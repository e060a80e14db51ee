import { isNexusError } from '../core/errors.js';
import type { Ticket } from '../core/tickets/ticket.js';
import { TICKET_PRIORITIES } from '../core/tickets/ticket.js';
import type { TuiDesk } from './desk.js';
import { selectedTicket, type Action, type ConfirmAction, type PickerAction, type PromptAction, type TuiState } from './state.js';
import type { QueueTicket } from './views.js';

/** What a ticket command may touch: the state at the key press, dispatch, the desk and the reloaders. */
export interface CommandContext {
  state: TuiState;
  dispatch: (action: Action) => void;
  desk: TuiDesk;
  reloadQueue: () => void;
  reloadDetail: () => void;
}

export const errorText = (error: unknown): string => (isNexusError(error) ? error.message : error instanceof Error ? error.message : String(error));

/**
 * An optimistic change: the row changes at once and is marked pending; the server's answer replaces
 * it, or the row is put back as it was and the error is shown.
 */
async function optimistic(
  ctx: CommandContext,
  number: number,
  label: string,
  patch: Partial<QueueTicket>,
  call: () => Promise<Ticket | void>,
  onFailure?: () => void,
): Promise<void> {
  ctx.dispatch({ type: 'optimistic', number, patch, label });
  try {
    const ticket = await call();
    ctx.dispatch({ type: 'settled', number, ticket: ticket ?? null });
  } catch (error) {
    ctx.dispatch({ type: 'failed', number, error: errorText(error) });
    onFailure?.();
  }
  ctx.reloadQueue();
  if (ctx.state.screen === 'ticket') ctx.reloadDetail();
}

const me = (ctx: CommandContext) => ({ id: ctx.desk.me.id, email: ctx.desk.me.email, name: '' });

/** Runs a ticket action bound in the `actions` context of the key map. */
export async function runTicketCommand(command: string, ctx: CommandContext): Promise<void> {
  const ticket = selectedTicket(ctx.state) ?? ctx.state.detail?.thread.ticket;
  if (!ticket) {
    ctx.dispatch({ type: 'message', text: 'No ticket selected', tone: 'info' });
    return;
  }
  const number = ticket.number;
  const dialog = (d: NonNullable<TuiState['dialog']>) => ctx.dispatch({ type: 'dialog', dialog: d });
  switch (command) {
    case 'assignMe':
      return optimistic(ctx, number, 'Assigned', { assignee: me(ctx), status: 'assigned' }, () => ctx.desk.assign(number, '@me'));
    case 'unassign':
      return optimistic(ctx, number, 'Unassigned', { assignee: null }, () => ctx.desk.unassign(number));
    case 'pending':
      return optimistic(ctx, number, 'Set pending', { status: 'pending' }, () => ctx.desk.setPending(number));
    case 'reopen':
      return optimistic(ctx, number, 'Reopened', { status: 'open' }, () => ctx.desk.reopen(number));
    case 'closeTicket':
      return dialog({ kind: 'confirm', message: `Close #${number}?`, action: { kind: 'close', ticket: number } });
    case 'escalate':
      return dialog({ kind: 'prompt', title: `Escalate #${number} — reason (optional)`, action: 'escalate', ticket: number, text: '' });
    case 'tags':
      return dialog({ kind: 'prompt', title: `Tags for #${number}: +add -remove (e.g. +vip -spam)`, action: 'tags', ticket: number, text: '' });
    case 'logTime':
      return dialog({ kind: 'prompt', title: `Log time on #${number} — minutes`, action: 'logTime', ticket: number, text: '' });
    case 'reply':
      return dialog({ kind: 'editor', mode: 'reply', ticket: number, text: '' });
    case 'note':
      return dialog({ kind: 'editor', mode: 'note', ticket: number, text: '' });
    case 'priority':
      return dialog({ kind: 'picker', title: `Priority of #${number}`, action: 'priority', ticket: number, options: [...TICKET_PRIORITIES], index: TICKET_PRIORITIES.indexOf(ticket.priority) });
    case 'assignTo': {
      const agents = await ctx.desk.agents().catch(() => [ctx.desk.me.email]);
      return dialog({ kind: 'picker', title: `Assign #${number} to`, action: 'assignTo', ticket: number, options: [...agents, 'someone else (type an email)…'], index: 0 });
    }
    case 'category': {
      try {
        const names = await ctx.desk.categories();
        return dialog({ kind: 'picker', title: `Category of #${number}`, action: 'category', ticket: number, options: ['(none)', ...names], index: 0 });
      } catch (error) {
        ctx.dispatch({ type: 'message', text: `✗ ${errorText(error)}`, tone: 'error' });
        return;
      }
    }
    default:
      ctx.dispatch({ type: 'message', text: `Unknown action ${command}`, tone: 'error' });
  }
}

export async function choosePicked(action: PickerAction, number: number, choice: string, ctx: CommandContext): Promise<void> {
  ctx.dispatch({ type: 'dialog', dialog: null });
  switch (action) {
    case 'assignTo':
      if (choice.endsWith('…')) return ctx.dispatch({ type: 'dialog', dialog: { kind: 'prompt', title: `Assign #${number} to (email)`, action: 'assignTo', ticket: number, text: '' } });
      return optimistic(ctx, number, 'Assigned', { assignee: { id: '', email: choice, name: '' }, status: 'assigned' }, () => ctx.desk.assign(number, choice));
    case 'priority':
      return optimistic(ctx, number, `Priority ${choice}`, { priority: choice as Ticket['priority'] }, () => ctx.desk.setPriority(number, choice as Ticket['priority']));
    case 'category':
      return optimistic(ctx, number, 'Category set', {}, () => ctx.desk.setCategory(number, choice === '(none)' ? null : choice));
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled picker ${String(unhandled)}`);
    }
  }
}

export async function submitPrompt(action: PromptAction, number: number, text: string, ctx: CommandContext): Promise<void> {
  ctx.dispatch({ type: 'dialog', dialog: null });
  switch (action) {
    case 'escalate':
      return optimistic(ctx, number, 'Escalated', { status: 'escalated', assignee: null }, () => ctx.desk.escalate(number, text.trim() || null));
    case 'assignTo':
      return optimistic(ctx, number, 'Assigned', { assignee: { id: '', email: text.trim(), name: '' }, status: 'assigned' }, () => ctx.desk.assign(number, text.trim()));
    case 'tags': {
      const words = text.split(/[\s,]+/).filter(Boolean);
      const add = words.filter((w) => !w.startsWith('-')).map((w) => w.replace(/^\+/, ''));
      const remove = words.filter((w) => w.startsWith('-')).map((w) => w.slice(1));
      if (!add.length && !remove.length) return;
      return optimistic(ctx, number, 'Tags changed', {}, () => ctx.desk.changeTags(number, add, remove));
    }
    case 'logTime': {
      const minutes = Number(text.trim());
      if (!Number.isInteger(minutes) || minutes <= 0) return ctx.dispatch({ type: 'message', text: '✗ Minutes must be a whole number, e.g. 15', tone: 'error' });
      return optimistic(ctx, number, `Logged ${minutes} min on`, {}, () => ctx.desk.logTime(number, minutes));
    }
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled prompt ${String(unhandled)}`);
    }
  }
}

/** What "yes" does in a confirmation. `quit` is handled by the caller, which owns the app. */
export async function confirmed(action: ConfirmAction, ctx: CommandContext): Promise<void> {
  ctx.dispatch({ type: 'dialog', dialog: null });
  switch (action.kind) {
    case 'close':
      return optimistic(ctx, action.ticket, 'Closed', { status: 'closed' }, () => ctx.desk.close(action.ticket));
    case 'send': {
      const { ticket, mode, text } = action;
      const send = () => (mode === 'reply' ? ctx.desk.reply(ticket, text) : ctx.desk.note(ticket, text));
      // A draft that could not be sent comes back in the editor: it is never lost silently.
      const restore = () => ctx.dispatch({ type: 'dialog', dialog: { kind: 'editor', mode, ticket, text } });
      return optimistic(ctx, ticket, mode === 'reply' ? 'Replied on' : 'Noted on', {}, send, restore);
    }
    case 'discard':
    case 'quit':
      return;
    default: {
      const unhandled: never = action;
      throw new Error(`unhandled confirmation ${JSON.stringify(unhandled)}`);
    }
  }
}
