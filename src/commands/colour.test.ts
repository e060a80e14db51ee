import { describe, expect, it } from 'vitest';
import { colourOn, paintStatus, paintTicketLine } from './colour.js';

const io = (isTTY: boolean, env: Record<string, string | undefined> = {}) => ({ stdout: { isTTY } as never, env });

describe('colour for status and priority (issue 8 item 14)', () => {
  it('Given a terminal, then colour is on; NO_COLOR, TERM=dumb or a pipe turn it off', () => {
    expect(colourOn(io(true))).toBe(true);
    expect(colourOn(io(true, { NO_COLOR: '1' }))).toBe(false);
    expect(colourOn(io(true, { TERM: 'dumb' }))).toBe(false);
    expect(colourOn(io(false))).toBe(false);
  });

  it('Given colour, then the status and priority words of a ticket row are painted and nothing else changes', () => {
    const line = '#1001   open    urgent    Printer open on fire';
    const painted = paintTicketLine(true, line, { status: 'open', priority: 'urgent' });
    expect(painted).toBe('#1001   \x1b[32mopen\x1b[0m    \x1b[31murgent\x1b[0m    Printer open on fire');
    expect(paintTicketLine(false, line, { status: 'open', priority: 'urgent' })).toBe(line);
    expect(paintStatus(false, 'closed')).toBe('closed');
  });
});
