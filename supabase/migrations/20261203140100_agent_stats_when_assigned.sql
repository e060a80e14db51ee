-- The per-agent statistics triggers (20261201160100) fire only for assigned tickets (issue 14's profile of
-- creates): a customer's new ticket has no assignee, and ticket_agent_stats_on_change did nothing for it
-- but still cost a PL/pgSQL call per insert. The function is unchanged; its triggers say when it matters.
drop trigger ticket_agent_stats_insert_delete on tickets;
drop trigger ticket_agent_stats_update on tickets;
create trigger ticket_agent_stats_insert after insert on tickets
  for each row when (new.assignee_id is not null) execute function ticket_agent_stats_on_change();
create trigger ticket_agent_stats_delete after delete on tickets
  for each row when (old.assignee_id is not null) execute function ticket_agent_stats_on_change();
create trigger ticket_agent_stats_update after update of assignee_id, status, deleted_at, created_at, first_response_at, resolved_at on tickets
  for each row when (old.assignee_id is not null or new.assignee_id is not null) execute function ticket_agent_stats_on_change();
