import type { TicketPriority, TicketStatus } from '../db/schema.js';
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from './business-time.js';

/**
 * The SLA clock: one pure function of (the ticket's events, the policies, now). Everything that shows
 * an SLA — `sla explain`, the ticket document, the API, the stored columns reports aggregate — calls
 * `computeSla`, so they can never disagree about a due time.
 */

export const SLA_STATES = ['none', 'running', 'paused', 'met', 'breached'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

export interface SlaPolicyRule {
  id: string;
  name: string;
  priority: TicketPriority;
  firstResponseSeconds: number;
  resolutionSeconds: number;
  calendar: (BusinessCalendar & { name: string }) | null;
  pauseStatuses: TicketStatus[];
  /** Whether an AI reply meets the first-response target (by default only a human's does). */
  aiCountsAsFirstResponse: boolean;
}

/** What the clock reads from the history; `toSlaEvents` maps ticket_events rows to these. */
export type SlaEvent =
  | { type: 'created'; at: Date; status: TicketStatus; priority: TicketPriority }
  | { type: 'status'; at: Date; status: TicketStatus }
  | { type: 'priority'; at: Date; priority: TicketPriority }
  | { type: 'response'; at: Date; by: 'human' | 'ai' };

export interface SlaTarget {
  state: Exclude<SlaStateName, 'none'>;
  targetSeconds: number;
  /** Business seconds counted so far (up to met, or now). */
  elapsedSeconds: number;
  /** Business seconds left before the target; 0 once breached. */
  remainingSeconds: number;
  /** When the target is (or was) due; null while paused before it was due. */
  dueAt: Date | null;
  /** When the warning threshold is (or was) reached; null while paused. */
  warnAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
}

export interface SlaStep {
  at: Date;
  text: string;
}

export interface SlaResult {
  state: SlaStateName;
  policy: { id: string; name: string; priority: TicketPriority; calendar: string | null } | null;
  firstResponse: SlaTarget | null;
  resolution: SlaTarget | null;
  /** The next due time of a target still running (or the breach time), for sorting. */
  dueAt: Date | null;
  steps: SlaStep[];
}

export interface SlaOptions {
  /** Percentage of a target after which a warning is due (default 80). */
  warnPercent?: number;
}

interface Track {
  name: 'first response' | 'resolution';
  elapsed: number;
  metAt: number | null;
  breachedAt: number | null;
  warnAt: number | null;
  dueAt: number | null;
}

const fmtDuration = (ms: number): string => {
  const total = Math.round(ms / 60_000);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m || (!d && !h) ? `${m}m` : ''].filter(Boolean).join(' ');
};
export const formatDuration = (seconds: number): string => fmtDuration(seconds * 1000);

function sortEvents(events: readonly SlaEvent[]): SlaEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Evaluates a ticket's SLA at `now`. A target counts business time while the ticket is neither
 * closed nor in a pause status; the first response is met by the first human reply (or an AI reply
 * when the policy says so); closing meets resolution and re-opening resumes it; a priority change
 * re-targets to that priority's policy, keeping the time already counted. A breach stays a breach.
 */
export function computeSla(events: readonly SlaEvent[], policies: readonly SlaPolicyRule[], now: Date, options: SlaOptions = {}): SlaResult {
  const warnPercent = options.warnPercent ?? 80;
  const ordered = sortEvents(events).filter((e) => e.at.getTime() <= now.getTime());
  const created = ordered.find((e) => e.type === 'created');
  const steps: SlaStep[] = [];
  const policyOf = (priority: TicketPriority) => policies.find((p) => p.priority === priority) ?? null;
  if (!created) return { state: 'none', policy: null, firstResponse: null, resolution: null, dueAt: null, steps: [{ at: now, text: 'No creation event: the ticket has no SLA.' }] };

  let status = created.status;
  let priority = created.priority;
  let policy = policyOf(priority);
  const first: Track = { name: 'first response', elapsed: 0, metAt: null, breachedAt: null, warnAt: null, dueAt: null };
  const resolution: Track = { name: 'resolution', elapsed: 0, metAt: null, breachedAt: null, warnAt: null, dueAt: null };
  steps.push({
    at: created.at,
    text: policy
      ? `Created with priority ${priority}: policy "${policy.name}" — first response ${fmtDuration(policy.firstResponseSeconds * 1000)}, resolution ${fmtDuration(policy.resolutionSeconds * 1000)}, ${policy.calendar ? `business hours of "${policy.calendar.name}" (${policy.calendar.timeZone})` : 'around the clock'}.`
      : `Created with priority ${priority}: no SLA policy for it.`,
  });

  const targetMs = (track: Track, p: SlaPolicyRule) => (track === first ? p.firstResponseSeconds : p.resolutionSeconds) * 1000;
  const isPaused = (p: SlaPolicyRule) => p.pauseStatuses.includes(status);
  const counts = (track: Track, p: SlaPolicyRule | null): p is SlaPolicyRule => p !== null && track.metAt === null && status !== 'closed' && !isPaused(p);

  /** Advances one track over [from, to) in the current state, noting warning, breach and due times. */
  const advance = (track: Track, from: number, to: number) => {
    if (!counts(track, policy)) return;
    const p = policy;
    const target = targetMs(track, p);
    const warnTarget = (target * warnPercent) / 100;
    const cal = p.calendar;
    // A target used up exactly when the last span ended keeps the due time it had (the moment it ran out).
    const left = target - track.elapsed;
    track.dueAt = track.breachedAt ?? (left <= 0 && track.dueAt !== null ? track.dueAt : addBusinessMs(cal, from, Math.max(0, left)));
    if (track.warnAt === null && track.elapsed < warnTarget) track.warnAt = addBusinessMs(cal, from, warnTarget - track.elapsed);
    else if (track.warnAt === null) track.warnAt = from;
    const span = businessMsBetween(cal, from, to);
    // Breached once the due time has passed unmet (as the lists, the report and `sla check` read the
    // stored due time): a target that runs out at closing time is breached that evening, not next morning.
    if (track.breachedAt === null && track.dueAt < to) {
      track.breachedAt = track.dueAt;
      steps.push({ at: new Date(track.breachedAt), text: `The ${track.name} target was breached (${fmtDuration(target)} of business time used).` });
    }
    track.elapsed += span;
  };

  const explainSpan = (from: number, to: number) => {
    if (!policy || to <= from) return;
    const active = [first, resolution].filter((t) => counts(t, policy));
    if (active.length === 0) return;
    const span = businessMsBetween(policy.calendar, from, to);
    const skipped = to - from - span;
    steps.push({
      at: new Date(from),
      text: `Counted ${fmtDuration(span)} of business time until ${new Date(to).toISOString()}${skipped > 0 ? ` (${fmtDuration(skipped)} outside business hours skipped)` : ''}.`,
    });
  };

  let cursor = created.at.getTime();
  const events2 = ordered.filter((e) => e !== created);
  for (const event of [...events2, null]) {
    const to = event ? event.at.getTime() : now.getTime();
    explainSpan(cursor, to);
    advance(first, cursor, to);
    advance(resolution, cursor, to);
    cursor = to;
    if (!event) break;
    switch (event.type) {
      case 'status': {
        const before = status;
        if (before === event.status) break;
        status = event.status;
        if (status === 'closed' && resolution.metAt === null) {
          resolution.metAt = to;
          steps.push({ at: event.at, text: `Closed: resolution ${resolution.breachedAt !== null && resolution.breachedAt <= to ? 'came after its due time' : 'met'}.` });
          if (first.metAt === null) {
            first.metAt = to;
            steps.push({ at: event.at, text: 'Closed before any reply: the first-response clock stops.' });
          }
        } else if (before === 'closed') {
          resolution.metAt = null;
          steps.push({ at: event.at, text: `Re-opened (${status}): resolution time resumes from ${fmtDuration(resolution.elapsed)} already used.` });
        } else if (policy && isPaused(policy)) {
          steps.push({ at: event.at, text: `Paused: status ${status}.` });
        } else if (policy && policy.pauseStatuses.includes(before)) {
          steps.push({ at: event.at, text: `Resumed: status ${status}.` });
        }
        break;
      }
      case 'priority': {
        if (event.priority === priority) break;
        priority = event.priority;
        policy = policyOf(priority);
        for (const t of [first, resolution]) {
          t.warnAt = null;
          // Re-targeted: worked out again on the next span; a breach stays a breach, due when it happened.
          t.dueAt = t.breachedAt;
        }
        steps.push({
          at: event.at,
          text: policy
            ? `Priority changed to ${priority}: re-targeted to policy "${policy.name}" (first response ${fmtDuration(policy.firstResponseSeconds * 1000)}, resolution ${fmtDuration(policy.resolutionSeconds * 1000)}), keeping the time already counted.`
            : `Priority changed to ${priority}: no SLA policy for it.`,
        });
        break;
      }
      case 'response': {
        if (first.metAt !== null) break;
        if (event.by === 'ai' && !(policy?.aiCountsAsFirstResponse ?? false)) {
          steps.push({ at: event.at, text: 'AI reply: does not count as the first response under this policy.' });
          break;
        }
        first.metAt = to;
        const late = first.breachedAt !== null && first.breachedAt <= to;
        steps.push({ at: event.at, text: `First ${event.by === 'ai' ? 'AI' : 'human'} reply after ${fmtDuration(first.elapsed)} of business time: first response ${late ? 'came after its due time' : 'met'}.` });
        break;
      }
      case 'created':
        break;
      default: {
        const unhandled: never = event;
        throw new Error(`unhandled SLA event ${JSON.stringify(unhandled)}`);
      }
    }
  }

  if (!policy) {
    steps.push({ at: now, text: `State at ${now.toISOString()}: none (priority ${priority} has no policy).` });
    return { state: 'none', policy: null, firstResponse: null, resolution: null, dueAt: null, steps };
  }
  const nowMs = now.getTime();
  const p = policy;
  const result = (track: Track): SlaTarget => {
    const target = targetMs(track, p);
    const breached = track.breachedAt !== null && track.breachedAt <= (track.metAt ?? nowMs);
    const paused = track.metAt === null && !counts(track, p) && status !== 'closed';
    const state: SlaTarget['state'] = breached ? 'breached' : track.metAt !== null ? 'met' : paused ? 'paused' : 'running';
    const dueAt = paused && !breached ? null : track.dueAt ?? (track.metAt !== null ? null : addBusinessMs(p.calendar, nowMs, Math.max(0, target - track.elapsed)));
    return {
      state,
      targetSeconds: target / 1000,
      elapsedSeconds: Math.round(Math.min(track.elapsed, breached ? track.elapsed : target) / 1000),
      remainingSeconds: Math.max(0, Math.round((target - track.elapsed) / 1000)),
      dueAt: dueAt === null ? null : new Date(dueAt),
      warnAt: paused || track.warnAt === null ? null : new Date(track.warnAt),
      metAt: track.metAt === null ? null : new Date(track.metAt),
      breachedAt: breached ? new Date(track.breachedAt!) : null,
    };
  };
  const fr = result(first);
  const rs = result(resolution);
  const state: SlaStateName =
    fr.state === 'breached' || rs.state === 'breached' ? 'breached' : fr.state === 'met' && rs.state === 'met' ? 'met' : fr.state === 'paused' || rs.state === 'paused' ? 'paused' : 'running';
  const open = [fr, rs].filter((t) => t.state === 'running' && t.dueAt);
  const dueAt = open.length ? new Date(Math.min(...open.map((t) => t.dueAt!.getTime()))) : state === 'breached' ? (fr.breachedAt ?? rs.breachedAt) : null;
  for (const [label, t] of [['First response', fr], ['Resolution', rs]] as const) {
    steps.push({
      at: now,
      text: `${label}: ${t.state}${t.dueAt ? `, due ${t.dueAt.toISOString()}` : ''}${t.state === 'running' || t.state === 'paused' ? `, ${fmtDuration(t.remainingSeconds * 1000)} of business time left` : ''}.`,
    });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { state, policy: { id: p.id, name: p.name, priority: p.priority, calendar: p.calendar?.name ?? null }, firstResponse: fr, resolution: rs, dueAt, steps };
}
