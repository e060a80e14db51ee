import { sql, type Kysely } from 'kysely';

/**
 * A comparable description of the public schema: tables, columns (type, nullability, default),
 * constraints and indexes, sorted. Used to check that migrations produce the same schema on PGlite
 * and on a Postgres server, and that running them twice changes nothing.
 */
export interface SchemaSnapshot {
  columns: string[];
  constraints: string[];
  indexes: string[];
  functions: string[];
  triggers: string[];
  rls: string[];
}

export async function snapshotSchema(db: Kysely<any>): Promise<SchemaSnapshot> {
  const columns = await sql<{ line: string }>`
    select c.table_name || '.' || c.column_name || ' ' || c.data_type || coalesce('(' || c.character_maximum_length || ')', '')
      || case when c.is_nullable = 'NO' then ' not null' else '' end
      || coalesce(' default ' || c.column_default, '')
      || case when c.is_generated = 'ALWAYS' then ' generated ' || coalesce(c.generation_expression, '') else '' end
      || case when c.is_identity = 'YES' then ' identity' else '' end as line
    from information_schema.columns c
    where c.table_schema = 'public'`.execute(db);
  const constraints = await sql<{ line: string }>`
    select rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) as line
    from pg_constraint con join pg_class rel on rel.oid = con.conrelid join pg_namespace n on n.oid = rel.relnamespace
    where n.nspname = 'public' and con.contype <> 'n'`.execute(db);
  const indexes = await sql<{ line: string }>`select indexdef as line from pg_indexes where schemaname = 'public'`.execute(db);
  const functions = await sql<{ line: string }>`
    select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as line
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`.execute(db);
  const triggers = await sql<{ line: string }>`
    select c.relname || ' ' || t.tgname as line from pg_trigger t join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal`.execute(db);
  const rls = await sql<{ line: string }>`
    select c.relname || ' rls=' || c.relrowsecurity as line from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'`.execute(db);
  const sorted = (rows: { line: string }[]) => rows.map((r) => r.line).sort();
  return {
    columns: sorted(columns.rows),
    constraints: sorted(constraints.rows),
    indexes: sorted(indexes.rows),
    functions: sorted(functions.rows),
    triggers: sorted(triggers.rows),
    rls: sorted(rls.rows),
  };
}
