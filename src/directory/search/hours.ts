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

/** Where a service stands at an instant (issue 17, result rows): open until, or when it next opens. */
export type OpeningState =
  | { state: 'open'; /** Minutes from midnight the current opening ends; 1440 = midnight; null = open round the clock. */ until: number | null }
  | { state: 'closed'; /** Days from today (0 = later today, 1 = tomorrow, …, 6). */ inDays: number; /** Weekday 0 = Monday. */ day: number; minute: number }
  | { state: 'unknown' };

const WEEK_MINUTES = 7 * 1440;

/**
 * The opening state at `at` (Brussels weekday and minute). An opening that runs past midnight
 * (split at parse time into "… to 1440" and "0 to …") is read as one: open Friday 20:00 until
 * 02:00 says "until 02:00". Free-text hours (null) are unknown; hours that never open are closed
 * with no next opening and read as unknown too.
 */
export function openingStateAt(hours: WeeklyHours | null, at: { day: number; minute: number }): OpeningState {
  if (!hours) return { state: 'unknown' };
  const openAt = (m: number): boolean => {
    const w = ((m % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    return isOpenAt(hours, { day: Math.floor(w / 1440), minute: w % 1440 });
  };
  const start = at.day * 1440 + at.minute;
  if (openAt(start)) {
    // Walk interval ends until one is not followed by another opening.
    let end = start;
    for (let guard = 0; guard < 14 * 4; guard++) {
      const w = ((end % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
      const day = Math.floor(w / 1440);
      const minute = w % 1440;
      const cur = (hours[day] ?? []).filter(([from, to]) => minute >= from && minute < to).reduce((m, [, to]) => Math.max(m, to), minute);
      end += cur - minute;
      if (cur === minute || !openAt(end)) break;
      if (end - start >= WEEK_MINUTES) return { state: 'open', until: null };
    }
    if (end - start >= WEEK_MINUTES) return { state: 'open', until: null };
    return { state: 'open', until: end % 1440 === 0 ? 1440 : end % 1440 };
  }
  // The next opening: the earliest interval start after now, within the coming week.
  let best: number | null = null;
  for (let offset = 0; offset <= 7; offset++) {
    const day = (at.day + offset) % 7;
    for (const [from] of hours[day] ?? []) {
      const abs = offset * 1440 + from;
      if (abs > at.minute && (best === null || abs < best) && !openAt(start + abs - at.minute - 1)) best = abs;
    }
    if (best !== null && best < (offset + 1) * 1440) break;
  }
  if (best === null) return { state: 'unknown' };
  const inDays = Math.floor(best / 1440);
  return { state: 'closed', inDays, day: (at.day + inDays) % 7, minute: best % 1440 };
}
