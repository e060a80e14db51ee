/**
 * One time format for every human output: local time with its zone, minutes precision, e.g.
 * `2026-11-30 14:05 CET`. JSON keeps ISO 8601 in UTC. The zone is the process's (TZ), so a cron job
 * and a person read the same clock they live by.
 */
export function formatTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
