import type crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../errors.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { applyImport, previewImport } from '../directory/import/importFile.ts';
import { parseImportOffThread } from '../directory/import/parseOffThread.ts';
import { demoServiceIds } from '../directory/demo/demoMarker.ts';
import { invalidateDirectorySearch } from '../directory/search/storeSearch.ts';
import type { ImportDiff, ParsedImport, ValidRow } from '../directory/import/types.ts';
import type { Logger } from '../log/logger.ts';
import { writeFileAtomic } from '../store/atomicWrite.ts';
import type { Db } from '../store/openDatabase.ts';
import { type BundleInfo, parsePublicKey, type VerifiedBundle, verifyBundle } from './bundle.ts';
import { readBundleBytes, type ReadBundleOptions } from './source.ts';

// Workstation side of the published directory: read the bundle, verify it, compare its version
// with the one applied here, compute the diff with the directory import's dry run, and apply it
// through that same import in one transaction together with the new version number.
//
// Services the bundle no longer lists are *deactivated* (status inactive), never deleted: their
// reachability notes stay, and a later bundle that lists them again reactivates them.

/** Settings keys (table `settings`) recording what was applied; they travel with backups. */
export const SETTING_VERSION = 'feed.version';
export const SETTING_SHA256 = 'feed.sha256';
export const SETTING_APPLIED_AT = 'feed.appliedAt';
export const SETTING_PUBLISHED_AT = 'feed.publishedAt';
/** A plain file in the data folder with the last check's outcome (no content), for `doctor`. */
export const FEED_STATUS_FILE = 'feed-status.json';

export type FeedState = 'not-configured' | 'unavailable' | 'refused' | 'up-to-date' | 'update-available' | 'applied';

export interface FeedCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  rejected: number;
}

export interface FeedReport {
  state: FeedState;
  location: string | null;
  checkedAt: string;
  appliedVersion: number | null;
  available: BundleInfo | null;
  counts: FeedCounts | null;
  /** One line for people: "directory update available: +12 / ~30 / −2". */
  summary: string;
  problem: string | null;
}

export interface FeedSettings {
  location: string | null;
  publicKey: string | null;
  /** Accept bundles without a checked signature when there is no public key (config `feed.allowUnsigned`; default false: refused). */
  allowUnsigned?: boolean;
  /** Why there is no location (safe mode, not configured). */
  unavailableReason?: 'feed.offSafeMode' | 'feed.notConfigured';
}

export interface FeedRunOptions extends ReadBundleOptions {
  now: Date;
  log?: Logger;
  /** The data folder, to record the outcome in feed-status.json for doctor. */
  dataDir?: string;
}

export interface AppliedVersion {
  version: number;
  sha256: string | null;
  appliedAt: string | null;
  publishedAt: string | null;
}

export function appliedVersion(db: Db): AppliedVersion | null {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const v = Number(get.get(SETTING_VERSION));
  if (!Number.isSafeInteger(v) || v < 1) return null;
  return { version: v, sha256: (get.get(SETTING_SHA256) as string | undefined) ?? null, appliedAt: (get.get(SETTING_APPLIED_AT) as string | undefined) ?? null, publishedAt: (get.get(SETTING_PUBLISHED_AT) as string | undefined) ?? null };
}

export function formatSummary(c: FeedCounts): string {
  return `+${c.added} / ~${c.changed} / −${c.removed}`;
}

interface Prepared {
  bundle: VerifiedBundle;
  applied: AppliedVersion | null;
  parsed: ParsedImport | null;
  removedIds: Set<string>;
  upToDate: boolean;
}

/** Read + verify + version check + parse. Throws AppError (NotFound: unreachable; FileRejected: bad bundle). */
async function prepare(db: Db, settings: FeedSettings, opts: FeedRunOptions): Promise<Prepared> {
  if (!settings.location) throw new AppError('NotFound', settings.unavailableReason ?? 'feed.notConfigured');
  let key: crypto.KeyObject | null = null;
  if (!settings.publicKey && !settings.allowUnsigned) {
    // Issue 12: signed feeds only, unless IT opts out in words. Nothing is read.
    throw new AppError(
      'FileRejected',
      'feed.refusedNoPublicKey', undefined,
    );
  }
  if (settings.publicKey) {
    try {
      key = parsePublicKey(settings.publicKey);
    } catch {
      throw new AppError('InvalidInput', 'feed.publicKeyUnreadable');
    }
  }
  const { bytes, source } = await readBundleBytes(settings.location, opts);
  const bundle = verifyBundle(bytes, source, key);
  const applied = appliedVersion(db);
  const v = bundle.info.version;
  if (applied && v < applied.version) {
    throw new AppError('FileRejected', 'feed.refusedOlder', { version: v, applied: applied.version });
  }
  if (applied && v === applied.version) {
    if (applied.sha256 && applied.sha256 !== bundle.info.sha256) {
      throw new AppError('FileRejected', 'feed.refusedSameVersion', { version: v });
    }
    return { bundle, applied, parsed: null, removedIds: new Set(), upToDate: true };
  }
  const repo = directoryRepository(db);
  const parsed = await parseImportOffThread(bundle.data, bundle.info.fileName, repo.listThemes()).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'FileRejected') throw new AppError('FileRejected', 'feed.refusedData', { detail: e.message.replace(/: nothing was imported\.?$/, '') });
    throw e;
  });
  if (parsed.format !== bundle.info.format) {
    throw new AppError('FileRejected', 'feed.refusedFormat', { declared: bundle.info.format.toUpperCase(), actual: parsed.format.toUpperCase() });
  }
  // Services the bundle no longer lists are deactivated, through the same import.
  const listed = new Set<string>(parsed.rejected.map((r) => r.id).filter((id): id is string => id !== null));
  for (const batch of parsed.valid.batches()) for (const v of batch) listed.add(v.service.id);
  const removedIds = new Set<string>();
  const deactivations: ValidRow[] = [];
  // The demonstration services are not deactivated but removed (applyImport), so they are left out here.
  const demo = new Set(demoServiceIds(db));
  if (!parsed.rejected.some((r) => r.id === null)) {
    for (const s of repo.listServices()) {
      if (s.status === 'active' && !listed.has(s.id) && !demo.has(s.id)) {
        removedIds.add(s.id);
        deactivations.push({ row: 0, service: { ...s, status: 'inactive' }, fields: ['status'] });
      }
    }
  }
  parsed.valid.add(deactivations);
  return { bundle, applied, parsed, removedIds, upToDate: false };
}

function demoNote(n: number, done: boolean): string {
  return n ? `; the demonstration directory (${n} services with fictitious numbers) ${done ? 'was removed' : 'will be removed'}` : '';
}

function countsOf(diff: ImportDiff, removedIds: ReadonlySet<string>): FeedCounts {
  return {
    added: diff.counts.added,
    changed: diff.changed.filter((c) => !removedIds.has(c.id)).length,
    removed: diff.changed.filter((c) => removedIds.has(c.id)).length,
    unchanged: diff.counts.unchanged,
    rejected: diff.counts.rejected,
  };
}

function failure(e: unknown, settings: FeedSettings, db: Db, now: Date): FeedReport {
  const err = isAppError(e) ? e : new AppError('Internal', 'feed.checkFailed', { detail: (e as Error).message });
  const state: FeedState = !settings.location ? 'not-configured' : err.code === 'FileRejected' ? 'refused' : 'unavailable';
  return { state, location: settings.location, checkedAt: now.toISOString(), appliedVersion: appliedVersion(db)?.version ?? null, available: null, counts: null, summary: err.message, problem: err.message };
}

/** Is there a newer valid bundle, and what would it change? Never throws and never writes the store. */
export async function checkFeed(db: Db, settings: FeedSettings, opts: FeedRunOptions): Promise<FeedReport> {
  let report: FeedReport;
  try {
    const p = await prepare(db, settings, opts);
    const base = { location: settings.location, checkedAt: opts.now.toISOString(), appliedVersion: p.applied?.version ?? null, available: p.bundle.info, problem: null };
    if (p.upToDate || !p.parsed) {
      report = { ...base, state: 'up-to-date', counts: null, summary: `directory up to date (version ${p.bundle.info.version})` };
    } else {
      const preview = await previewImport(db, p.parsed);
      const counts = countsOf(preview, p.removedIds);
      report = { ...base, state: 'update-available', counts, summary: `directory update available: ${formatSummary(counts)} (version ${p.bundle.info.version}${counts.rejected ? `, ${counts.rejected} rows rejected` : ''})${demoNote(preview.demoRemoved, false)}` };
    }
  } catch (e) {
    report = failure(e, settings, db, opts.now);
  }
  opts.log?.info('feed.checked', { state: report.state, version: report.available?.version ?? null, ...(report.counts ?? {}) });
  recordStatus(opts.dataDir, report);
  return report;
}

/**
 * Verifies the bundle again (never trusting an earlier check) and applies it: the import's
 * valid rows, the deactivations and the new version, all in one transaction, or nothing.
 * `expectedVersion` guards against applying something other than what a person previewed.
 * Throws AppError on refusal (FileRejected), unreachable source (NotFound) or version mismatch (Conflict).
 */
export async function applyFeed(
  db: Db,
  settings: FeedSettings,
  // `write` wraps the one write transaction (the router's, to hold the audit entry too).
  opts: FeedRunOptions & { expectedVersion?: number; write?: <T>(work: () => T) => T },
): Promise<FeedReport> {
  let p: Prepared;
  try {
    p = await prepare(db, settings, opts);
    if (opts.expectedVersion !== undefined && p.bundle.info.version !== opts.expectedVersion) {
      throw new AppError('Conflict', 'feed.versionMoved', { version: p.bundle.info.version, previewed: opts.expectedVersion });
    }
  } catch (e) {
    const r = failure(e, settings, db, opts.now);
    opts.log?.warn('feed.refused', { state: r.state, code: isAppError(e) ? e.code : 'Internal' });
    recordStatus(opts.dataDir, r);
    throw e;
  }
  const base = { location: settings.location, checkedAt: opts.now.toISOString(), available: p.bundle.info, problem: null };
  if (p.upToDate || !p.parsed) {
    const r: FeedReport = { ...base, state: 'up-to-date', appliedVersion: p.bundle.info.version, counts: null, summary: `directory up to date (version ${p.bundle.info.version})` };
    recordStatus(opts.dataDir, r);
    return r;
  }
  const parsed = p.parsed;
  const info = p.bundle.info;
  const set = db.prepare('INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  const at = opts.now.toISOString();
  const write = opts.write ?? ((work) => work());
  const diff = write(() => db.transaction(() => {
    const d = applyImport(db, parsed, opts.now);
    // The lexicon the coordination edited comes with the directory, in the same transaction.
    if (parsed.lexicon && parsed.lexicon.length > 0) directoryRepository(db).replaceLexicon(parsed.lexicon);
    set.run(SETTING_VERSION, String(info.version), at);
    set.run(SETTING_SHA256, info.sha256, at);
    set.run(SETTING_APPLIED_AT, at, at);
    set.run(SETTING_PUBLISHED_AT, info.publishedAt, at);
    return d;
  })());
  // Services are re-checked by the search's fingerprint; a new lexicon alone is not, so say it.
  invalidateDirectorySearch(db);
  const counts = countsOf(diff, p.removedIds);
  const report: FeedReport = {
    ...base,
    state: 'applied',
    appliedVersion: info.version,
    counts,
    summary: `directory updated to version ${info.version}: ${formatSummary(counts)}${counts.rejected ? ` (${counts.rejected} rows rejected)` : ''}${demoNote(diff.demoRemoved, true)}`,
  };
  opts.log?.info('feed.applied', { version: info.version, signature: info.signature, ...counts, demoRemoved: diff.demoRemoved });
  recordStatus(opts.dataDir, report);
  return report;
}

export interface FeedStatusFile {
  location: string | null;
  checkedAt: string;
  state: FeedState;
  appliedVersion: number | null;
  availableVersion: number | null;
  summary: string;
}

function recordStatus(dataDir: string | undefined, r: FeedReport): void {
  if (!dataDir) return;
  const status: FeedStatusFile = { location: r.location, checkedAt: r.checkedAt, state: r.state, appliedVersion: r.appliedVersion, availableVersion: r.available?.version ?? null, summary: r.summary };
  try {
    writeFileAtomic(path.join(dataDir, FEED_STATUS_FILE), `${JSON.stringify(status, null, 2)}\n`, 0o600);
  } catch {
    // Informational only (doctor): a read-only folder must not fail the check.
  }
}

export function readFeedStatus(dataDir: string): FeedStatusFile | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, FEED_STATUS_FILE), 'utf8')) as FeedStatusFile;
  } catch {
    return null;
  }
}
