import { dayOf, dayStart, previousMonth } from '../domain/brusselsTime.ts';
import type { Db } from '../store/openDatabase.ts';

// The period Bilans opens on (issue 16, point 10): the last complete calendar month that has
// calls — what a coordinator prepares a bilan for — found from main's clock, not the browser's.
// A line with no call before this month (a new install) opens on the month so far instead, so
// the first screen is never a page of zeros for a month nobody worked.

export type DefaultPeriod = { from: string; to: string; rule: 'lastMonthWithCalls' | 'monthSoFar' };

export function defaultPeriod(db: Db, now: Date): DefaultPeriod {
  const today = dayOf(now);
  const monthStart = `${today.slice(0, 8)}01`;
  // The latest ended call before this month: its Brussels month is the bilan's month.
  const latest = db
    .prepare(`SELECT max(started_at) FROM calls WHERE started_at < ? AND status <> 'active'`)
    .pluck()
    .get(dayStart(monthStart).toISOString()) as string | null;
  if (!latest) return { from: monthStart, to: today, rule: 'monthSoFar' };
  const day = dayOf(new Date(latest));
  // previousMonth of the month after it: that month, first to last day.
  const { from, to } = previousMonth(nextMonthOf(day));
  return { from, to, rule: 'lastMonthWithCalls' };
}

function nextMonthOf(ymd: string): string {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
