import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';

/**
 * A timestamptz column read as the text of its UTC time (`2026-11-30 22:01:19.123456`), for `isoFromUtcText`.
 * The driver would parse the column into a Date that the document then formats again as ISO text: on a
 * ticket page that parsing and formatting, with the Dates' garbage, was one of the largest costs of a
 * request (issue 14's profile). Independent of the session's TimeZone; assumes the ISO DateStyle, as the
 * driver's own timestamp parser does.
 */
export const utcText = (column: string): RawBuilder<string | null> => sql<string | null>`(${sql.ref(column)} at time zone 'UTC')::text`;

const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text');
const UTC_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?$/;

/**
 * The ISO 8601 text `Date.prototype.toISOString` gives for the instant `utcText` read: milliseconds
 * truncated from the microseconds, as the driver's Date parsing truncates them. Other shapes (years past
 * 9999, BC) go through the driver's own timestamptz parser, as before.
 */
export function isoFromUtcText(text: string): string;
export function isoFromUtcText(text: string | null): string | null;
export function isoFromUtcText(text: string | null): string | null {
  if (text === null) return null;
  if (!UTC_TEXT.test(text)) return (parseTimestamptz(`${text}+00`) as Date).toISOString();
  // `2026-11-30 22:01:19` is 19 characters; the fraction, when present, follows at 19 (the dot) and 20.
  const ms = text.length > 20 ? (text.slice(20, 23) + '00').slice(0, 3) : '000';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}Z`;
}
