-- The SLA report reads one narrow table (issue 11, acceptance 6). ticket_sla already holds each ticket's
-- evaluated SLA (due and met times, business seconds); the report also groups and filters by the
-- ticket's priority, assignee, category, creation time and trash state, and reading those from tickets
-- made it a wide join over every ticket. Triggers copy them into ticket_sla, in the same transaction as
-- the ticket change, so the copies are never stale: the one place they are written.

alter table ticket_sla
  add column ticket_priority text,
  add column ticket_assignee_id uuid,
  add column ticket_category_id uuid,
  add column ticket_created_at timestamptz,
  add column ticket_deleted_at timestamptz;

update ticket_sla s
   set ticket_priority = t.priority, ticket_assignee_id = t.assignee_id, ticket_category_id = t.category_id,
       ticket_created_at = t.created_at, ticket_deleted_at = t.deleted_at
  from tickets t
 where t.id = s.ticket_id;

-- A new ticket_sla row takes the ticket's columns. FOR SHARE waits for a concurrent change of the ticket
-- to commit (and then reads it), and holds the next one off until this row is committed, where that
-- change's trigger below finds and updates it: no interleaving leaves a stale copy.
create function ticket_sla_copy_ticket() returns trigger language plpgsql as $$
begin
  select t.priority, t.assignee_id, t.category_id, t.created_at, t.deleted_at
    into new.ticket_priority, new.ticket_assignee_id, new.ticket_category_id, new.ticket_created_at, new.ticket_deleted_at
    from tickets t where t.id = new.ticket_id for share;
  return new;
end;
$$;
create trigger ticket_sla_copy_ticket before insert on ticket_sla for each row execute function ticket_sla_copy_ticket();
-- Also while a dump is loaded with triggers paused (session_replication_role = replica): the copies then
-- come from the loaded tickets whatever the dump carried (a dump from before this migration has none).
alter table ticket_sla enable always trigger ticket_sla_copy_ticket;

-- A ticket change updates its copies.
create function ticket_sla_follow_ticket() returns trigger language plpgsql as $$
begin
  update ticket_sla
     set ticket_priority = new.priority, ticket_assignee_id = new.assignee_id, ticket_category_id = new.category_id,
         ticket_created_at = new.created_at, ticket_deleted_at = new.deleted_at
   where ticket_id = new.id;
  return null;
end;
$$;
create trigger ticket_sla_follow_ticket after update of priority, assignee_id, category_id, created_at, deleted_at on tickets
  for each row
  when (old.priority is distinct from new.priority or old.assignee_id is distinct from new.assignee_id
        or old.category_id is distinct from new.category_id or old.created_at is distinct from new.created_at
        or old.deleted_at is distinct from new.deleted_at)
  execute function ticket_sla_follow_ticket();

-- Reports over a creation range (and the weekly chart's last 12 weeks) of the tickets not in the trash.
create index ticket_sla_report_created_idx on ticket_sla (ticket_created_at) where ticket_deleted_at is null;

analyze ticket_sla;
