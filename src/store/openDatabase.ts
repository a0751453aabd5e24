import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors.ts';
import { mapStoreError } from './sqliteErrors.ts';

export type Db = Database.Database;

/**
 * Opens (or, with `create`, creates) the encrypted database and proves the key with a read.
 * The cipher is set before the key: SQLCipher 4 compatible (AES-256-CBC + HMAC-SHA512 per
 * page), keyed with a raw 256-bit key so the slow KDF lives in the keyring, not on every open.
 */
export function openDatabase(file: string, key: Buffer | null, opts: { create?: boolean; readonly?: boolean } = {}): Db {
  if (!opts.create && !fs.existsSync(file)) {
    throw new AppError('StoreMissing', 'store.missingAt', { file });
  }
  let db: Db | undefined;
  try {
    if (opts.create && !fs.existsSync(file)) {
      // Owner-only from the first byte: the file is encrypted, but its size and times are not.
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
    }
    db = new Database(file, { fileMustExist: !opts.create, readonly: opts.readonly ?? false });
    if (key) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${key.toString('hex')}'"`);
    }
    // The proving read: a wrong key fails here with SQLITE_NOTADB, before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applyPragmas(db, opts.readonly ?? false);
    return db;
  } catch (e) {
    db?.close();
    throw mapStoreError(e, file);
  }
}

function applyPragmas(db: Db, readonly: boolean): void {
  // Temp tables and sorts stay in memory (never a plaintext temp file); no mmap of pages.
  db.pragma('temp_store = MEMORY');
  db.pragma('mmap_size = 0');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new AppError('Internal', 'store.walFailed', { mode: String(mode) });
  }
  // FULL: the WAL is fsynced at every commit, so an acknowledged save survives a power cut.
  db.pragma('synchronous = FULL');
}
