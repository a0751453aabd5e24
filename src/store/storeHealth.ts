import type { Db } from './openDatabase.ts';
import { schemaVersion, latestVersion } from './migrate.ts';

// What support needs to know about an open store, without reading any call content.
export const COUNTED_TABLES = ['services', 'calls', 'callbacks'] as const;

export interface StoreHealth {
  schemaVersion: number;
  latestSchemaVersion: number;
  integrity: 'ok' | string;
  cipher: string;
  journalMode: string;
  counts: Record<string, number | null>;
}

export function storeHealth(db: Db, full = false): StoreHealth {
  const rows = db.pragma(full ? 'integrity_check' : 'quick_check') as Array<Record<string, string>>;
  const messages = rows.map((r) => Object.values(r)[0]);
  const existing = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  const counts: Record<string, number | null> = {};
  for (const t of COUNTED_TABLES) {
    counts[t] = existing.has(t) ? (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) : null;
  }
  return {
    schemaVersion: schemaVersion(db),
    latestSchemaVersion: latestVersion(),
    integrity: messages.length === 1 && messages[0] === 'ok' ? 'ok' : messages.slice(0, 5).join('; '),
    cipher: String(db.pragma('cipher', { simple: true })),
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    counts,
  };
}
