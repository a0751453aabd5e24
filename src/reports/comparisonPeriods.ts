import { calendarMonth, LOCAL_DATE, previousPeriod } from '../domain/brusselsTime.ts';

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

export function isCalendarMonth(p: Period): boolean {
  return p.from.endsWith('-01') && LOCAL_DATE.test(p.from) && calendarMonth(p.from).to === p.to;
}

export function isCalendarYear(p: Period): boolean {
  return p.from.slice(0, 4) === p.to.slice(0, 4) && p.from.endsWith('-01-01') && p.to.endsWith('-12-31');
}

export function comparisonFor(p: Period): Comparison {
  if (isCalendarMonth(p)) {
    return { rule: 'calendarMonth', previous: calendarMonth(p.from, -1), yearEarlier: calendarMonth(p.from, -12) };
  }
  if (isCalendarYear(p)) {
    const y = Number(p.from.slice(0, 4)) - 1;
    return { rule: 'calendarYear', previous: { from: `${y}-01-01`, to: `${y}-12-31` }, yearEarlier: null };
  }
  return { rule: 'sameLength', previous: previousPeriod(p.from, p.to), yearEarlier: null };
}
