import type { Db } from '../../store/openDatabase.ts';

// Which services are the bundled demonstration directory (fictitious numbers under real
// organisations' names). Recorded once when they are seeded, so the app can mark every place
// they show, doctor can warn, and a real directory (import, feed, hub) removes them — a
// responder must never read a fictitious number to a caller.

const KEY = 'demo_directory_ids';

export function demoServiceIds(db: Db): string[] {
  const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!raw) return [];
  try {
    const ids = JSON.parse(raw) as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function markDemoServices(db: Db, ids: readonly string[]): void {
  const all = [...new Set([...demoServiceIds(db), ...ids])];
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(all));
}

/** How many demonstration services are in the store now. */
export function countDemoServices(db: Db): number {
  const ids = demoServiceIds(db);
  if (!ids.length) return 0;
  return db.prepare(`SELECT count(*) FROM services WHERE id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
}

/**
 * Deletes the demonstration services (and their reachability notes) — before a real directory
 * is written, in the same transaction as the caller's. Returns how many were removed.
 */
export function removeDemoServices(db: Db): number {
  const ids = demoServiceIds(db);
  if (!ids.length) return 0;
  const removed = db.prepare(`DELETE FROM services WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids)).changes;
  db.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
  return removed;
}
