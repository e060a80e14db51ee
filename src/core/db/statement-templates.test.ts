import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { StatementTemplates } from './statement-templates.js';

// Compiles only: no database behind it.
const db = new Kysely<{ items: { id: number; name: string; tag: string } }>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

type Values = { name: string; tags: string[]; rows: number };
const build = (v: Values) => {
  let q = db.selectFrom('items').selectAll().where('name', '=', v.name);
  if (v.tags.length) q = q.where('tag', 'in', v.tags);
  return q.where(sql<boolean>`id > ${0}`).limit(v.rows);
};

describe('StatementTemplates', () => {
  it('Given one shape twice, when compiled, then the SQL is built once and each call carries its own values in place', async () => {
    const templates = new StatementTemplates();
    let builds = 0;
    const counted = (v: Values) => (builds++, build(v));
    const first = templates.compile('two tags', { name: 'ana', tags: ['a', 'b'], rows: 26 }, counted);
    const second = templates.compile('two tags', { name: 'bo', tags: ['c', 'd'], rows: 11 }, counted);
    expect(builds).toBe(1);
    expect(second.sql).toBe(first.sql);
    expect(second.sql).toBe(build({ name: 'x', tags: ['x', 'y'], rows: 1 }).compile().sql);
    expect(first.parameters).toEqual(['ana', 'a', 'b', 0, 26]);
    expect(second.parameters).toEqual(['bo', 'c', 'd', 0, 11]);
  });

  it('Given another shape, when compiled, then it gets its own statement; past the capacity, statements are built every time', async () => {
    const templates = new StatementTemplates(1);
    let builds = 0;
    const counted = (v: Values) => (builds++, build(v));
    templates.compile('no tags', { name: 'ana', tags: [], rows: 26 }, counted);
    const other = templates.compile('one tag', { name: 'bo', tags: ['c'], rows: 2 }, counted);
    templates.compile('one tag', { name: 'bo', tags: ['c'], rows: 2 }, counted);
    expect(other.parameters).toEqual(['bo', 'c', 0, 2]);
    expect(builds).toBe(3);
    expect(templates.compile('no tags', { name: 'cy', tags: [], rows: 5 }, counted).parameters).toEqual(['cy', 0, 5]);
    expect(builds).toBe(3);
  });
});
