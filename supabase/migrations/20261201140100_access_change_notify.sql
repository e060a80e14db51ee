-- Tell every process when a user's access changes (issue 14). The API server remembers a checked
-- access token instead of asking the database on every request; this notification, sent when the
-- change commits, makes each server forget that user's tokens at once: a disabled account, a role or
-- token-version change (password reset, logout everywhere), a revoked session (logout, reused refresh
-- token), a deleted user or session. The payload is the user's id, or '*' after a TRUNCATE (a restore).

create function nexus_notify_access_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    perform pg_notify('nexus_access_changed', '*');
  elsif tg_table_name = 'users' then
    perform pg_notify('nexus_access_changed', old.id::text);
  else
    perform pg_notify('nexus_access_changed', old.user_id::text);
    if tg_op = 'UPDATE' and new.user_id <> old.user_id then
      perform pg_notify('nexus_access_changed', new.user_id::text);
    end if;
  end if;
  return null;
end;
$$;

create trigger users_access_changed after update of email, name, role, is_disabled, token_version or delete on users
  for each row execute function nexus_notify_access_changed();
create trigger sessions_access_changed after update of revoked_at, family_id, user_id, kind or delete on sessions
  for each row execute function nexus_notify_access_changed();
create trigger users_access_truncated after truncate on users for each statement execute function nexus_notify_access_changed();
create trigger sessions_access_truncated after truncate on sessions for each statement execute function nexus_notify_access_changed();
