import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AgentStats } from './stats-extras.js';

type Kind = 'first_response' | 'resolution';
const roundSeconds = (v: number): number => Math.round(v * 1000) / 1000;

const VALUE = {
  first_response: sql`extract(epoch from t.first_response_at - t.created_at)`,
  resolution: sql`extract(epoch from t.resolved_at - t.created_at)`,
} as const;
const PRESENT = { first_response: sql`t.first_response_at is not null`, resolution: sql`t.resolved_at is not null` } as const;

interface Probe {
  agent: string;
  bucket: number;
  offset: number;
}

/**
 * All-time numbers per assigned agent from the trigger-kept counters (migration 20261201160100),
 * equal to agentStats(trx, {}) — the scan — without reading every assigned ticket: the counts are summed
 * over the shards, and a median (percentile_cont(0.5): the mean of the two middle values) reads the
 * middle ticket's histogram bucket of that agent from an index.
 */
export async function agentStatsFromCounters(trx: Transaction<DB>): Promise<AgentStats[]> {
  const counts = await sql<{ id: string; email: string; name: string | null; open: string; resolved: string }>`
    select u.id, u.email, u.name, c.open, c.resolved
      from (select assignee_id, sum(n) filter (where not closed) as open, sum(n) filter (where closed) as resolved
              from ticket_agent_counts group by assignee_id having sum(n) > 0) c
      join users u on u.id = c.assignee_id
     order by u.email`.execute(trx);
  if (counts.rows.length === 0) return [];
  const histograms = await sql<{ agent: string; kind: Kind; bucket: number; n: string }>`
    select assignee_id as agent, kind, bucket, sum(n) as n from ticket_agent_durations
     group by assignee_id, kind, bucket having sum(n) > 0 order by assignee_id, kind, bucket`.execute(trx);
  const medians = { first_response: new Map<string, number | null>(), resolution: new Map<string, number | null>() };
  for (const kind of ['first_response', 'resolution'] as const) {
    const probes: Probe[] = [];
    const pairs = new Map<string, [number, number]>();
    for (const row of counts.rows) {
      const buckets = histograms.rows.filter((h) => h.agent === row.id && h.kind === kind);
      const total = buckets.reduce((sum, b) => sum + Number(b.n), 0);
      if (total === 0) continue;
      const positions = [Math.floor((total - 1) / 2), Math.ceil((total - 1) / 2)];
      pairs.set(row.id, [probes.length, probes.length + 1]);
      for (const position of positions) probes.push(locate(row.id, buckets, position));
    }
    const values = await valuesAt(trx, kind, probes);
    for (const [agent, [a, b]] of pairs) medians[kind].set(agent, roundSeconds(values[a]! + (values[b]! - values[a]!) * 0.5));
  }
  return counts.rows.map((r) => {
    const open = Number(r.open ?? 0);
    const resolved = Number(r.resolved ?? 0);
    return {
      agent: { id: r.id, email: r.email, name: r.name === null || r.name === '' ? null : r.name },
      tickets: open + resolved,
      open,
      resolved,
      firstResponseMedianSeconds: medians.first_response.get(r.id) ?? null,
      resolutionMedianSeconds: medians.resolution.get(r.id) ?? null,
    };
  });
}

/** Which bucket holds an agent's `position`-th smallest value (0-based), and where in the bucket. */
function locate(agent: string, buckets: { bucket: number; n: string }[], position: number): Probe {
  let before = 0;
  for (const b of buckets) {
    const n = Number(b.n);
    if (position < before + n) return { agent, bucket: b.bucket, offset: position - before };
    before += n;
  }
  throw new Error(`no duration at position ${position} for agent ${agent}`);
}

/** The values at the probes, in one statement: one short index-only read per probe. */
async function valuesAt(trx: Transaction<DB>, kind: Kind, probes: Probe[]): Promise<number[]> {
  if (probes.length === 0) return [];
  const { rows } = await sql<{ i: string; v: string }>`
    select p.i, v.v
      from unnest(${probes.map((p) => p.agent)}::uuid[], ${probes.map((p) => p.bucket)}::int[], ${probes.map((p) => p.offset)}::int[]) with ordinality as p(agent, bucket, skip, i)
      cross join lateral (
        select ${VALUE[kind]} as v from tickets t
         where t.deleted_at is null and ${PRESENT[kind]} and t.assignee_id = p.agent and nexus_duration_bucket(${VALUE[kind]}) = p.bucket
         order by ${VALUE[kind]} offset p.skip limit 1) v`.execute(trx);
  const values: number[] = [];
  for (const r of rows) values[Number(r.i) - 1] = Number(r.v);
  return values;
}
