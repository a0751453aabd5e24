// How a time typed in a Relais field is read (TimeField): Belgium writes 24-hour times in all three
// UI languages ("14:30", "14h30", "14.30"). Chromium's <input type=time> follows the OS locale and
// showed "10:00 AM" on an en-US PC (issue 16). Separate from the component so a unit test runs it
// without React.

/** `text` as HH:MM (24 h), or null when it is no time of day. */
export function readTime(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:\s*[:h.uU]\s*(\d{2})?)?\s*$/.exec(text) ?? /^\s*(\d{2})(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
