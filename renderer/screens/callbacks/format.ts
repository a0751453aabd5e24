import { formatDateTime, TIME_ZONE, type UiLang } from '../../i18n/i18n.ts';

// Display helpers for callbacks. "Now" is always main's clock (the queue's `now`), never the
// PC's: in the harness the clock is fake, and in the app both agree anyway.

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Brussels calendar day of an instant, YYYY-MM-DD (what <input type=date> wants). */
export function brusselsDate(instant: Date | string): string {
  return dayFormat.format(new Date(instant));
}

/** The Brussels wall-clock time of an instant, HH:MM. */
export function brusselsTime(instant: Date | string): string {
  return timeFormat.format(new Date(instant));
}

/** The next quarter hour at least `minMinutes` after `now`, as Brussels date + time. */
export function suggestedStart(now: Date | string, minMinutes = 60): { date: string; time: string } {
  const t = new Date(now).getTime() + minMinutes * 60_000;
  const q = 15 * 60_000;
  const at = new Date(Math.ceil(t / q) * q);
  return { date: brusselsDate(at), time: brusselsTime(at) };
}

/** YYYY-MM-DD + n calendar days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** How late, split for the translated "2 h 05" / "25 min" / "3 d 4 h". */
export function latenessParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; d: number; h: number; m: string } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return { unit: 'minutes', d: 0, h: 0, m: String(minutes) };
  if (hours < 48) return { unit: 'hours', d: 0, h: hours, m: String(minutes % 60).padStart(2, '0') };
  return { unit: 'days', d: Math.floor(hours / 24), h: hours % 24, m: '0' };
}

/** "lun. 16 mars, 14:00–16:00" (the end only when there is one). */
export function formatWindow(start: string, end: string | null, lang: UiLang): string {
  const day = formatDateTime(start, lang, { weekday: 'short', day: 'numeric', month: 'short' });
  return `${day}, ${brusselsTime(start)}${end ? `–${brusselsTime(end)}` : ''}`;
}
