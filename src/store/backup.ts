import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, isAppError } from '../errors.ts';
import { fsyncDir } from './atomicWrite.ts';
import { type Keyring, keyringSchema, readKeyring, unwrapWithPassphrase } from './keyring.ts';
import { latestVersion, schemaVersion } from './migrate.ts';
import { type Db, openDatabase } from './openDatabase.ts';
import { mapStoreError } from './sqliteErrors.ts';
import { type StoreFiles, storeFiles } from './storeFiles.ts';

// Encrypted backups. The library's `.backup()` writes a PLAINTEXT copy, so it is never used.
// A backup is one `.relaisbak` file:
//
//   bytes 0..9    magic "RELAISBAK\n"
//   bytes 10..13  header length H, unsigned 32-bit big-endian
//   next H bytes  header, UTF-8 JSON (see backupHeaderSchema): format, version, createdAt,
//                 reason, storeId, schemaVersion, the db's size and SHA-256, and the keyring
//                 (passphrase wrap only: the OS-keystore wrap is tied to one PC and dropped)
//   the rest      the database, produced by `VACUUM INTO` under the store's own key: the
//                 same SQLCipher-4 encryption as the live file, never a plaintext page
//
// So a backup opens on a new PC with the recovery passphrase that was current when it was
// made, and with nothing else. Every backup is verified before it is published (renamed into
// place): it is reopened, integrity-checked and its store id compared.

export const BACKUP_EXTENSION = '.relaisbak';
const MAGIC = Buffer.from('RELAISBAK\n', 'latin1');
const MAX_HEADER_BYTES = 256 * 1024;
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const BACKUP_REASONS = ['manual', 'daily', 'quit', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupHeaderSchema = z.strictObject({
  format: z.literal('relais-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS),
  storeId: z.uuid(),
  schemaVersion: z.number().int().min(0),
  db: z.strictObject({ bytes: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  keyring: keyringSchema,
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: BackupReason;
  storeId: string;
  schemaVersion: number;
  bytes: number;
}

function tmpName(target: string, suffix: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.${suffix}`);
}

function sha256File(file: string, start = 0): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let pos = start;
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Copies `length` bytes of `src` from `srcPos` to the open descriptor `outFd`. */
function copyInto(outFd: number, src: string, srcPos = 0, length = Infinity): number {
  const fd = fs.openSync(src, 'r');
  let copied = 0;
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    while (copied < length) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, length - copied), srcPos + copied);
      if (n === 0) break;
      fs.writeSync(outFd, buf, 0, n);
      copied += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return copied;
}

function startsWithPlainSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_PLAIN_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    return head.equals(SQLITE_PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

function integrityMessages(db: Db, schema = 'main'): string {
  const rows = db.pragma(`${schema}.integrity_check`) as Array<Record<string, string>>;
  const messages = rows.map((r) => String(Object.values(r)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? 'ok' : messages.slice(0, 5).join('; ');
}

function backupKeyring(keyring: Keyring): Keyring {
  // The OS wrap only opens on the PC and profile that made it: a backup travels with the passphrase wrap alone.
  return { ...keyring, wraps: { passphrase: keyring.wraps.passphrase } };
}

/**
 * Writes an encrypted, verified backup of the open store `db` to `outFile` (refused if it
 * exists). Nothing appears at `outFile` unless the copy reopened and passed `integrity_check`.
 */
export function createBackup(db: Db, files: StoreFiles, outFile: string, opts: { reason?: BackupReason; now?: Date; createFolder?: boolean } = {}): BackupInfo {
  const target = path.resolve(outFile);
  if (fs.existsSync(target)) throw new AppError('Conflict', 'backup.targetExists', { file: target });
  const keyring = readKeyring(files.keyring);
  const storeId = db.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).pluck().get() as string | undefined;
  if (storeId !== keyring.storeId) throw new AppError('CorruptStore', 'backup.keyMismatch');
  try {
    if (opts.createFolder === false) {
      if (!fs.statSync(path.dirname(target)).isDirectory()) throw new AppError('NotFound', 'backup.targetNotAFolder', { folder: path.dirname(target) });
    } else fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NotFound', 'backup.targetFolderMissing', { folder: path.dirname(target) });
    throw mapStoreError(e, path.dirname(target));
  }
  const staged = tmpName(target, 'db.tmp');
  const partial = tmpName(target, 'tmp');
  const attached = 'relais_backup_check';
  let isAttached = false;
  try {
    // VACUUM INTO writes through the same cipher and key as the main database.
    db.prepare('VACUUM INTO ?').run(staged);
    if (startsWithPlainSqliteHeader(staged)) {
      throw new AppError('Internal', 'backup.copyUnencrypted');
    }
    // Reopen the copy (a fresh pager on the file, keyed with the store key) and check it.
    db.prepare('ATTACH DATABASE ? AS relais_backup_check').run(staged);
    isAttached = true;
    const integrity = integrityMessages(db, attached);
    const copyId = db.prepare(`SELECT value FROM ${attached}.meta WHERE key = 'store_id'`).pluck().get() as string | undefined;
    const version = db.pragma(`${attached}.user_version`, { simple: true }) as number;
    db.exec(`DETACH DATABASE ${attached}`);
    isAttached = false;
    if (integrity !== 'ok') throw new AppError('CorruptStore', 'backup.copyIntegrity', { detail: integrity });
    if (copyId !== keyring.storeId || version !== schemaVersion(db)) throw new AppError('Internal', 'backup.copyMismatch');

    const bytes = fs.statSync(staged).size;
    const header: BackupHeader = {
      format: 'relais-backup',
      version: 1,
      createdAt: (opts.now ?? new Date()).toISOString(),
      reason: opts.reason ?? 'manual',
      storeId: keyring.storeId,
      schemaVersion: version,
      db: { bytes, sha256: sha256File(staged) },
      keyring: backupKeyring(keyring),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(headerBytes.length);
    const fd = fs.openSync(partial, 'wx', 0o600);
    try {
      fs.writeSync(fd, MAGIC);
      fs.writeSync(fd, len);
      fs.writeSync(fd, headerBytes);
      if (copyInto(fd, staged) !== bytes) throw new AppError('Internal', 'backup.copyChanged');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Re-read what was written before publishing it.
    const written = readBackupHeader(partial);
    if (sha256File(partial, written.dbOffset) !== header.db.sha256) throw new AppError('Internal', 'backup.readBackDiffers');
    if (fs.existsSync(target)) throw new AppError('Conflict', 'backup.targetAppeared', { file: target });
    fs.renameSync(partial, target);
    fsyncDir(path.dirname(target));
    return { file: target, createdAt: header.createdAt, reason: header.reason, storeId: header.storeId, schemaVersion: header.schemaVersion, bytes: fs.statSync(target).size };
  } catch (e) {
    if (isAttached) {
      try {
        db.exec(`DETACH DATABASE ${attached}`);
      } catch {
        /* already detached */
      }
    }
    throw isAppError(e) ? e : mapStoreError(e, target);
  } finally {
    fs.rmSync(staged, { force: true });
    fs.rmSync(partial, { force: true });
  }
}

/** Reads and validates the header of a `.relaisbak` file; refuses anything else. */
export function readBackupHeader(file: string): { header: BackupHeader; dbOffset: number; fileBytes: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NotFound', 'backup.fileMissing', { file });
    throw new AppError('FileRejected', 'backup.fileUnreadable', { file, code: code ?? 'error' });
  }
  try {
    const fileBytes = fs.fstatSync(fd).size;
    const head = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, head, 0, head.length, 0) !== head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new AppError('FileRejected', 'backup.notABackup', { file, extension: BACKUP_EXTENSION });
    }
    const headerLength = head.readUInt32BE(MAGIC.length);
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || head.length + headerLength > fileBytes) {
      throw new AppError('BackupDamaged', 'store.backupDamaged.header', { file });
    }
    const raw = Buffer.alloc(headerLength);
    fs.readSync(fd, raw, 0, headerLength, head.length);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('BackupDamaged', 'store.backupDamaged.header', { file });
    }
    const parsed = backupHeaderSchema.safeParse(json);
    if (!parsed.success) throw new AppError('BackupDamaged', 'store.backupDamaged.version', { file, field: parsed.error.issues[0]?.path.join('.') ?? '?' });
    const dbOffset = head.length + headerLength;
    if (fileBytes - dbOffset !== parsed.data.db.bytes) {
      throw new AppError('BackupDamaged', 'store.backupDamaged.truncated', { file, bytes: fileBytes - dbOffset, expected: parsed.data.db.bytes });
    }
    return { header: parsed.data, dbOffset, fileBytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the database bytes of a backup into `dbFile` (must not exist), checking their SHA-256. */
function extractDb(file: string, dbOffset: number, header: BackupHeader, dbFile: string): void {
  const fd = fs.openSync(dbFile, 'wx', 0o600);
  try {
    copyInto(fd, file, dbOffset, header.db.bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (sha256File(dbFile) !== header.db.sha256) throw new AppError('BackupDamaged', 'store.backupDamaged.checksum', { file });
}

/** Opens an extracted database with `key` and checks integrity, store id and schema version. */
function checkExtracted(dbFile: string, key: Buffer, header: BackupHeader, source: string): void {
  const damaged = (what: 'key' | 'decrypt' | 'integrity' | 'storeId') => new AppError('BackupDamaged', `store.backupDamaged.${what}`, { file: source });
  let db: Db;
  try {
    db = openDatabase(dbFile, key, { readonly: true });
  } catch (e) {
    if (isAppError(e) && (e.code === 'WrongKey' || e.code === 'CorruptStore')) throw damaged('key');
    throw e;
  }
  try {
    let integrity: string;
    try {
      integrity = integrityMessages(db);
    } catch (e) {
      // A damaged page met while checking belongs to the backup, not to the live store.
      const mapped = mapStoreError(e, dbFile);
      if (mapped.code === 'CorruptStore') throw damaged('decrypt');
      throw mapped;
    }
    if (integrity !== 'ok') throw damaged('integrity');
    const id = db.prepare(`SELECT value FROM meta WHERE key = 'store_id'`).pluck().get() as string | undefined;
    if (id !== header.storeId) throw damaged('storeId');
    const v = schemaVersion(db);
    if (v > latestVersion()) throw new AppError('Conflict', 'backup.newerSchema', { file: source, version: v, latest: latestVersion() });
  } finally {
    db.close();
  }
}

export interface VerifiedBackup {
  file: string;
  header: Omit<BackupHeader, 'keyring'>;
}

/** Full check of a backup with the recovery passphrase: header, checksum, key, integrity. Writes only to a temp folder. */
export function verifyBackupFile(file: string, passphrase: string, scratchDir?: string): VerifiedBackup {
  const { header, dbOffset } = readBackupHeader(file);
  const key = unwrapWithPassphrase(header.keyring, passphrase);
  const dir = fs.mkdtempSync(path.join(scratchDir ?? path.dirname(path.resolve(file)), '.relais-verify-'));
  try {
    const dbFile = path.join(dir, 'check.db');
    extractDb(file, dbOffset, header, dbFile);
    checkExtracted(dbFile, key, header, file);
    const { keyring: _k, ...rest } = header;
    return { file: path.resolve(file), header: rest };
  } finally {
    key.fill(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RestoreResult {
  dataDir: string;
  storeId: string;
  schemaVersion: number;
  createdAt: string;
  /** Where a replaced store was moved (never deleted), when `force` replaced one. */
  replacedDir: string | null;
}

function compactStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Restores a backup into `dataDir`. Refuses (StoreExists) when a store is there, unless
 * `force`. The passphrase is checked before anything is written; the copy is extracted into
 * a staging folder inside `dataDir`, verified, and only then renamed into place. A replaced
 * store is moved aside to `<dataDir>/replaced-<time>/`, never deleted. The store must not be
 * open in this or another process.
 */
export function restoreBackup(opts: { file: string; dataDir: string; passphrase: string; force?: boolean; now?: Date }): RestoreResult {
  const files = storeFiles(opts.dataDir);
  const exists = fs.existsSync(files.keyring) || fs.existsSync(files.db);
  if (exists && !opts.force) {
    throw new AppError('StoreExists', 'backup.restoreOverExisting', { dir: opts.dataDir });
  }
  const { header, dbOffset } = readBackupHeader(opts.file);
  const key = unwrapWithPassphrase(header.keyring, opts.passphrase);
  const now = opts.now ?? new Date();
  let staging: string | null = null;
  let swapStarted = false;
  try {
    try {
      fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
      staging = fs.mkdtempSync(path.join(opts.dataDir, '.restore-'));
    } catch (e) {
      throw mapStoreError(e, opts.dataDir);
    }
    const stagedDb = path.join(staging, path.basename(files.db));
    const stagedKeyring = path.join(staging, path.basename(files.keyring));
    extractDb(opts.file, dbOffset, header, stagedDb);
    checkExtracted(stagedDb, key, header, opts.file);
    const kfd = fs.openSync(stagedKeyring, 'wx', 0o600);
    try {
      fs.writeSync(kfd, `${JSON.stringify(header.keyring, null, 2)}\n`);
      fs.fsyncSync(kfd);
    } finally {
      fs.closeSync(kfd);
    }
    fsyncDir(staging);

    swapStarted = true;
    let replacedDir: string | null = null;
    const live = [files.db, `${files.db}-wal`, `${files.db}-shm`, files.keyring].filter((f) => fs.existsSync(f));
    const movedAside: Array<[string, string]> = [];
    const placed: string[] = [];
    try {
      if (live.length > 0) {
        replacedDir = path.join(opts.dataDir, `replaced-${compactStamp(now)}-${crypto.randomBytes(2).toString('hex')}`);
        fs.mkdirSync(replacedDir, { mode: 0o700 });
        for (const f of live) {
          const aside = path.join(replacedDir, path.basename(f));
          fs.renameSync(f, aside);
          movedAside.push([f, aside]);
        }
        fsyncDir(replacedDir);
      }
      fs.renameSync(stagedKeyring, files.keyring);
      placed.push(files.keyring);
      fs.renameSync(stagedDb, files.db);
      placed.push(files.db);
      fsyncDir(opts.dataDir);
    } catch (e) {
      // Issue 12: a swap that fails half-way puts the live store back as it was, so the app
      // can reopen it; the staged copy is then dropped with the staging folder.
      try {
        for (const f of placed) fs.rmSync(f, { force: true });
        for (const [original, aside] of movedAside.reverse()) fs.renameSync(aside, original);
        if (replacedDir) fs.rmSync(replacedDir, { recursive: true, force: true });
        fsyncDir(opts.dataDir);
        swapStarted = false;
      } catch {
        // Could not put it back: keep everything (staging and replaced-*) for IT, and say so.
        throw new AppError('Internal', 'backup.restoreHalfway', { dir: replacedDir ?? opts.dataDir }, undefined, { cause: e });
      }
      throw e;
    }
    swapStarted = false;
    return { dataDir: opts.dataDir, storeId: header.storeId, schemaVersion: header.schemaVersion, createdAt: header.createdAt, replacedDir };
  } catch (e) {
    throw isAppError(e) ? e : mapStoreError(e, opts.dataDir);
  } finally {
    key.fill(0);
    // If the swap was interrupted half-way, the staged copy is kept for a second attempt.
    if (staging && !swapStarted) fs.rmSync(staging, { recursive: true, force: true });
  }
}
