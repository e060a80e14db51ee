-- Opening a ticket in one round trip (issue 14, API throughput). `POST /v1/tickets` took four round
-- trips to the database — BEGIN, the customer's lock with the routing rules, the find-or-create, COMMIT —
-- and each round trip cost the API more CPU than the work it carried. This function does the lock, the
-- rules and the find-or-create in one statement: the lock is taken first, and the statements after it
-- see every ticket a concurrent create committed before they start (each statement of a volatile
-- PL/pgSQL function takes a new snapshot), which is what the lock is for.
--
-- outcome:
--   'created'  — a new ticket (ticket), its first message (message_id, message_created_at) and both
--                history entries were written; rules holds the routing rules to run on it;
--   'existing' — the customer's open ticket with this subject and context, locked (FOR UPDATE); nothing written;
--   'routing'  — only_without_rules was set and routing rules exist: nothing written, nothing returned.
-- With only_without_rules set, 'existing' is returned without the ticket as well: such a caller runs
-- alone, outside a transaction, and hands anything but a plain new ticket to the transactional path.
create function nexus_open_ticket(
  lock_key text,
  p_customer_id uuid,
  p_actor_id uuid,
  p_subject text,
  -- The subject lower-cased as the caller compares subjects (JavaScript's toLowerCase()).
  p_subject_key text,
  p_context text,
  p_priority text,
  p_source text,
  p_body text,
  p_at timestamptz,
  p_created jsonb,
  only_without_rules boolean
) returns table (outcome text, ticket tickets, message_id uuid, message_created_at timestamptz, rules json)
language plpgsql volatile
as $$
#variable_conflict use_column
declare
  found_rules json;
  found_ticket tickets;
  new_message_id uuid;
  new_message_at timestamptz;
begin
  perform pg_advisory_xact_lock(hashtext(lock_key));
  if only_without_rules then
    if exists (select 1 from routing_rules) then
      return query select 'routing'::text, null::tickets, null::uuid, null::timestamptz, null::json;
      return;
    end if;
    found_rules := '[]'::json;
  else
    select coalesce(json_agg(r order by r.position, r.created_at), '[]'::json) into found_rules from routing_rules r;
  end if;

  select t.* into found_ticket from tickets t
   where t.customer_id = p_customer_id and t.deleted_at is null and t.status <> 'closed'
     and lower(t.subject) = p_subject_key and t.context is not distinct from p_context
   order by t.created_at desc
   limit 1
   for update;
  if found then
    if only_without_rules then found_ticket := null; end if;
    return query select 'existing'::text, found_ticket, null::uuid, null::timestamptz, found_rules;
    return;
  end if;

  insert into tickets (subject, context, priority, source, customer_id, created_at, updated_at)
  values (p_subject, p_context, p_priority, p_source, p_customer_id, p_at, p_at)
  returning * into found_ticket;
  insert into messages (ticket_id, kind, author_id, body, created_at)
  values (found_ticket.id, 'customer', p_customer_id, p_body, p_at)
  returning id, created_at into new_message_id, new_message_at;
  insert into ticket_events (ticket_id, actor_id, type, data, created_at)
  values (found_ticket.id, p_actor_id, 'ticket.created', p_created, p_at),
         (found_ticket.id, p_actor_id, 'ticket.message_added', jsonb_build_object('messageId', new_message_id, 'kind', 'customer', 'source', p_source), p_at);
  return query select 'created'::text, found_ticket, new_message_id, new_message_at, found_rules;
end;
$$;
