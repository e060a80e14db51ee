import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DeskStats } from './get-stats.js';
import { agentStats, csatStats } from './stats-extras.js';
import { countsInRange } from './stats-in-range.js';

/**
 * The desk numbers by a full scan of the tickets (how getStats worked before issue 14): what the
 * incremental counters behind getStats must always equal. Used by tests and the scale benchmark.
 */
export async function recountStats(db: Kysely<DB>, now: Date): Promise<DeskStats> {
  return db.transaction().execute(async (trx) => ({
    generatedAt: now.toISOString(),
    ...(await countsInRange(trx, {}, now)),
    from: null,
    to: null,
    byAgent: await agentStats(trx, {}),
    csat: await csatStats(trx, {}),
  }));
}
