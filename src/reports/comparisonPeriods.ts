import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { subMonths } from 'date-fns/subMonths';
import { previousPeriod } from '../domain/brusselsTime.ts';

// The period a supervisor means (issue 17, point 7). A bilan is compared with the period it is
// naturally read against:
// - a calendar month (1st to last day) with the previous calendar month, and also with the
//   same month a year earlier (seasons: December is not compared with November alone);
// - a calendar year (1 January to 31 December) with the previous year;
// - any other period with the period of the same length just before (the rule before issue 17).
// Days are calendar dates (YYYY-MM-DD, Brussels days): no time zone arithmetic is involved.

export type ComparisonRule = 'calendarMonth' | 'calendarYear' | 'sameLength';

export interface Period {
  from: string;
  to: string;
}

export interface Comparison {
  rule: ComparisonRule;
  previous: Period;
  /** The same calendar month a year earlier (calendar months only). */
  yearEarlier: Period | null;
}

/** Noon of a calendar date in local time: month arithmetic on it never crosses a day boundary. */
const noon = (ymd: string): Date => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};
const ymd = (d: Date): string => format(d, 'yyyy-MM-dd');

/** The calendar month of `first` (its first day), as a period. */
function monthOf(first: Date): Period {
  return { from: ymd(first), to: ymd(endOfMonth(first)) };
}

export function isCalendarMonth(p: Period): boolean {
  return p.from.endsWith('-01') && p.from.slice(0, 7) === p.to.slice(0, 7) && ymd(endOfMonth(noon(p.from))) === p.to;
}

export function isCalendarYear(p: Period): boolean {
  return p.from.slice(0, 4) === p.to.slice(0, 4) && p.from.endsWith('-01-01') && p.to.endsWith('-12-31');
}

export function comparisonFor(p: Period): Comparison {
  if (isCalendarMonth(p)) {
    const first = noon(p.from);
    return { rule: 'calendarMonth', previous: monthOf(subMonths(first, 1)), yearEarlier: monthOf(subMonths(first, 12)) };
  }
  if (isCalendarYear(p)) {
    const y = Number(p.from.slice(0, 4)) - 1;
    return { rule: 'calendarYear', previous: { from: `${y}-01-01`, to: `${y}-12-31` }, yearEarlier: null };
  }
  return { rule: 'sameLength', previous: previousPeriod(p.from, p.to), yearEarlier: null };
}
