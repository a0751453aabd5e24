import { SYSTEM_ACTOR, writeAudit } from './auditLog.ts';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../platform/clock.ts';
import { BACKUP_EXTENSION, type BackupInfo, type BackupReason, createBackup, readBackupHeader } from './backup.ts';
import type { StoreFiles } from './storeFiles.ts';
import type { StoreSession } from './storeSession.ts';

// Automatic rotating backups: one when a day has passed since the newest automatic backup,
// one on quit, keeping the newest N automatic ones. Manual backups (`relais-admin backup
// --out`, "back up now") are listed but never pruned. Decisions are pure functions of the
// listing and an injected clock; BackupScheduler only wires them to the store.

export const DEFAULT_KEEP = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const AUTO_PREFIX = 'relais-auto-';
/** Settings keys (table `settings`) that override the defaults; IT may set them. */
export const SETTING_FOLDER = 'backup.folder';
export const SETTING_KEEP = 'backup.keep';

export interface BackupPolicy {
  folder: string;
  keep: number;
  /**
   * The folder was set by IT (config.json backup.folder or the store's setting), typically a NAS
   * share. Such a folder is never created: when it is missing (share not mounted) the backup fails
   * loudly instead of landing on the local disk where nobody looks. The default folder is created.
   */
  configured?: boolean;
}

/** Refuses a configured backup folder that is missing or not a folder. */
export function assertBackupFolder(policy: BackupPolicy): void {
  if (!policy.configured) return;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(policy.folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new AppError('NotFound', 'store.backupFolder.missing', { folder: policy.folder })
      : new AppError('NotFound', 'store.backupFolder.unreachable', { folder: policy.folder, errno: code ?? 'error' });
  }
  if (!stat.isDirectory()) throw new AppError('NotFound', 'store.backupFolder.notFolder', { folder: policy.folder });
}

/** Where a backup folder stands, for doctor: reachable, writable. */
export function backupFolderState(folder: string): { exists: boolean; writable: boolean; problem: string | null } {
  try {
    if (!fs.statSync(folder).isDirectory()) return { exists: false, writable: false, problem: `${folder} is not a folder` };
  } catch (e) {
    return { exists: false, writable: false, problem: `${folder} cannot be reached (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return { exists: true, writable: true, problem: null };
  } catch {
    return { exists: true, writable: false, problem: `${folder} is not writable by this account` };
  }
}

export interface BackupEntry {
  file: string;
  name: string;
  bytes: number;
  /** From the header; null when the file is not a readable backup. */
  createdAt: string | null;
  reason: BackupReason | null;
  storeId: string | null;
  schemaVersion: number | null;
  automatic: boolean;
  valid: boolean;
  problem: string | null;
}

export function compactStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
}

/** e.g. `relais-auto-20250314T081500123Z-daily.relaisbak` for automatic ones, `relais-…` for manual. */
export function backupFileName(now: Date, reason: BackupReason): string {
  const auto = reason === 'daily' || reason === 'quit';
  return `${auto ? AUTO_PREFIX : 'relais-'}${compactStamp(now)}-${reason}${BACKUP_EXTENSION}`;
}

/** Defaults (`<dataDir>/backups`, keep 7), overridden by the settings table when the store is open. */
export function backupPolicy(files: StoreFiles, settings: { folder?: string | null; keep?: string | number | null } = {}): BackupPolicy {
  const keep = Number(settings.keep ?? DEFAULT_KEEP);
  const folder = settings.folder ? path.resolve(files.dataDir, settings.folder) : files.backups;
  return { folder, keep: Number.isInteger(keep) && keep >= 1 && keep <= 365 ? keep : DEFAULT_KEEP, configured: !!settings.folder };
}

export function policyFromStore(store: StoreSession): BackupPolicy {
  if (!store.isOpen()) return backupPolicy(store.files);
  const get = store.database().prepare('SELECT value FROM settings WHERE key = ?').pluck();
  return backupPolicy(store.files, { folder: get.get(SETTING_FOLDER) as string | undefined, keep: get.get(SETTING_KEEP) as string | undefined });
}

/** Every `.relaisbak` in `folder`, newest first (by header time, unreadable ones last). */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXTENSION) && !n.startsWith('.'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('ReadOnly', 'backup.folderUnreadable', { folder });
  }
  const entries = names.map((name): BackupEntry => {
    const file = path.join(folder, name);
    const base = { file, name, bytes: 0, automatic: name.startsWith(AUTO_PREFIX) };
    try {
      const { header, fileBytes } = readBackupHeader(file);
      return { ...base, bytes: fileBytes, createdAt: header.createdAt, reason: header.reason, storeId: header.storeId, schemaVersion: header.schemaVersion, valid: true, problem: null };
    } catch (e) {
      let bytes = 0;
      try {
        bytes = fs.statSync(file).size;
      } catch {
        /* vanished */
      }
      return { ...base, bytes, createdAt: null, reason: null, storeId: null, schemaVersion: null, valid: false, problem: isAppError(e) ? e.message : 'unreadable' };
    }
  });
  return entries.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.name.localeCompare(a.name));
}

/** Due when there is no automatic backup of this store, or the newest is at least `everyMs` old. */
export function isDailyBackupDue(entries: readonly BackupEntry[], now: Date, storeId: string | null = null, everyMs = DAY_MS): boolean {
  const newest = entries
    .filter((e) => e.automatic && e.valid && e.createdAt && (storeId === null || e.storeId === storeId))
    .map((e) => Date.parse(e.createdAt as string))
    .reduce((max, t) => Math.max(max, t), -Infinity);
  return !Number.isFinite(newest) || now.getTime() - newest >= everyMs || newest > now.getTime() + DAY_MS;
}

/** The automatic backups beyond the newest `keep` ones (manual and unreadable files are never pruned). */
export function backupsToPrune(entries: readonly BackupEntry[], keep: number): BackupEntry[] {
  return entries
    .filter((e) => e.automatic && e.valid)
    .sort((a, b) => (b.createdAt as string).localeCompare(a.createdAt as string))
    .slice(Math.max(1, keep));
}

export interface BackupSchedulerOptions {
  store: StoreSession;
  clock: Clock;
  log: Logger;
  /** Overrides the settings table / defaults (e.g. from a command-line flag). */
  policy?: Partial<BackupPolicy>;
  /**
   * Tells the user a backup failed (the app: an `app.notice`); the log line is written anyway.
   * `reason`/`params` let the screen say it in its user's language; `message` is English, for logs.
   */
  notify?: (problem: { message: string; reason: string; params?: Record<string, string | number> }) => void;
}

/**
 * What Electron's main calls: `runDailyIfDue()` at start and from a timer (`start()` sets one),
 * `onQuit()` before `core.shutdown()`. Each returns the backup made, or null when none was
 * due or the store is locked; failures are logged and thrown as AppError.
 */
export class BackupScheduler {
  private readonly opts: BackupSchedulerOptions;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(opts: BackupSchedulerOptions) {
    this.opts = opts;
  }

  policy(): BackupPolicy {
    return { ...policyFromStore(this.opts.store), ...this.opts.policy };
  }

  /** A backup now into the policy folder; automatic reasons also prune. */
  backupNow(reason: BackupReason = 'manual'): BackupInfo {
    const { store, clock, log } = this.opts;
    const policy = this.policy();
    const now = clock.now();
    try {
      assertBackupFolder(policy);
      const info = createBackup(store.database(), store.files, path.join(policy.folder, backupFileName(now, reason)), { reason, now, createFolder: !policy.configured });
      log.info('backup.created', { reason, bytes: info.bytes });
      // Automatic backups are audited here; one asked for in the app is audited by the router.
      if (reason === 'daily' || reason === 'quit') writeAudit(store.database(), now, SYSTEM_ACTOR, 'backup.create', { reason, bytes: info.bytes });
      if (reason === 'daily' || reason === 'quit') this.prune(policy);
      return info;
    } catch (e) {
      log.error('backup.failed', { reason, code: isAppError(e) ? e.code : 'Internal' });
      // A reason-keyed AppError says exactly what went wrong; anything else gets the generic sentence.
      if (isAppError(e) && e.reason) this.opts.notify?.({ message: e.message, reason: e.reason, ...(e.params ? { params: { ...e.params } } : {}) });
      else this.opts.notify?.({ message: isAppError(e) ? e.message : 'The backup failed.', reason: 'store.backupFailed' });
      throw e;
    }
  }

  runDailyIfDue(): BackupInfo | null {
    const { store, clock } = this.opts;
    if (!store.isOpen()) return null;
    const policy = this.policy();
    let entries: BackupEntry[] = [];
    try {
      entries = listBackups(policy.folder);
    } catch {
      // An unreachable folder: backupNow says so (log line and notice).
    }
    if (!isDailyBackupDue(entries, clock.now(), store.status().storeId)) return null;
    return this.backupNow('daily');
  }

  onQuit(): BackupInfo | null {
    if (!this.opts.store.isOpen()) return null;
    return this.backupNow('quit');
  }

  /** Checks every `everyMs` (default hourly) whether the daily backup is due. Returns a stop function. */
  start(everyMs = 60 * 60 * 1000): () => void {
    this.stop();
    const tick = () => {
      try {
        this.runDailyIfDue();
      } catch {
        /* logged by backupNow; retried at the next tick */
      }
    };
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref?.();
    return () => this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private prune(policy: BackupPolicy): void {
    for (const e of backupsToPrune(listBackups(policy.folder), policy.keep)) {
      try {
        fs.rmSync(e.file, { force: true });
        this.opts.log.info('backup.pruned', { reason: e.reason });
      } catch {
        this.opts.log.warn('backup.prune_failed', {});
      }
    }
  }
}
