import { DAY, MINUTE, type Adjustment, zonedToInstant } from '../domain/brusselsTime.ts';

// Pure time arithmetic for callbacks. Nothing here reads a clock: every function takes `now`
// (the injected clock's) so tests move time by hand. Wall-clock times typed by a responder
// become instants through domain/brusselsTime.ts (which owns the daylight-saving rules);
// "tomorrow 10:00" is calendar arithmetic on the Brussels date, so it stays 10:00 across a
// transition (23 or 25 hours later).

/** A reminder stays "due now" this long after its time when it has no later window end. */
export const DUE_GRACE_MS = 30 * MINUTE;
/** An announcement later than this after the due time is a "missed" reminder (app closed, PC asleep). */
export const MISSED_AFTER_MS = 5 * MINUTE;
/** How far ahead a callback may be planned. */
export const MAX_AHEAD_DAYS = 90;

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
export function resolveWindow(w: LocalWindow, now: Date): { ok: true; window: ResolvedWindow } | { ok: false; problem: WindowProblem } {
  const from = zonedToInstant(w.date, w.from);
  const to = w.to ? zonedToInstant(w.date, w.to) : null;
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
