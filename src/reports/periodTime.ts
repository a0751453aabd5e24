import { addDays, hourOf, isoWeek, isYmd, type LocalHour, periodDays } from '../domain/brusselsTime.ts';
import { AppError } from '../errors.ts';

// Periods are Brussels calendar days, inclusive at both ends (the calendar itself is in
// domain/brusselsTime.ts). Calls are bucketed by the UTC hour they started in
// (`YYYY-MM-DDTHH`), which maps exactly to one Brussels hour: the zone changes its offset on a
// whole UTC hour (01:00 UTC, both transitions).

/** Longest period a report covers (ten years), so a typo cannot ask for a millennium. */
export const MAX_PERIOD_DAYS = 3_660;

export function checkPeriod(from: string, to: string): void {
  if (!isYmd(from) || !isYmd(to)) throw new AppError('InvalidInput', 'period.notDates', {}, [{ path: isYmd(from) ? 'to' : 'from', message: 'a date YYYY-MM-DD' }]);
  if (to < from) throw new AppError('InvalidInput', 'period.endsBeforeStart', {}, [{ path: 'to', message: 'on or after the start' }]);
  if (periodDays(from, to) > MAX_PERIOD_DAYS) throw new AppError('InvalidInput', 'period.tooLong', { max: MAX_PERIOD_DAYS }, [{ path: 'to', message: 'period too long' }]);
}

const hourCache = new Map<string, LocalHour>();

/** The Brussels hour of a UTC hour key `YYYY-MM-DDTHH` (cached: facts are keyed by it). */
export function localHour(utcHourKey: string): LocalHour {
  let v = hourCache.get(utcHourKey);
  if (v) return v;
  v = hourOf(`${utcHourKey}:00:00Z`);
  if (hourCache.size > 200_000) hourCache.clear();
  hourCache.set(utcHourKey, v);
  return v;
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
