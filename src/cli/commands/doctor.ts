import fs from 'node:fs';
import type { Command } from 'commander';
import Database from 'better-sqlite3-multiple-ciphers';
import { APP_VERSION } from '../../app/appVersion.ts';
import { configBackupPolicy } from '../../config/machineConfig.ts';
import { keyFingerprint, parsePublicKey } from '../../feed/bundle.ts';
import { feedSettingsOf } from '../../feed/feedPoller.ts';
import { appliedVersion, type AppliedVersion, type FeedStatusFile, readFeedStatus } from '../../feed/feedService.ts';
import { backupPolicy, type BackupPolicy, listBackups, policyFromStore } from '../../store/backupSchedule.ts';
import { type ErrorPayload, isAppError } from '../../errors.ts';
import { readKeyring } from '../../store/keyring.ts';
import { storeHealth, type StoreHealth } from '../../store/storeHealth.ts';
import { storeFiles } from '../../store/storeFiles.ts';
import type { CliCommand } from '../command.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';
import { EXIT_FAILED, EXIT_OK } from '../exitCodes.ts';

interface DoctorReport {
  ok: boolean;
  /** What needs attention, one line each (also the reasons `ok` is false). */
  problems: string[];
  warnings: string[];
  versions: { relais: string; node: string; sqlite: string; electron: string | null; platform: string };
  config: { path: string | null; state: string; safeMode: boolean; centreName: string | null; problem: string | null; issues: Array<{ path: string; message: string }> };
  dataDir: string;
  store: {
    state: 'missing' | 'locked' | 'open' | 'error';
    keyring: { present: boolean; storeId: string | null; osKeystoreBackend: string | null; kdf: string | null };
    dbBytes: number | null;
    health: StoreHealth | null;
    error: ErrorPayload | null;
    hint: string | null;
  };
  backups: {
    folder: string;
    keep: number;
    count: number;
    newest: { file: string; createdAt: string; reason: string | null; ageHours: number } | null;
    unreadable: number;
  };
  feed: {
    configured: boolean;
    location: string | null;
    publicKey: string | null;
    autoApply: boolean;
    /** From the store (needs RELAIS_PASSPHRASE); null when locked or never applied. */
    applied: AppliedVersion | null;
    /** The last check or apply recorded in the data folder (feed-status.json). */
    lastCheck: FeedStatusFile | null;
  };
}

/** A newest backup older than this is worth a warning (daily backups + a weekend). */
const STALE_BACKUP_HOURS = 72;

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare(`SELECT sqlite_version() || ' (' || sqlite3mc_version() || ')'`).pluck().get() as string;
  } finally {
    db.close();
  }
}

export const doctorCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('doctor')
    .description('Summarise versions, data folder and store health (for support calls). Reads the passphrase from RELAIS_PASSPHRASE to look inside the store.')
    .action(async (opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      const files = storeFiles(dataDir);
      const config = ctx.config();
      const feedSettings = feedSettingsOf(config);
      const report: DoctorReport = {
        ok: true,
        problems: [],
        warnings: [],
        versions: { relais: APP_VERSION, node: process.versions.node, sqlite: sqliteVersion(), electron: process.versions.electron ?? null, platform: `${process.platform}-${process.arch}` },
        config: { path: config.path, state: config.state, safeMode: config.safeMode, centreName: config.values.centreName, problem: config.problem?.message ?? null, issues: config.problem?.issues ?? [] },
        dataDir,
        store: { state: 'missing', keyring: { present: false, storeId: null, osKeystoreBackend: null, kdf: null }, dbBytes: null, health: null, error: null, hint: null },
        backups: { folder: '', keep: 0, count: 0, newest: null, unreadable: 0 },
        feed: {
          configured: feedSettings.location !== null,
          location: feedSettings.location,
          publicKey: feedSettings.publicKey ? safeFingerprint(feedSettings.publicKey) : null,
          autoApply: feedSettings.autoApply,
          applied: null,
          lastCheck: readFeedStatus(dataDir),
        },
      };
      if (config.safeMode) {
        report.ok = false;
        report.problems.push(config.problem?.message ?? 'The configuration file is invalid (safe mode).');
      }
      let policy: BackupPolicy = { ...backupPolicy(files), ...configBackupPolicy(config) };
      const present = fs.existsSync(files.keyring) || fs.existsSync(files.db);
      if (!present) {
        report.store.hint = `No store yet: the app creates one at first start, or run \`relais-admin init --data-dir ${dataDir}\`.`;
      } else {
        report.store.dbBytes = fs.existsSync(files.db) ? fs.statSync(files.db).size : null;
        try {
          const keyring = readKeyring(files.keyring);
          report.store.keyring = { present: true, storeId: keyring.storeId, osKeystoreBackend: keyring.wraps.os?.backend ?? null, kdf: `scrypt N=${keyring.wraps.passphrase.N} r=${keyring.wraps.passphrase.r} p=${keyring.wraps.passphrase.p}` };
        } catch (e) {
          report.ok = false;
          report.store.state = 'error';
          report.store.error = isAppError(e) ? e.toPayload() : { code: 'Internal', message: String(e) };
        }
        if (report.store.state !== 'error') {
          if (!ctx.env.RELAIS_PASSPHRASE) {
            report.store.state = 'locked';
            report.store.hint = 'Set RELAIS_PASSPHRASE to check the store contents.';
          } else {
            try {
              const session = await openStoreForCli(dataDir, ctx.env);
              try {
                report.store.health = storeHealth(session.database());
                report.store.state = 'open';
                if (report.store.health.integrity !== 'ok') report.ok = false;
                policy = { ...policyFromStore(session), ...configBackupPolicy(config) };
                report.feed.applied = appliedVersion(session.database());
              } finally {
                session.close();
              }
            } catch (e) {
              report.ok = false;
              report.store.state = 'error';
              report.store.error = isAppError(e) ? e.toPayload() : { code: 'Internal', message: String(e) };
            }
          }
        }
      }
      if (report.store.error) report.problems.push(`Store: ${report.store.error.message}`);
      if (report.store.health && report.store.health.integrity !== 'ok') report.problems.push(`Store integrity: ${report.store.health.integrity}`);
      summariseBackups(report, policy, present);
      if (report.feed.lastCheck && (report.feed.lastCheck.state === 'refused' || report.feed.lastCheck.state === 'unavailable')) {
        report.warnings.push(`Directory feed, last check ${report.feed.lastCheck.checkedAt}: ${report.feed.lastCheck.summary}`);
      }
      emit(ctx.io, g.json, report, () => humanDoctor(report));
      if (!report.ok && report.store.error) ctx.io.err(`relais-admin: ${report.store.error.code}: ${report.store.error.message}`);
      else if (config.safeMode) ctx.io.err(`relais-admin: ${config.problem?.message ?? 'invalid configuration'}`);
      ctx.setExit(report.ok ? EXIT_OK : EXIT_FAILED);
    });
};

function safeFingerprint(publicKey: string): string | null {
  try {
    return keyFingerprint(parsePublicKey(publicKey));
  } catch {
    return null;
  }
}

function summariseBackups(r: DoctorReport, policy: BackupPolicy, storePresent: boolean): void {
  let entries: ReturnType<typeof listBackups> = [];
  try {
    entries = listBackups(policy.folder);
  } catch (e) {
    r.warnings.push(isAppError(e) ? e.message : `The backup folder ${policy.folder} cannot be read.`);
  }
  const valid = entries.filter((e) => e.valid && e.createdAt);
  const newest = valid[0];
  r.backups = {
    folder: policy.folder,
    keep: policy.keep,
    count: valid.length,
    unreadable: entries.length - valid.length,
    newest: newest ? { file: newest.file, createdAt: newest.createdAt as string, reason: newest.reason, ageHours: Math.round(((Date.now() - Date.parse(newest.createdAt as string)) / 3_600_000) * 10) / 10 } : null,
  };
  if (!storePresent) return;
  if (!newest) r.warnings.push(`No backup in ${policy.folder}: run \`relais-admin backup\` (the app also makes one daily and on quit).`);
  else if (r.backups.newest && r.backups.newest.ageHours > STALE_BACKUP_HOURS) r.warnings.push(`The newest backup is ${Math.round(r.backups.newest.ageHours / 24)} days old (${newest.name}).`);
  if (r.backups.unreadable) r.warnings.push(`${r.backups.unreadable} file(s) in ${policy.folder} are not readable backups.`);
}

function age(hours: number): string {
  return hours < 48 ? `${hours.toFixed(1)} h ago` : `${Math.round(hours / 24)} days ago`;
}

function humanDoctor(r: DoctorReport): string {
  const c = r.config;
  const lines = [
    `Relais ${r.versions.relais} — node ${r.versions.node}, SQLite ${r.versions.sqlite}${r.versions.electron ? `, electron ${r.versions.electron}` : ''}, ${r.versions.platform}`,
    `Configuration: ${c.path ?? '(none)'} — ${c.state === 'missing' ? 'no file (defaults)' : c.state === 'invalid' ? 'INVALID, the app runs in safe mode' : 'valid'}${c.centreName ? ` — ${c.centreName}` : ''}`,
    ...c.issues.map((i) => `  ${i.path}: ${i.message}`),
    `Data folder: ${r.dataDir}`,
    `Store: ${r.store.state}${r.store.keyring.storeId ? ` (id ${r.store.keyring.storeId})` : ''}`,
  ];
  if (r.store.keyring.present) lines.push(`Key custody: recovery passphrase (${r.store.keyring.kdf})${r.store.keyring.osKeystoreBackend ? ` + OS keystore (${r.store.keyring.osKeystoreBackend})` : ''}`);
  if (r.store.dbBytes !== null) lines.push(`Database size: ${(r.store.dbBytes / 1024).toFixed(0)} KiB`);
  if (r.store.health) {
    const h = r.store.health;
    lines.push(`Schema: v${h.schemaVersion} of ${h.latestSchemaVersion}; cipher ${h.cipher}; journal ${h.journalMode}; integrity ${h.integrity}`);
    lines.push(`Counts: ${Object.entries(h.counts).map(([k, v]) => `${k} ${v ?? '—'}`).join(', ')}`);
  }
  if (r.store.error) lines.push(`Problem: ${r.store.error.message}`);
  if (r.store.hint) lines.push(r.store.hint);
  const b = r.backups;
  lines.push(`Backups: ${b.folder} (keep ${b.keep}) — ${b.newest ? `${b.count} backup(s), newest ${b.newest.createdAt} (${age(b.newest.ageHours)}, ${b.newest.reason ?? '?'})` : 'none'}`);
  const f = r.feed;
  if (!f.configured) lines.push('Directory feed: not configured');
  else {
    lines.push(`Directory feed: ${f.location}${f.publicKey ? ` — signed bundles only (key ${f.publicKey})` : ' — signatures not required'}${f.autoApply ? ', applied automatically' : ''}`);
    lines.push(`  applied here: ${f.applied ? `version ${f.applied.version} on ${f.applied.appliedAt}` : r.store.state === 'open' ? 'none yet' : 'unknown (store locked: set RELAIS_PASSPHRASE)'}`);
    if (f.lastCheck) lines.push(`  last check ${f.lastCheck.checkedAt}: ${f.lastCheck.summary}`);
  }
  for (const p of r.problems) lines.push(`PROBLEM: ${p}`);
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}
