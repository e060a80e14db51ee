import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { note, present } from '../output.js';
import { reportError } from '../report-error.js';
import { ticketNumber } from './present-ticket.js';

/** Tickets named on the command line: `1042`, `1042 1043`, `1042,1043`, or `-` for numbers on standard input. */
export interface TicketSelection {
  numbers: number[];
  /** More than one ticket could be meant (several arguments, a list, or stdin): the JSON is a list. */
  isBulk: boolean;
}

export async function selectTickets(ctx: CliContext, args: string[]): Promise<TicketSelection> {
  const fromStdin = args.length === 1 && args[0] === '-';
  const words = fromStdin ? (await readStdin(ctx.io.stdin)).split(/[\s,]+/) : args.flatMap((a) => a.split(','));
  const numbers = [...new Set(words.map((w) => w.trim()).filter(Boolean).map(ticketNumber))];
  if (numbers.length === 0) throw new NexusError('INVALID_USAGE', 'No ticket numbers given', { hint: 'Name them, e.g. `1042 1043`, or pipe them in with `-`.' });
  return { numbers, isBulk: fromStdin || numbers.length > 1 || args.some((a) => a.includes(',')) };
}

/**
 * Runs one change per ticket, in order. One ticket prints its document; several print
 * `{"items": [...], "nextCursor": null}` under --json and a line each otherwise. A ticket that fails is
 * reported on stderr and the others still run; the exit code is the first failure's.
 */
export async function forEachTicket<T>(
  ctx: CliContext,
  flags: { json?: boolean },
  selection: TicketSelection,
  run: (number: number) => Promise<T>,
  done: (result: T) => string,
): Promise<void> {
  if (!selection.isBulk) {
    present(ctx, flags, await run(selection.numbers[0]!), done);
    return;
  }
  const items: T[] = [];
  for (const number of selection.numbers) {
    try {
      const result = await run(number);
      items.push(result);
      if (!flags.json) ctx.io.stdout.write(`${done(result)}\n`);
    } catch (error) {
      note(ctx, `#${number}:`);
      const exit = reportError({ ...ctx.io, stdout: ctx.io.stderr }, error, { json: false, verbose: false });
      if (ctx.exitCode === 0) ctx.exitCode = exit;
    }
  }
  if (flags.json) present(ctx, flags, { items, nextCursor: null }, () => '');
}
