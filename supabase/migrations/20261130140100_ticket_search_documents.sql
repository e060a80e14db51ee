-- Search at a million tickets (issue 14). One stored search document per ticket — its subject
-- (weight A), its customer-visible messages (weight D) and its internal notes and staff-only lines (weight C) — kept by
-- triggers in the same transaction as the change, GIN-indexed, and ordered like the ticket queue, so
-- newest-first searches walk recent tickets and relevance ranks a bounded candidate set.
-- Matching is language-aware (search_settings.language, which Nexus keeps equal to the
-- `search.language` setting) and accent-blind through nexus_fold(), a plain SQL function that behaves
-- the same on PGlite and on any Postgres server (no extension needed).

create function nexus_fold(value text) returns text
language sql immutable strict parallel safe
as $$
  -- Plain ASCII (most text) is returned as it is: translate() with this table costs ~0.5 ms a message.
  select case when value ~ '^[\x01-\x7f]*$' then value else replace(replace(replace(replace(replace(translate(value,
    'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšŢŤŦţťŧÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž',
    'AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHHhhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSssssTTTtttUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz'),
    'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'ß', 'ss') end
$$;

create table search_settings (
  id boolean primary key default true check (id),
  language text not null default 'english'
);
insert into search_settings default values;
alter table search_settings enable row level security;

create function nexus_search_config() returns regconfig
language sql stable
as $$ select coalesce((select language from search_settings), 'english')::regconfig $$;

create table ticket_search (
  ticket_id uuid primary key references tickets (id) on delete cascade,
  created_at timestamptz not null,
  number integer not null,
  document tsvector not null
);
alter table ticket_search enable row level security;

/** The whole document of one ticket, from its subject and thread. */
create function ticket_search_document(ticket uuid) returns tsvector
language sql stable
as $$
  select setweight(to_tsvector(nexus_search_config(), nexus_fold(t.subject)), 'A')
      || setweight(to_tsvector(nexus_search_config(), nexus_fold(coalesce(
           (select string_agg(m.body, E'\n' order by m.created_at, m.id) from messages m where m.ticket_id = t.id and (m.kind = 'internal' or m.audience = 'staff')), ''))), 'C')
      || setweight(to_tsvector(nexus_search_config(), nexus_fold(coalesce(
           (select string_agg(m.body, E'\n' order by m.created_at, m.id) from messages m where m.ticket_id = t.id and m.kind <> 'internal' and m.audience <> 'staff'), ''))), 'D')
    from tickets t where t.id = ticket
$$;

create function ticket_search_on_ticket() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into ticket_search (ticket_id, created_at, number, document)
    values (new.id, new.created_at, new.number, setweight(to_tsvector(nexus_search_config(), nexus_fold(new.subject)), 'A'));
  else
    update ticket_search set created_at = new.created_at, number = new.number, document = ticket_search_document(new.id) where ticket_id = new.id;
  end if;
  return null;
end;
$$;
create trigger ticket_search_insert after insert on tickets for each row execute function ticket_search_on_ticket();
create trigger ticket_search_update after update of subject, created_at, number on tickets for each row execute function ticket_search_on_ticket();

-- A new message appends to the document; an edited or deleted one rebuilds it.
create function ticket_search_on_message() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update ticket_search
       set document = document || setweight(to_tsvector(nexus_search_config(), nexus_fold(new.body)), case when new.kind = 'internal' or new.audience = 'staff' then 'C' else 'D' end::"char")
     where ticket_id = new.ticket_id;
    return null;
  end if;
  update ticket_search set document = ticket_search_document(old.ticket_id)
   where ticket_id = old.ticket_id and exists (select 1 from tickets where id = old.ticket_id);
  if tg_op = 'UPDATE' and new.ticket_id <> old.ticket_id then
    update ticket_search set document = ticket_search_document(new.ticket_id) where ticket_id = new.ticket_id;
  end if;
  return null;
end;
$$;
create trigger ticket_search_message_insert after insert on messages for each row execute function ticket_search_on_message();
create trigger ticket_search_message_change after update of body, kind, audience, ticket_id or delete on messages for each row execute function ticket_search_on_message();

-- The documents of the tickets there are, set-based (the same text ticket_search_document() gives).
insert into ticket_search (ticket_id, created_at, number, document)
select t.id, t.created_at, t.number,
       setweight(to_tsvector(nexus_search_config(), nexus_fold(t.subject)), 'A')
    || setweight(to_tsvector(nexus_search_config(), nexus_fold(coalesce(m.internal, ''))), 'C')
    || setweight(to_tsvector(nexus_search_config(), nexus_fold(coalesce(m.visible, ''))), 'D')
  from tickets t
  left join (select ticket_id,
                    string_agg(body, E'\n' order by created_at, id) filter (where kind = 'internal' or audience = 'staff') as internal,
                    string_agg(body, E'\n' order by created_at, id) filter (where kind <> 'internal' and audience <> 'staff') as visible
               from messages group by ticket_id) m on m.ticket_id = t.id;

-- The per-row vectors of migration 20261126000100 are no longer read; dropping them spares every
-- ticket and message write two GIN updates.
drop index tickets_search_idx;
drop index messages_search_idx;
alter table tickets drop column search_vector;
alter table messages drop column search_vector;

create index ticket_search_document_idx on ticket_search using gin (document);
-- Newest-first walks of matching tickets (and the bounded candidate set of a relevance search).
create index ticket_search_recent_idx on ticket_search (created_at desc, number desc);

-- Plans for the new table right away (autovacuum would get there later).
analyze ticket_search;
