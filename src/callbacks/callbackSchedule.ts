import { tzOffset } from '@date-fns/tz';

// Pure time arithmetic for callbacks, in the line's time zone. Nothing here reads a clock:
// every function takes `now` (the injected clock's) so tests move time by hand.
//
// A responder types local wall-clock times ("tomorrow, 10:00–12:00"). Turning them into
// instants meets the two daylight-saving transitions of Europe/Brussels:
// - spring forward (last Sunday of March, 02:00 → 03:00): 02:30 does not exist; it is moved
//   forward by the gap, to 03:30 summer time (the same rule as Temporal's "compatible");
// - fall back (last Sunday of October, 03:00 → 02:00): 02:30 happens twice; the earlier one
//   (summer time) is taken, so a reminder rings early rather than an hour late.
// The adjustment is reported so the UI can say so. "Tomorrow 10:00" is calendar arithmetic on
// the local date, so it stays 10:00 across a transition (23 or 25 hours later).

export const ZONE = 'Europe/Brussels';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A reminder stays "due now" this long after its time when it has no later window end. */
export const DUE_GRACE_MS = 30 * MINUTE;
/** An announcement later than this after the due time is a "missed" reminder (app closed, PC asleep). */
export const MISSED_AFTER_MS = 5 * MINUTE;
/** How far ahead a callback may be planned. */
export const MAX_AHEAD_DAYS = 90;

export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type Adjustment = 'none' | 'skipped' | 'repeated';

export interface ZonedInstant {
  at: Date;
  /** `skipped`: the time did not exist (spring forward) and was moved later by the gap; `repeated`: it existed twice and the earlier was taken. */
  adjustment: Adjustment;
}

export function isLocalDate(s: string): boolean {
  const m = LOCAL_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && y >= 2000 && y <= 2200;
}

function parts(date: string, time: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const dm = LOCAL_DATE.exec(date);
  const tm = LOCAL_TIME.exec(time);
  if (!dm || !tm || !isLocalDate(date)) throw new RangeError(`bad local date/time ${date} ${time}`);
  return { y: Number(dm[1]), mo: Number(dm[2]), d: Number(dm[3]), h: Number(tm[1]), mi: Number(tm[2]) };
}

/** The instant at which the wall clock of `zone` shows `date` `time` (see the DST rules above). */
export function zonedToInstant(date: string, time: string, zone = ZONE): ZonedInstant {
  const p = parts(date, time);
  // The wall-clock reading taken as if it were UTC; the real instant is that minus the offset.
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi);
  // Offsets around that day (no zone moves twice within 28 hours).
  const before = tzOffset(zone, new Date(wall - 14 * HOUR));
  const after = tzOffset(zone, new Date(wall + 14 * HOUR));
  const candidates = [...new Set([before, after])]
    .map((offsetMin) => wall - offsetMin * MINUTE)
    .filter((t) => tzOffset(zone, new Date(t)) * MINUTE === wall - t)
    .sort((a, b) => a - b);
  if (candidates.length === 0) {
    // In the gap: read the wall time with the offset in force before it, which lands past the gap.
    return { at: new Date(wall - before * MINUTE), adjustment: 'skipped' };
  }
  return { at: new Date(candidates[0] as number), adjustment: candidates.length > 1 ? 'repeated' : 'none' };
}

function zonedFields(instant: Date, zone: string): { date: string; time: string } {
  const local = new Date(instant.getTime() + tzOffset(zone, instant) * MINUTE);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The local calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function localDateOf(instant: Date, zone = ZONE): string {
  return zonedFields(instant, zone).date;
}

/** The local wall-clock time (HH:MM) of an instant in `zone`. */
export function localTimeOf(instant: Date, zone = ZONE): string {
  return zonedFields(instant, zone).time;
}

/** Calendar arithmetic on a local date: `2026-03-28` + 1 → `2026-03-29`, whatever the DST. */
export function addCalendarDays(date: string, days: number): string {
  const p = parts(date, '00:00');
  return new Date(Date.UTC(p.y, p.mo - 1, p.d + days)).toISOString().slice(0, 10);
}

/** "Tomorrow at 10:00" in the line's zone, seen from `now`. */
export function tomorrowAt(now: Date, time: string, zone = ZONE): ZonedInstant {
  return zonedToInstant(addCalendarDays(localDateOf(now, zone), 1), time, zone);
}

export interface LocalWindow {
  date: string;
  from: string;
  /** Optional end of the preferred window, same day. */
  to?: string | undefined;
}

export interface ResolvedWindow {
  start: Date;
  end: Date | null;
  adjustments: { from: Adjustment; to: Adjustment | null };
}

export type WindowProblem = 'end-before-start' | 'in-the-past' | 'too-far';

/** Turns the preferred window a responder typed into instants, or says what is wrong with it. */
export function resolveWindow(w: LocalWindow, now: Date, zone = ZONE): { ok: true; window: ResolvedWindow } | { ok: false; problem: WindowProblem } {
  const from = zonedToInstant(w.date, w.from, zone);
  const to = w.to ? zonedToInstant(w.date, w.to, zone) : null;
  if (to && to.at.getTime() <= from.at.getTime()) return { ok: false, problem: 'end-before-start' };
  const last = (to ?? from).at.getTime();
  // A window whose start has passed is fine (it is due at once) as long as it is not over.
  if (last < now.getTime() - (to ? 0 : DUE_GRACE_MS)) return { ok: false, problem: 'in-the-past' };
  if (from.at.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY) return { ok: false, problem: 'too-far' };
  return { ok: true, window: { start: from.at, end: to?.at ?? null, adjustments: { from: from.adjustment, to: to?.adjustment ?? null } } };
}

// ── Where a callback sits in the queue ────────────────────────────────────────────────

export type Bucket = 'dueNow' | 'overdue' | 'upcoming' | 'done';

export interface Schedulable {
  status: 'pending' | 'done' | 'unreachable' | 'withdrawn';
  dueAt: string;
  windowEnd: string | null;
}

/** The instant a pending callback turns from "due now" to "overdue". */
export function overdueFrom(c: Pick<Schedulable, 'dueAt' | 'windowEnd'>): number {
  const due = Date.parse(c.dueAt);
  const end = c.windowEnd ? Date.parse(c.windowEnd) : Number.NEGATIVE_INFINITY;
  return Math.max(due + DUE_GRACE_MS, end);
}

export function bucketOf(c: Schedulable, now: Date): Bucket {
  if (c.status !== 'pending') return 'done';
  const t = now.getTime();
  if (Date.parse(c.dueAt) > t) return 'upcoming';
  return t < overdueFrom(c) ? 'dueNow' : 'overdue';
}

/** How late a pending callback is (0 when not yet due). */
export function latenessMs(c: Pick<Schedulable, 'dueAt'>, now: Date): number {
  return Math.max(0, now.getTime() - Date.parse(c.dueAt));
}

/** Sorts a queue into its four lists: due now and upcoming by due time, overdue by how late (latest first). */
export function sortQueue<T extends Schedulable & { closedAt?: string | null }>(items: readonly T[], now: Date): Record<Bucket, T[]> {
  const out: Record<Bucket, T[]> = { dueNow: [], overdue: [], upcoming: [], done: [] };
  for (const c of items) out[bucketOf(c, now)].push(c);
  const byDue = (a: T, b: T) => a.dueAt.localeCompare(b.dueAt);
  out.dueNow.sort(byDue);
  out.upcoming.sort(byDue);
  // Most late first = earliest due first; ties broken the same way everywhere.
  out.overdue.sort(byDue);
  out.done.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  return out;
}

/** When the next attempt is due after "no answer" or "voicemail". */
export function nextAttemptAt(now: Date, delayMinutes: number): Date {
  return new Date(now.getTime() + delayMinutes * MINUTE);
}

/** True when an announcement at `now` comes too late to be "on time": the app was closed or asleep. */
export function wasMissed(dueAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(dueAt) > MISSED_AFTER_MS;
}
