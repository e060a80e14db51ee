import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';

/**
 * Deps whose database is an open transaction: a use case that starts "its" transaction joins this one
 * instead. Mail intake runs the ordinary ticket use cases (createTicket, replyToTicket, …) this way, so
 * the ticket change, the stored mail row and the IMAP checkpoint commit together or not at all.
 */
export function depsInTransaction(deps: Deps, trx: Transaction<DB>, clock?: Clock): Deps {
  const joined = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(fn: (t: Transaction<DB>) => Promise<T>) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Kysely<DB>;
  return { ...deps, db: joined, clock: clock ?? deps.clock };
}

export const fixedClock = (at: Date): Clock => ({ now: () => new Date(at.getTime()) });
