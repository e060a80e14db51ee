import type { CliIo } from './io.js';

/**
 * Colour for people, never for machines: on a terminal only, off with NO_COLOR (https://no-color.org)
 * or TERM=dumb. Status and priority carry meaning at a glance; nothing else is coloured.
 */
export function colourOn(io: Pick<CliIo, 'stdout' | 'env'>): boolean {
  if (!io.stdout.isTTY) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.env.TERM !== 'dumb';
}

const SGR = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, grey: 90, bold: 1 } as const;
type Tone = keyof typeof SGR;

const STATUS: Record<string, Tone> = { open: 'green', pending: 'yellow', escalated: 'red', assigned: 'blue', closed: 'grey' };
const PRIORITY: Record<string, Tone> = { low: 'grey', medium: 'blue', high: 'yellow', urgent: 'red' };

const paint = (tone: Tone | undefined, text: string): string => (tone ? `\x1b[${SGR[tone]}m${text}\x1b[0m` : text);

export const paintStatus = (on: boolean, status: string): string => (on ? paint(STATUS[status], status) : status);
export const paintPriority = (on: boolean, priority: string): string => (on ? paint(PRIORITY[priority], priority) : priority);

/**
 * Colours one rendered table line of a ticket: the first whole-word status and priority after the
 * ticket number. Works on the finished line, so the table's own layout and escaping stay as they are.
 */
export function paintTicketLine(on: boolean, line: string, ticket: { status: string; priority: string }): string {
  if (!on) return line;
  const at = line.indexOf(' ');
  if (at < 0) return line;
  const head = line.slice(0, at);
  let rest = line.slice(at);
  rest = rest.replace(new RegExp(`(?<=\\s)${ticket.status}(?=\\s)`), paintStatus(true, ticket.status));
  const afterStatus = rest.indexOf(ticket.status) + ticket.status.length;
  rest = rest.slice(0, afterStatus) + rest.slice(afterStatus).replace(new RegExp(`(?<=\\s)${ticket.priority}(?=\\s)`), paintPriority(true, ticket.priority));
  return head + rest;
}
