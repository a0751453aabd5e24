import type { Db } from './openDatabase.ts';
import { schemaVersion } from './migrate.ts';

// Which version of the app last opened this store, and the schema it left. The CLI reads it to
// refuse upgrading a store past what the installed app opens (a newer relais-admin checkout
// must not make the records unreadable to the Relais on the PC), and doctor shows it.

const KEY = 'app_last_opened';

export interface AppOpener {
  version: string;
  schemaVersion: number;
  at: string;
}

export function appLastOpened(db: Db): AppOpener | null {
  try {
    const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<AppOpener>;
    return typeof v.version === 'string' && typeof v.schemaVersion === 'number' && typeof v.at === 'string' ? { version: v.version, schemaVersion: v.schemaVersion, at: v.at } : null;
  } catch {
    return null;
  }
}

/** Called by the app shells (not the CLI) each time they open the store. */
export function recordAppOpened(db: Db, version: string, now: Date): void {
  const value: AppOpener = { version, schemaVersion: schemaVersion(db), at: now.toISOString() };
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(value));
}
