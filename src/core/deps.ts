import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { NexusConfig } from './config/schema.js';
import type { DB } from './db/schema.js';

/**
 * What every use case receives: the database and the ports, built once at the edge by createServices().
 * Later capabilities add their ports here (blob store, mail transport, LLM client).
 */
export interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  config: NexusConfig;
}
