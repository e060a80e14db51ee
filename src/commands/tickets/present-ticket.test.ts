import { describe, expect, it } from 'vitest';
import { NexusError } from '../../core/errors.js';
import { ticketNumber } from './present-ticket.js';

describe('ticket arguments', () => {
  it.each([
    ['1042', 1042],
    ['#1042', 1042],
    [' 7 ', 7],
    ['#12 ', 12],
  ])('%j is ticket %d', (arg, number) => {
    expect(ticketNumber(arg)).toBe(number);
  });

  it.each(['abc', '', '#', '0', '-3', '10.5', '1e3', '99999999999', '12a'])('%j is a usage error (exit 2)', (arg) => {
    let error: unknown;
    try {
      ticketNumber(arg);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NexusError);
    expect((error as NexusError).exitCode).toBe(2);
  });
});
