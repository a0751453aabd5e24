import { TZDate, tzOffset } from '@date-fns/tz';
// Per-function entry points: the package root imports all ~300 functions, a second of start-up
// for the CLI on a slow PC (the bundles tree-shake either way).
import { addDays as addCalendarDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { subMonths } from 'date-fns/subMonths';

// The line works in Brussels: "today", a shift, a report's period, a callback's window and a
// service's opening hours are read on the Brussels wall clock, whatever the PC's own zone.
// This is the one module that knows it (src/ and the renderer both import it).
//
// Two kinds of value:
// - a calendar day `YYYY-MM-DD` (no zone): arithmetic on it is plain calendar arithmetic;
// - an instant (Date): turned into Brussels fields through @date-fns/tz.

export const TIME_ZONE = 'Europe/Brussels';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

type Instant = Date | string | number;

/** How Belgium writes dates in each language of the app (the renderer's and the report files'). */
export const LOCALE_TAGS = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' } as const;
type LocaleLang = keyof typeof LOCALE_TAGS;

/** An instant on the Brussels wall clock, in the language's words ("3 déc. 2025, 14:05"). */
export function formatInstant(value: Instant, lang: LocaleLang, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[lang], { timeZone: TIME_ZONE, ...opts }).format(new Date(value));
}

/** A calendar day (YYYY-MM-DD) as Belgium writes it: "3 déc. 2025" / "3 dec. 2025" / "3 Dec 2025"; anything else as it is. */
export function formatDay(ymd: string, lang: LocaleLang, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  // Noon UTC is the same calendar day in Brussels whatever the season.
  return LOCAL_DATE.test(ymd) ? formatInstant(`${ymd}T12:00:00Z`, lang, opts) : ymd;
}

function ymdParts(ymd: string): [number, number, number] {
  const m = LOCAL_DATE.exec(ymd);
  if (!m) throw new RangeError(`bad calendar day ${ymd}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A calendar day as a Date at local noon: date-fns' calendar arithmetic on it is zone-proof. */
function calendarDate(ymd: string): Date {
  const [y, m, d] = ymdParts(ymd);
  return new Date(y, m - 1, d, 12);
}

function inBrussels(instant: Instant): TZDate {
  return new TZDate(new Date(instant).getTime(), TIME_ZONE);
}

/** True for a real calendar day `YYYY-MM-DD` between 2000 and 2200. */
export function isYmd(s: string): boolean {
  const m = LOCAL_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && y >= 2000 && y <= 2200;
}

/** The Brussels calendar day of an instant, `YYYY-MM-DD` (what `<input type=date>` wants). */
export function dayOf(instant: Instant): string {
  return format(inBrussels(instant), 'yyyy-MM-dd');
}

/** The Brussels wall-clock time of an instant, `HH:MM`. */
export function timeOf(instant: Instant): string {
  return format(inBrussels(instant), 'HH:mm');
}

/** Weekday (0 = Monday … 6 = Sunday) and minute of the day of an instant, in Brussels. */
export function weekMinuteOf(instant: Instant): { day: number; minute: number } {
  const z = inBrussels(instant);
  return { day: (z.getDay() + 6) % 7, minute: z.getHours() * 60 + z.getMinutes() };
}

/** The instant a Brussels calendar day begins. */
export function dayStart(ymd: string): Date {
  const [y, m, d] = ymdParts(ymd);
  return new Date(new TZDate(y, m - 1, d, TIME_ZONE).getTime());
}

/** The instant the Brussels day after `ymd` begins (the exclusive end of `ymd`). */
export function nextDayStart(ymd: string): Date {
  return dayStart(addDays(ymd, 1));
}

/** [start, end) instants of the Brussels days `from`…`to` (both included), as ISO strings comparable with stored ones. */
export function periodInstants(from: string, to: string): { startIso: string; endIso: string } {
  return { startIso: dayStart(from).toISOString(), endIso: nextDayStart(to).toISOString() };
}

/** Calendar arithmetic: `2026-03-28` + 1 → `2026-03-29`, whatever the daylight-saving time. */
export function addDays(ymd: string, days: number): string {
  return format(addCalendarDays(calendarDate(ymd), days), 'yyyy-MM-dd');
}

/** Number of calendar days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return differenceInCalendarDays(calendarDate(to), calendarDate(from)) + 1;
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = periodDays(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

/** The calendar month `offset` months from the one holding `ymd` (0: its own; -1: the one before; -12: a year earlier), first to last day. */
export function calendarMonth(ymd: string, offset = 0): { from: string; to: string } {
  const [y, m] = ymdParts(ymd);
  return { from: format(new Date(y, m - 1 + offset, 1, 12), 'yyyy-MM-dd'), to: format(new Date(y, m + offset, 0, 12), 'yyyy-MM-dd') };
}

/** The calendar month before the one holding `ymd` (the usual period of a bilan). */
export function previousMonth(ymd: string): { from: string; to: string } {
  return calendarMonth(ymd, -1);
}

/**
 * The instant `months` calendar months before `instant`, at the same UTC time, the end of the
 * month clamped (31 March − 1 → 28 or 29 February): the retention rules' "N months". Counted on
 * the UTC calendar the store writes its instants in, so the cutoff does not move by the
 * daylight-saving hour.
 */
export function monthsBefore(instant: Instant, months: number): Date {
  return new Date(subMonths(new TZDate(new Date(instant).getTime(), 'UTC'), months).getTime());
}

/** ISO week of a day: `2026-W03`. */
export function isoWeek(ymd: string): string {
  const d = calendarDate(ymd);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

export type Adjustment = 'none' | 'skipped' | 'repeated';

export interface ZonedInstant {
  at: Date;
  /** `skipped`: the time did not exist (spring forward) and was moved later by the gap; `repeated`: it existed twice and the earlier was taken. */
  adjustment: Adjustment;
}

// A responder types wall-clock times ("tomorrow, 10:00–12:00"). Turning them into instants
// meets the two daylight-saving transitions of Europe/Brussels:
// - spring forward (last Sunday of March, 02:00 → 03:00): 02:30 does not exist; it is moved
//   forward by the gap, to 03:30 summer time (the same rule as Temporal's "compatible");
// - fall back (last Sunday of October, 03:00 → 02:00): 02:30 happens twice; the earlier one
//   (summer time) is taken, so a reminder rings early rather than an hour late.
// The adjustment is reported so the UI can say so.

/** The instant at which the Brussels wall clock shows `date` `time` (see the DST rules above). */
export function zonedToInstant(date: string, time: string): ZonedInstant {
  const tm = LOCAL_TIME.exec(time);
  if (!tm || !isYmd(date)) throw new RangeError(`bad local date/time ${date} ${time}`);
  const [y, mo, d] = ymdParts(date);
  // The wall-clock reading taken as if it were UTC; the real instant is that minus the offset.
  const wall = Date.UTC(y, mo - 1, d, Number(tm[1]), Number(tm[2]));
  // Offsets around that day (no zone moves twice within 28 hours).
  const before = tzOffset(TIME_ZONE, new Date(wall - 14 * HOUR));
  const after = tzOffset(TIME_ZONE, new Date(wall + 14 * HOUR));
  const candidates = [...new Set([before, after])]
    .map((offsetMin) => wall - offsetMin * MINUTE)
    .filter((t) => tzOffset(TIME_ZONE, new Date(t)) * MINUTE === wall - t)
    .sort((a, b) => a - b);
  if (candidates.length === 0) {
    // In the gap: read the wall time with the offset in force before it, which lands past the gap.
    return { at: new Date(wall - before * MINUTE), adjustment: 'skipped' };
  }
  return { at: new Date(candidates[0] as number), adjustment: candidates.length > 1 ? 'repeated' : 'none' };
}

/** "Tomorrow at 10:00" in Brussels, seen from `now`. */
export function tomorrowAt(now: Date, time: string): ZonedInstant {
  return zonedToInstant(addDays(dayOf(now), 1), time);
}

export interface LocalHour {
  /** Brussels day YYYY-MM-DD. */
  day: string;
  /** 0–23, Brussels. */
  hour: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

/** The Brussels hour of an instant. */
export function hourOf(instant: Instant): LocalHour {
  const z = inBrussels(instant);
  return { day: format(z, 'yyyy-MM-dd'), hour: z.getHours(), weekday: (z.getDay() + 6) % 7 };
}
