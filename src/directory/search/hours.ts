// Structured opening hours, a deliberately small format a supervisor can type in a cell:
//   "mo-fr 09:00-17:00; sa 10:00-12:00"      days: mo tu we th fr sa su, ranges and lists (mo,we,fr)
//   "mo-th 09:00-12:00,13:30-16:00; fr 09:00-12:00"
//   "24/7"                                     always open
// A rule without days ("09:00-17:00") applies every day. A time range may cross midnight
// ("fr 20:00-02:00"). Anything else is free text: it is shown as is and never matches "open now".
// Times are Brussels wall-clock times.

export const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

/** For each weekday (0 = Monday), the open intervals in minutes from midnight, end exclusive (≤ 1440). */
export type WeeklyHours = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

const TIME = /^([01]?\d|2[0-4])[:h.]([0-5]\d)$/;

function parseTime(s: string): number | null {
  const m = TIME.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 1440 ? v : null;
}

function parseDays(s: string): number[] | null {
  const days = new Set<number>();
  for (const part of s.split(',')) {
    const p = part.trim();
    const range = p.split('-');
    if (range.length === 1) {
      const d = DAY_CODES.indexOf(p as (typeof DAY_CODES)[number]);
      if (d < 0) return null;
      days.add(d);
    } else if (range.length === 2) {
      const a = DAY_CODES.indexOf(range[0] as (typeof DAY_CODES)[number]);
      const b = DAY_CODES.indexOf(range[1] as (typeof DAY_CODES)[number]);
      if (a < 0 || b < 0) return null;
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
    } else return null;
  }
  return [...days];
}

/** Parses structured hours, or returns null for free text (and empty strings). */
export function parseHours(input: string | null | undefined): WeeklyHours | null {
  if (!input) return null;
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  const week: [number, number][][] = [[], [], [], [], [], [], []];
  if (text === '24/7') {
    for (const d of week) d.push([0, 1440]);
    return week;
  }
  for (const rawRule of text.split(';')) {
    const rule = rawRule.trim();
    if (rule === '') continue;
    const m = /^(?:([a-z,\- ]+?)\s+)?(closed|fermé|ferme|\d[\d:h.\-, ]*)$/.exec(rule);
    if (!m) return null;
    const days = m[1] === undefined ? [0, 1, 2, 3, 4, 5, 6] : parseDays(m[1].replace(/\s+/g, ''));
    if (!days) return null;
    const spec = m[2] as string;
    if (spec === 'closed' || spec.startsWith('ferm')) continue;
    for (const rangeText of spec.split(',')) {
      const [a, b, ...rest] = rangeText.trim().split('-');
      if (a === undefined || b === undefined || rest.length > 0) return null;
      const from = parseTime(a.trim());
      const to = parseTime(b.trim());
      if (from === null || to === null || from === to) return null;
      for (const d of days) {
        if (from < to) (week[d] as [number, number][]).push([from, to]);
        else {
          (week[d] as [number, number][]).push([from, 1440]);
          if (to > 0) (week[(d + 1) % 7] as [number, number][]).push([0, to]);
        }
      }
    }
  }
  return week.some((d) => d.length > 0) ? week : null;
}

export function isOpenAt(hours: WeeklyHours | null, at: { day: number; minute: number }): boolean {
  if (!hours) return false;
  for (const [from, to] of hours[at.day] ?? []) if (at.minute >= from && at.minute < to) return true;
  return false;
}
