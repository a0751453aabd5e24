import { TZDate } from '@date-fns/tz';

// The line works in Brussels: "today", a shift and the history's date filters are Brussels
// calendar days, whatever the PC's own time zone.
export const TIME_ZONE = 'Europe/Brussels';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Brussels calendar day of an instant, as YYYY-MM-DD. */
export function brusselsDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** The instant a Brussels calendar day (YYYY-MM-DD) begins. */
export function brusselsDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, TIME_ZONE).getTime());
}

/** The instant the Brussels day after `day` begins (exclusive upper bound of `day`). */
export function brusselsNextDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + 1, 0, 0, 0, TIME_ZONE).getTime());
}
