import type { Db } from '../store/openDatabase.ts';

// The notes' retention as the centre set it: `retention.notesMonths` in the store's settings,
// at most the machine configuration's `purge.notesRetentionMonths` (IT, default 24). A
// supervisor may tighten it in the app, never loosen it (like the callback numbers' days).

export const NOTES_MONTHS_BOUNDS = [1, 120] as const;
const KEY = 'retention.notesMonths';

export function readNotesRetentionMonths(db: Db, ceiling: number): number {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= NOTES_MONTHS_BOUNDS[0] && n <= NOTES_MONTHS_BOUNDS[1] ? Math.min(n, ceiling) : ceiling;
}

export function writeNotesRetentionMonths(db: Db, months: number, ceiling: number, now: Date): number {
  if (!Number.isInteger(months) || months < NOTES_MONTHS_BOUNDS[0] || months > ceiling) throw new RangeError(`notes retention must be 1..${ceiling} months`);
  db.prepare('INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(KEY, String(months), now.toISOString());
  return readNotesRetentionMonths(db, ceiling);
}
