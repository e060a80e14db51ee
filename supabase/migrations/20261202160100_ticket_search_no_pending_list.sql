-- No pending list on the ticket search index (issue 14). With fastupdate (GIN's default) every new or
-- changed search document — each message rewrites its ticket's — goes to an unsorted pending list that
-- every search reads through in full, up to gin_pending_list_limit (4 MB), until a VACUUM merges it.
-- PGlite runs no autovacuum, so an embedded desk's list never empties: each search read it all. On the
-- server, autovacuum merges it, but between two runs a busy desk's searches paid the same. Without it a
-- write puts its entries straight into the index (measured in the closing note of issue 14: slower
-- writes by a small margin, rare-word searches no longer reading megabytes of list).
alter index ticket_search_document_idx set (fastupdate = off);
select gin_clean_pending_list('ticket_search_document_idx'::regclass);
