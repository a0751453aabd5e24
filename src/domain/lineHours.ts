import { TZDate } from '@date-fns/tz';

// The line's opening hours (weekdays 9:00–17:00 in Brussels unless the machine config says
// otherwise): who is on shift "until when" on the home board, and the callback windows a
// responder is offered. Pure: the renderer imports it too.

export const LINE_TIME_ZONE = 'Europe/Brussels';
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

/** Monday = 0 … Sunday = 6, from a JS getDay() (Sunday = 0). */
function weekdayCode(jsDay: number): WeekdayCode {
  return WEEKDAY_CODES[(jsDay + 6) % 7]!;
}

function at(day: TZDate, hhmm: string): Date {
  const m = minutes(hhmm);
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(m / 60), m % 60, 0, LINE_TIME_ZONE).getTime());
}

export interface LineStatus {
  open: boolean;
  /** When the line closes today (open now), else null. */
  closesAt: string | null;
  /** When the line opens next (closed now), else null. */
  opensAt: string | null;
}

/** Whether the line is open at `now` and until when (or when it opens next). */
export function lineStatus(hours: LineHours, now: Date): LineStatus {
  const local = new TZDate(now.getTime(), LINE_TIME_ZONE);
  for (let i = 0; i < 8; i++) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + i, 12, 0, 0, LINE_TIME_ZONE);
    if (!hours.days.includes(weekdayCode(day.getDay()))) continue;
    const start = at(day, hours.open);
    const end = at(day, hours.close);
    if (now < start) return { open: false, closesAt: null, opensAt: start.toISOString() };
    if (now < end) return { open: true, closesAt: end.toISOString(), opensAt: null };
  }
  return { open: false, closesAt: null, opensAt: null };
}

/** Whether an instant falls within the line's hours (callback windows are proposed only there). */
export function withinLineHours(hours: LineHours, instant: Date): boolean {
  const local = new TZDate(instant.getTime(), LINE_TIME_ZONE);
  if (!hours.days.includes(weekdayCode(local.getDay()))) return false;
  const m = local.getHours() * 60 + local.getMinutes();
  return m >= minutes(hours.open) && m <= minutes(hours.close);
}
