import { tzOffset } from '@date-fns/tz';
import { AppError } from '../errors.ts';

// Periods are Brussels calendar days, inclusive at both ends. Calls are bucketed by the UTC
// hour they started in (`YYYY-MM-DDTHH`), which maps exactly to one Brussels hour: the zone
// changes its offset on a whole UTC hour (01:00 UTC, both transitions).

export const ZONE = 'Europe/Brussels';
const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Longest period a report covers (ten years), so a typo cannot ask for a millennium. */
export const MAX_PERIOD_DAYS = 3_660;

export function isYmd(s: string): boolean {
  const m = YMD.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s && Number(m[1]) >= 2000 && Number(m[1]) <= 2200;
}

function dayNumber(ymd: string): number {
  return Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
}

function ymdOf(dayNum: number): string {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(ymd: string, days: number): string {
  return ymdOf(dayNumber(ymd) + days);
}

/** Number of calendar days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

export function checkPeriod(from: string, to: string): void {
  if (!isYmd(from) || !isYmd(to)) throw new AppError('InvalidInput', 'A period is two dates YYYY-MM-DD.', [{ path: isYmd(from) ? 'to' : 'from', message: 'a date YYYY-MM-DD' }]);
  if (to < from) throw new AppError('InvalidInput', 'The period ends before it starts.', [{ path: 'to', message: 'on or after the start' }]);
  if (periodDays(from, to) > MAX_PERIOD_DAYS) throw new AppError('InvalidInput', `A report covers at most ${MAX_PERIOD_DAYS} days.`, [{ path: 'to', message: 'period too long' }]);
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = periodDays(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

/** The instant a Brussels day begins. */
export function dayStart(ymd: string): Date {
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`);
  // Midnight in Brussels is never inside a transition (they happen at 02:00/03:00 local).
  let guess = utcMidnight - tzOffset(ZONE, new Date(utcMidnight)) * 60_000;
  guess = utcMidnight - tzOffset(ZONE, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** [start, end) instants of a period of Brussels days, as ISO strings comparable with the stored ones. */
export function periodInstants(from: string, to: string): { startIso: string; endIso: string } {
  return { startIso: dayStart(from).toISOString(), endIso: dayStart(addDays(to, 1)).toISOString() };
}

export interface LocalHour {
  /** Brussels day YYYY-MM-DD. */
  day: string;
  /** 0–23, Brussels. */
  hour: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const hourCache = new Map<string, LocalHour>();

/** The Brussels hour of a UTC hour key `YYYY-MM-DDTHH`. */
export function localHour(utcHourKey: string): LocalHour {
  let v = hourCache.get(utcHourKey);
  if (v) return v;
  const t = Date.parse(`${utcHourKey}:00:00Z`);
  const local = new Date(t + tzOffset(ZONE, new Date(t)) * 60_000);
  v = { day: local.toISOString().slice(0, 10), hour: local.getUTCHours(), weekday: (local.getUTCDay() + 6) % 7 };
  if (hourCache.size > 200_000) hourCache.clear();
  hourCache.set(utcHourKey, v);
  return v;
}

/** ISO week of a day: `2026-W03`. */
export function isoWeek(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = 1 + Math.floor(dayOfYear / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of the ISO week holding `ymd`. */
export function weekMonday(ymd: string): string {
  const weekday = (new Date(`${ymd}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(ymd, -weekday);
}

export type Granularity = 'day' | 'week' | 'month';

/** Buckets of a period, in order, with the key each day falls into. */
export function buckets(from: string, to: string, g: Granularity): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const k = bucketKey(d, g);
    if (out[out.length - 1] !== k) out.push(k);
  }
  return out;
}

export function bucketKey(ymd: string, g: Granularity): string {
  return g === 'day' ? ymd : g === 'week' ? isoWeek(ymd) : ymd.slice(0, 7);
}

/** The one granularity a public report shows (several would let hidden days be recomputed from weeks). */
export function publicGranularity(from: string, to: string): Granularity {
  const n = periodDays(from, to);
  return n <= 31 ? 'day' : n <= 183 ? 'week' : 'month';
}

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Brussels calendar day of an instant. */
export function dayOf(instant: Date): string {
  return dayFormat.format(instant);
}
