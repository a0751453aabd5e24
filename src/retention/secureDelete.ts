import type { Db } from '../store/openDatabase.ts';

/** Runs `fn` with SQLite's secure_delete on: the bytes of deleted content are overwritten with zeros. */
export function withSecureDelete<T>(db: Db, fn: () => T): T {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}
