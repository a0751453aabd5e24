import { addDays, dayOf, weekMinuteOf, zonedToInstant } from './brusselsTime.ts';

// The line's opening hours (weekdays 9:00–17:00 in Brussels unless the machine config says
// otherwise): who is on shift "until when" on the home board, and the callback windows a
// responder is offered. Pure: the renderer imports it too.

export const WEEKDAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export interface LineHours {
  days: readonly WeekdayCode[];
  /** HH:MM, Brussels time. */
  open: string;
  close: string;
}

export const DEFAULT_LINE_HOURS: LineHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' };

export const HHMM_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const code = (instant: Date | string): WeekdayCode => WEEKDAY_CODES[weekMinuteOf(instant).day]!;

export interface LineStatus {
  open: boolean;
  /** When the line closes today (open now), else null. */
  closesAt: string | null;
  /** When the line opens next (closed now), else null. */
  opensAt: string | null;
}

/** Whether the line is open at `now` and until when (or when it opens next). */
export function lineStatus(hours: LineHours, now: Date): LineStatus {
  const today = dayOf(now);
  for (let i = 0; i < 8; i++) {
    const day = addDays(today, i);
    const start = zonedToInstant(day, hours.open).at;
    if (!hours.days.includes(code(start))) continue;
    const end = zonedToInstant(day, hours.close).at;
    if (now < start) return { open: false, closesAt: null, opensAt: start.toISOString() };
    if (now < end) return { open: true, closesAt: end.toISOString(), opensAt: null };
  }
  return { open: false, closesAt: null, opensAt: null };
}

/** Whether an instant falls within the line's hours (callback windows are proposed only there). */
export function withinLineHours(hours: LineHours, instant: Date): boolean {
  if (!hours.days.includes(code(instant))) return false;
  const m = weekMinuteOf(instant).minute;
  return m >= minutes(hours.open) && m <= minutes(hours.close);
}

/**
 * The first instant at or after `from` within the line's hours (the start of the next opening
 * when the line is closed then), or `from` itself when the hours name no day at all.
 */
export function nextWithinLineHours(hours: LineHours, from: Date): Date {
  if (withinLineHours(hours, from)) return from;
  const status = lineStatus(hours, from);
  return status.opensAt ? new Date(status.opensAt) : from;
}

/** The next opening day strictly after the Brussels day of `now`, with its opening and closing times. */
export function nextLineDay(hours: LineHours, now: Date): { date: string; open: string; close: string } | null {
  const today = dayOf(now);
  for (let i = 1; i <= 7; i++) {
    const day = addDays(today, i);
    if (hours.days.includes(code(zonedToInstant(day, '12:00').at))) return { date: day, open: hours.open, close: hours.close };
  }
  return null;
}
