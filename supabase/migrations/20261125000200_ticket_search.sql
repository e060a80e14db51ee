-- Ticket search and list ordering at scale (100k+ tickets).
-- Full-text search uses expression indexes with the 'simple' configuration (no stemming, any
-- language); queries must repeat the exact expressions `to_tsvector('simple', subject)` and
-- `to_tsvector('simple', body)` so the planner uses them. No stored column: rows stay lean.
create index tickets_subject_search_idx on tickets using gin (to_tsvector('simple', subject));
create index messages_body_search_idx on messages using gin (to_tsvector('simple', body));

-- `-updated` ordering of the staff queue, and keyset pagination on it.
create index tickets_updated_idx on tickets (updated_at desc, number desc) where deleted_at is null;

-- Find-or-create: a customer's tickets that are still open, matched on subject and context.
create index tickets_customer_open_idx on tickets (customer_id, lower(subject)) where deleted_at is null and status <> 'closed';
