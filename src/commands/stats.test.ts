import { describe, expect, it } from 'vitest';
import type { DeskStats } from '../core/tickets/get-stats.js';
import { renderCsv } from './csv.js';
import { statsRows } from './stats.js';

const stats: DeskStats = {
  generatedAt: '2026-11-30T12:00:00.000Z',
  total: 3,
  byStatus: { open: 1, pending: 0, escalated: 0, assigned: 1, closed: 1 },
  byPriority: { low: 0, medium: 2, high: 1, urgent: 0 },
  backlogByAge: { lessThan1Day: 2, from1To3Days: 0, from3To7Days: 0, moreThan7Days: 0 },
  firstResponse: { count: 1, averageSeconds: 90, medianSeconds: 90 },
  resolution: { count: 0, averageSeconds: null, medianSeconds: null },
  from: null,
  to: null,
  byAgent: [{ agent: { id: 'a1', email: 'ana@example.com', name: 'Lima, Ana "A"' }, tickets: 1, open: 1, resolved: 0, firstResponseMedianSeconds: 90, resolutionMedianSeconds: null }],
  csat: { ratings: 0, averageRating: null, satisfiedRate: null },
};

describe('nexus stats --format csv', () => {
  const csv = renderCsv(statsRows(stats), [
    { header: 'scope', value: (r) => r.scope },
    { header: 'metric', value: (r) => r.metric },
    { header: 'value', value: (r) => r.value },
  ]);
  const lines = csv.split('\r\n');

  it('given the desk numbers, when written, then each is a scope,metric,value row named as in --json, CRLF-ended', () => {
    expect(lines[0]).toBe('scope,metric,value');
    expect(lines).toContain('desk,total,3');
    expect(lines).toContain('desk,byStatus.closed,1');
    expect(lines).toContain('desk,firstResponse.medianSeconds,90');
    expect(lines).toContain('desk,generatedAt,2026-11-30T12:00:00.000Z');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('given absent numbers, when written, then their field is empty (never "null" or "-")', () => {
    expect(lines).toContain('desk,resolution.medianSeconds,');
    expect(lines).toContain('desk,from,');
    expect(lines).toContain('desk,csat.averageRating,');
  });

  it('given per-agent numbers, when written, then the scope is the agent and text is quoted per RFC 4180', () => {
    expect(lines).toContain('ana@example.com,agent.name,"Lima, Ana ""A"""');
    expect(lines).toContain('ana@example.com,tickets,1');
    expect(lines).toContain('ana@example.com,resolutionMedianSeconds,');
    expect(lines.filter((l) => l.startsWith('ana@example.com,'))).toHaveLength(6);
  });
});
