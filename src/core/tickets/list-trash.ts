import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { onePage, type Page } from '../documents.js';
import { toPerson, type Person } from './ticket.js';

/** Tickets stay in the trash this long before `nexus tickets purge --expired` removes them. */
export const PURGE_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

export interface TrashedTicket {
  number: number;
  subject: string;
  customer: Person;
  deletedAt: string;
  deletedBy: Person | null;
  purgeAt: string;
  /** Whole days until the purge (0 when it is due). */
  daysLeft: number;
}

export const purgeDueAt = (deletedAt: Date): Date => new Date(deletedAt.getTime() + PURGE_AFTER_DAYS * DAY_MS);

/** The trash, oldest deletion first, with the days left before each ticket is purged (staff). */
export async function listTrash(deps: Deps, actor: Actor): Promise<Page<TrashedTicket>> {
  authorize(actor, 'ticket.delete');
  const now = deps.clock.now().getTime();
  const rows = await deps.db
    .selectFrom('tickets')
    .innerJoin('users as customer', 'customer.id', 'tickets.customer_id')
    .leftJoin('users as deleter', 'deleter.id', 'tickets.deleted_by')
    .select([
      'tickets.number',
      'tickets.subject',
      'tickets.deleted_at',
      'customer.id as customer_id',
      'customer.email as customer_email',
      'customer.name as customer_name',
      'deleter.id as deleter_id',
      'deleter.email as deleter_email',
      'deleter.name as deleter_name',
    ])
    .where('tickets.deleted_at', 'is not', null)
    .orderBy('tickets.deleted_at')
    .orderBy('tickets.number')
    .execute();
  return onePage(rows.map((r) => {
    const purgeAt = purgeDueAt(r.deleted_at!);
    return {
      number: r.number,
      subject: r.subject,
      customer: toPerson({ id: r.customer_id, email: r.customer_email, name: r.customer_name }),
      deletedAt: r.deleted_at!.toISOString(),
      deletedBy: r.deleter_id ? toPerson({ id: r.deleter_id, email: r.deleter_email!, name: r.deleter_name }) : null,
      purgeAt: purgeAt.toISOString(),
      daysLeft: Math.max(0, Math.ceil((purgeAt.getTime() - now) / DAY_MS)),
    };
  }));
}
