-- Delivery failures reported back on a ticket's mail, counted by RFC 3463 class: transient (4.x.x, or
-- a DSN's "Action: delayed") and permanent (5.x.x, or "failed" without a code). One row per ticket that
-- had any; each bounce is also in the ticket's history (ticket_events "email.bounced").
create table email_bounce_counts (
  ticket_id uuid primary key references tickets (id) on delete cascade,
  transient integer not null default 0,
  permanent integer not null default 0,
  last_status text,
  last_recipient text,
  last_bounce_at timestamptz not null
);

alter table email_bounce_counts enable row level security;
