// Seeds a desk with many tickets in a few set-based statements (generate_series), not row by row.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/core/db/schema.js';
import { setSearchPendingList } from '../src/core/tickets/ticket-search.js';

/** Words of the generated threads. The last one is rare on purpose: the benchmark searches for it. */
const WORDS = (
  'account access password reset login email invoice payment refund order delivery shipping address ' +
  'printer screen battery update install error crash slow page button mobile app browser cache cookie ' +
  'subscription plan upgrade downgrade cancel renew discount coupon tax receipt bank card transfer ' +
  'export import report dashboard chart filter search settings profile avatar notification alert ' +
  'sync backup restore file upload download attachment folder share permission team invite member ' +
  'please thanks hello urgent again still broken works now today yesterday week month since after before ' +
  'cannot could would should help issue problem question request feature bug fix workaround support'
).split(' ');
export const RARE_WORD = 'chargeback';

const SUBJECTS = [
  'Cannot log in', 'Password reset mail never arrives', 'Invoice shows the wrong amount', 'Refund request',
  'Order not delivered', 'App crashes on start', 'Export to CSV fails', 'Upgrade my plan', 'Card declined',
  'Two-factor code not accepted', 'Attachment upload fails', 'Dashboard is slow', 'Cancel my subscription',
  'Change billing address', 'Missing receipt', 'Sync stopped working', 'Invite a team member', 'Data export request',
];

export interface SeedCounts {
  customers: number;
  agents: number;
  tickets: number;
  messages: number;
}

export async function seedTickets(db: Kysely<DB>, tickets: number): Promise<SeedCounts> {
  // The triggers that keep the search documents and the stats counters work row by row: a million rows in
  // one statement queue a million calls, and update the same few counter rows a million times in one
  // transaction, each a longer walk of that row's versions (the seed never finished). They are off while
  // seeding; the documents and counters are then built set-based, as their migrations do.
  await sql`alter table tickets disable trigger user`.execute(db);
  await sql`alter table messages disable trigger user`.execute(db);
  try {
    await insertTickets(db, tickets);
  } finally {
    await sql`alter table tickets enable trigger user`.execute(db);
    await sql`alter table messages enable trigger user`.execute(db);
  }
  await rebuildDerived(db);
  await sql`analyze`.execute(db);
  const count = async (table: 'users' | 'tickets' | 'messages', role?: string) => {
    let query = db.selectFrom(table as 'users').select((eb) => eb.fn.countAll<string>().as('n'));
    if (role) query = query.where('role', '=', role as 'agent');
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return { customers: await count('users', 'customer'), agents: await count('users', 'agent'), tickets: await count('tickets'), messages: await count('messages') };
}

/** The stored search documents (migration 20261130140100) and stats counters (20261130140200, 20261201160100) of every ticket, from scratch. */
async function rebuildDerived(db: Kysely<DB>): Promise<void> {
  await sql`delete from ticket_search`.execute(db);
  // A million documents go in through GIN's pending list, merged in sorted batches (GIN's bulk path); the
  // index keeps no list otherwise (migration 20261202160100), and is left without one here too.
  await setSearchPendingList(db, 'on');
  await sql`
    insert into ticket_search (ticket_id, created_at, number, document)
    select t.id, t.created_at, t.number,
           setweight(to_tsvector(nexus_search_config(), nexus_fold(t.subject)), 'A')
        || setweight(to_tsvector(nexus_search_config(), nexus_fold(coalesce(m.internal, ''))), 'C')
        || setweight(to_tsvector(nexus_search_config(), nexus_fold(coalesce(m.visible, ''))), 'D')
      from tickets t
      left join (select ticket_id,
                        string_agg(body, E'\n' order by created_at, id) filter (where kind = 'internal' or audience = 'staff') as internal,
                        string_agg(body, E'\n' order by created_at, id) filter (where kind <> 'internal' and audience <> 'staff') as visible
                   from messages group by ticket_id) m on m.ticket_id = t.id
     order by t.created_at, t.number`.execute(db);
  await setSearchPendingList(db, 'off');
  await sql`delete from ticket_counts`.execute(db);
  await sql`delete from ticket_durations`.execute(db);
  await sql`insert into ticket_counts (shard, status, priority, n) select 0, status, priority, count(*) from tickets where deleted_at is null group by status, priority`.execute(db);
  for (const [kind, column] of [['first_response', 'first_response_at'], ['resolution', 'resolved_at']] as const) {
    const seconds = sql`extract(epoch from ${sql.ref(column)} - created_at)`;
    await sql`insert into ticket_durations (shard, kind, bucket, n, seconds)
              select 0, ${kind}, nexus_duration_bucket(${seconds}), count(*), sum(${seconds})
                from tickets where deleted_at is null and ${sql.ref(column)} is not null group by 3`.execute(db);
  }
  // Per agent (20261201160100).
  await sql`delete from ticket_agent_counts`.execute(db);
  await sql`delete from ticket_agent_durations`.execute(db);
  await sql`insert into ticket_agent_counts (shard, assignee_id, closed, n)
            select 0, assignee_id, status = 'closed', count(*) from tickets where deleted_at is null and assignee_id is not null group by 2, 3`.execute(db);
  for (const [kind, column] of [['first_response', 'first_response_at'], ['resolution', 'resolved_at']] as const) {
    const seconds = sql`extract(epoch from ${sql.ref(column)} - created_at)`;
    await sql`insert into ticket_agent_durations (shard, assignee_id, kind, bucket, n)
              select 0, assignee_id, ${kind}, nexus_duration_bucket(${seconds}), count(*)
                from tickets where deleted_at is null and assignee_id is not null and ${sql.ref(column)} is not null group by 2, 4`.execute(db);
  }
}

async function insertTickets(db: Kysely<DB>, tickets: number): Promise<void> {
  const words = sql`${WORDS}::text[]`;
  const nWords = WORDS.length;
  await sql`insert into users (email, name, role) select 'customer' || g || '@bench.example', 'Customer ' || g, 'customer' from generate_series(1, 2000) g`.execute(db);
  await sql`insert into users (email, name, role) select 'agent' || g || '@bench.example', 'Agent ' || g, 'agent' from generate_series(1, 25) g`.execute(db);
  // Statuses: 60 % closed, then open, pending, assigned, escalated; created over the last ~350 days.
  await sql`
    with c as (select array_agg(id order by email) as ids from users where role = 'customer'),
         a as (select array_agg(id order by email) as ids from users where role = 'agent'),
         s as (
           select g,
                  (case when g % 10 < 6 then 'closed' when g % 10 = 6 then 'open' when g % 10 = 7 then 'pending' when g % 10 = 8 then 'assigned' else 'escalated' end) as status,
                  now() - ((${tickets} - g) * interval '5 minutes') as created
             from generate_series(1, ${tickets}) g
         )
    insert into tickets (subject, context, status, priority, source, customer_id, assignee_id, created_at, updated_at, first_response_at, last_response_at, resolved_at)
    select (${SUBJECTS}::text[])[1 + (g * 7) % ${SUBJECTS.length}],
           (array['billing', 'login', 'shipping', null, null])[1 + g % 5],
           status,
           (array['low', 'medium', 'medium', 'high', 'urgent'])[1 + (g * 13) % 5],
           (array['web', 'email', 'api', 'cli'])[1 + g % 4],
           c.ids[1 + (g * 31) % array_length(c.ids, 1)],
           case when status in ('closed', 'assigned', 'pending') then a.ids[1 + g % array_length(a.ids, 1)] end,
           created,
           created + interval '2 hours',
           case when status <> 'open' then created + ((g % 240) * interval '1 minute') end,
           case when status <> 'open' then created + interval '2 hours' end,
           case when status = 'closed' then created + ((g % 72) * interval '1 hour') + interval '2 hours' end
      from s, c, a
     order by g`.execute(db);
  // Two messages a ticket (the customer's question and, when answered, the agent's reply); one thread
  // in 250 mentions the rare word; one in ten answered ones also gets an internal note.
  const body = (salt: number) =>
    sql`(select string_agg((${words})[1 + ((t.number::bigint * ${7919 + salt} + i * 104729) % ${nWords})], ' ') from generate_series(1, 14 + t.number % 20) i)`;
  await sql`
    insert into messages (ticket_id, kind, author_id, body, created_at)
    select t.id, 'customer', t.customer_id, ${body(0)} || case when t.number % 250 = 0 then ${` ${RARE_WORD} on my card`} else '' end, t.created_at
      from tickets t`.execute(db);
  await sql`
    insert into messages (ticket_id, kind, author_id, body, created_at)
    select t.id, 'agent', t.assignee_id, ${body(17)}, t.first_response_at from tickets t where t.first_response_at is not null and t.assignee_id is not null`.execute(db);
  await sql`
    insert into messages (ticket_id, kind, author_id, body, created_at)
    select t.id, 'internal', t.assignee_id, 'note: ' || ${body(29)}, t.last_response_at from tickets t where t.assignee_id is not null and t.number % 10 = 3`.execute(db);
  await sql`insert into ticket_events (ticket_id, actor_id, type, data, created_at) select id, customer_id, 'ticket.created', '{}'::jsonb, created_at from tickets`.execute(db);
}
