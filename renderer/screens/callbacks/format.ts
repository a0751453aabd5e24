import { dayOf, timeOf } from '../../../src/domain/brusselsTime.ts';
import { formatDateTime, type UiLang } from '../../i18n/i18n.ts';

// Display helpers for callbacks. "Now" is always main's clock (the queue's `now`), never the
// PC's: in the harness the clock is fake, and in the app both agree anyway.

/** The next quarter hour at least `minMinutes` after `now`, as Brussels date + time. */
export function suggestedStart(now: Date | string, minMinutes = 60): { date: string; time: string } {
  const t = new Date(now).getTime() + minMinutes * 60_000;
  const q = 15 * 60_000;
  const at = new Date(Math.ceil(t / q) * q);
  return { date: dayOf(at), time: timeOf(at) };
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
  return `${day}, ${timeOf(start)}${end ? `–${timeOf(end)}` : ''}`;
}
