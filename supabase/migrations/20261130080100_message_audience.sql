-- Who may read a message. Customers see `everyone` messages of their own tickets; `staff` messages are
-- the desk's workflow (assignment churn, escalation reasons) shown to agents and admins only.
-- Internal notes stay kind `internal` (always staff-only); this column is for system messages.
alter table messages add column audience text not null default 'everyone' check (audience in ('everyone', 'staff'));

-- Workflow notes written before the column existed: assignment changes and escalation reasons.
update messages set audience = 'staff'
where kind = 'system' and (body like 'Assigned to %' or body = 'Unassigned.' or body like 'Escalated to a human agent. Reason: %');
