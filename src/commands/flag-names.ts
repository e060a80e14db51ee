import { isNexusError, NexusError } from '../core/errors.js';

/**
 * Runs a service call and renames the fields of a validation error to the flags the user typed
 * (`timeZone` → `--time-zone`, `actions.assign` → `--assign`), so the error names what they can fix.
 */
export async function withFlagNames<T>(call: Promise<T>, names: Record<string, string>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!isNexusError(error) || error.code !== 'VALIDATION_FAILED' || !error.details) throw error;
    const keys = Object.keys(names).sort((a, b) => b.length - a.length);
    const rename = (path: string) => {
      const key = keys.find((k) => path === k || path.startsWith(`${k}.`));
      return key ? `${names[key]}${path.slice(key.length)}` : path;
    };
    const details = error.details.map((d) => ({ path: rename(d.path), message: d.message }));
    throw new NexusError('VALIDATION_FAILED', `Invalid input — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, { details, hint: error.hint });
  }
}

/** Small Unicode bar charts for terminals (`sla report`, `stats`); callers skip them when stdout is not a TTY. */
export function barChart(rows: { label: string; value: number; text: string }[], width = 24): string {
  const max = Math.max(1e-9, ...rows.map((r) => r.value));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  return rows.map((r) => `${r.label.padEnd(labelWidth)}  ${'█'.repeat(Math.round((r.value / max) * width)).padEnd(width, '·')}  ${r.text}`).join('\n');
}
