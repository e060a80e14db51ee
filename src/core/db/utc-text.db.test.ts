import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { isoFromUtcText, utcText } from './utc-text.js';

const t = useTestDatabase();

// Instants at the edges of the millisecond truncation, whole seconds, short fractions, old and far years.
const EDGES = [
  '2026-11-30 22:01:19+00',
  '2026-11-30 22:01:19.5+00',
  '2026-11-30 22:01:19.05+00',
  '2026-11-30 22:01:19.000001+00',
  '2026-11-30 22:01:19.000999+00',
  '2026-11-30 22:01:19.001+00',
  '2026-11-30 22:01:19.999999+00',
  '2026-12-31 23:59:59.9995+00',
  '2024-02-29 12:00:00.123456+05:30',
  '1970-01-01 00:00:00+00',
  '1969-12-31 23:59:59.999999+00',
  '0099-06-01 10:00:00.25+00',
  '9999-12-31 23:59:59.999999+00',
  '12345-01-01 00:00:00.5+00',
];

describe('timestamps read as UTC text', () => {
  it('give the ISO text the driver’s Date gave (milliseconds truncated, null kept), whatever the session time zone', async () => {
    const random = Array.from({ length: 300 }, (_, i) => `2026-01-01 00:00:00+00'::timestamptz + interval '${(i * 7919.123457).toFixed(6)} seconds`);
    await t.db.transaction().execute(async (trx) => {
      await sql`set local time zone 'Asia/Kathmandu'`.execute(trx);
      const values = [...EDGES.map((e) => `'${e}'::timestamptz`), ...random.map((r) => `'${r}'`), 'null::timestamptz'];
      const { rows } = await sql<{ at: Date | null; text: string | null }>`select x.at, ${utcText('x.at')} as text from (values ${sql.raw(values.map((v) => `(${v})`).join(', '))}) as x(at)`.execute(trx);
      expect(rows).toHaveLength(EDGES.length + random.length + 1);
      for (const row of rows) expect(isoFromUtcText(row.text)).toBe(row.at === null ? null : row.at.toISOString());
      expect(isoFromUtcText(rows.at(-1)!.text)).toBeNull();
      expect(isoFromUtcText(rows[3]!.text)).toBe('2026-11-30T22:01:19.000Z');
      expect(isoFromUtcText(rows[6]!.text)).toBe('2026-11-30T22:01:19.999Z');
    });
  });

  it('formats every microsecond fraction as the driver truncates it', () => {
    for (let us = 0; us < 1_000_000; us += 997) {
      const fraction = String(us).padStart(6, '0').replace(/0+$/, '');
      const text = `2026-11-30 22:01:19${fraction ? `.${fraction}` : ''}`;
      expect(isoFromUtcText(text)).toBe(`2026-11-30T22:01:19.${String(Math.floor(us / 1000)).padStart(3, '0')}Z`);
    }
  });
});
