import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Applies every pending migration, each in its own transaction with its version bump. */
export function migrate(db: Database, list: readonly Migration[] = allMigrations, upTo = latestVersion(list)): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = latestVersion(list);
  if (from > latest) {
    throw new AppError('Conflict', 'store.newerSchema', { version: from, latest });
  }
  const pending = [...list].filter((m) => m.version > from && m.version <= upTo).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}
