import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../core/tickets/get-ticket-history.js';
import { formatTime } from '../time-format.js';
import { eventSentence } from './history-sentences.js';

const event = (type: string, data: Record<string, unknown>): TicketEvent => ({ id: 1, type, actor: null, data, createdAt: '2026-11-30T12:00:00.000Z' });

describe('tickets history reads as sentences (issue 8 item 11)', () => {
  it.each([
    [event('ticket.assigned', { before: { status: 'open' }, after: { status: 'assigned' }, assigneeEmail: 'ana@example.com' }), 'open → assigned, assignee ana@example.com'],
    [event('ticket.unassigned', { before: { status: 'assigned' }, after: { status: 'open' } }), 'assigned → open, unassigned'],
    [event('ticket.escalated', { before: { status: 'open' }, after: { status: 'escalated' }, reason: 'VIP' }), 'open → escalated, reason: VIP'],
    [event('ticket.priority_changed', { before: { priority: 'low' }, after: { priority: 'urgent' } }), 'priority low → urgent'],
    [event('ticket.reopened', { before: { status: 'closed' }, after: { status: 'open' }, reason: 'customer_reply' }), 'closed → open (customer reply)'],
    [event('ticket.tags_added', { tags: ['billing', 'vip'] }), 'tagged billing, vip'],
    [event('ticket.something_new', {}), 'something new'],
  ])('Given %j, then the sentence is %j', (e, sentence) => {
    expect(eventSentence(e)).toBe(sentence);
  });
});

describe('one time format (issue 8 item 11)', () => {
  it('Given a UTC instant, when shown in a zone, then it is local time with the zone named', () => {
    expect(formatTime('2026-11-30T12:05:00.000Z', 'UTC')).toBe('2026-11-30 12:05 UTC');
    expect(formatTime('2026-11-30T12:05:00.000Z', 'America/New_York')).toBe('2026-11-30 07:05 EST');
    expect(formatTime(null)).toBe('-');
  });
});
