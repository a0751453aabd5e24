import fs from 'node:fs';
import type { Command } from 'commander';
import Database from 'better-sqlite3-multiple-ciphers';
import { APP_VERSION } from '../../app/appVersion.ts';
import { configBackupPolicy } from '../../config/machineConfig.ts';
import { keyFingerprint, parsePublicKey } from '../../feed/bundle.ts';
import { feedSettingsOf } from '../../feed/feedPoller.ts';
import { appliedVersion, type AppliedVersion, type FeedStatusFile, readFeedStatus } from '../../feed/feedService.ts';
import { backupFolderState, backupPolicy, type BackupPolicy, listBackups, policyFromStore } from '../../store/backupSchedule.ts';
import { type DataFolderReport, inspectDataFolder } from '../../store/dataFolderAccess.ts';
import { mapStoreError } from '../../store/sqliteErrors.ts';
import { type AppOpener, appLastOpened } from '../../store/storeOpener.ts';
import { countDemoServices } from '../../directory/demo/demoMarker.ts';
import { logFilePath } from '../cliLog.ts';
import { type ErrorPayload, isAppError } from '../../errors.ts';
import { readKeyring } from '../../store/keyring.ts';
import { storeHealth, type StoreHealth } from '../../store/storeHealth.ts';
import { storeFiles } from '../../store/storeFiles.ts';
import type { CliCommand } from '../command.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_PARTIAL } from '../exitCodes.ts';

interface DoctorReport {
  ok: boolean;
  /** What needs attention, one line each (also the reasons `ok` is false). */
  problems: string[];
  warnings: string[];
  /** Warnings about config.json itself (e.g. an unsigned feed): doctor exits 2 when there are any and no problem. */
  configWarnings: string[];
  versions: { relais: string; node: string; sqlite: string; electron: string | null; platform: string };
  config: { path: string | null; state: string; safeMode: boolean; centreName: string | null; problem: string | null; issues: Array<{ path: string; message: string }> };
  /** null: config.json cannot be read and no --data-dir was given, so the data folder is unknown. */
  dataDir: string | null;
  /** Owner and mode of the data folder and its files (the account that may use them). */
  dataFolder: DataFolderReport | null;
  /** The support log (relais.log) of this data folder. */
  logFile: string | null;
  store: {
    state: 'missing' | 'locked' | 'open' | 'error';
    keyring: { present: boolean; storeId: string | null; osKeystoreBackend: string | null; kdf: string | null };
    dbBytes: number | null;
    health: StoreHealth | null;
    error: ErrorPayload | null;
    hint: string | null;
    /** The app version that last opened the store, and the schema it left (needs RELAIS_PASSPHRASE). */
    lastOpenedBy: AppOpener | null;
    /** Services of the bundled demonstration directory (fictitious numbers) still in the store. */
    demoServices: number | null;
  };
  backups: {
    folder: string;
    keep: number;
    /** Set by IT (config.json or the store's setting): never created by Relais. */
    configured: boolean;
    reachable: boolean;
    writable: boolean;
    count: number;
    newest: { file: string; createdAt: string; reason: string | null; ageHours: number } | null;
    unreadable: number;
  };
  feed: {
    configured: boolean;
    location: string | null;
    publicKey: string | null;
    /** config feed.allowUnsigned: bundles are accepted without a checked signature (no publicKey). */
    allowUnsigned: boolean;
    autoApply: boolean;
    /** From the store (needs RELAIS_PASSPHRASE); null when locked or never applied. */
    applied: AppliedVersion | null;
    /** The last check or apply recorded in the data folder (feed-status.json). */
    lastCheck: FeedStatusFile | null;
  };
}

/** A newest backup older than this is worth a warning (the app makes one daily and on quit). */
const STALE_BACKUP_HOURS = 48;

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
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const config = ctx.config();
      let dataDir: string | null = null;
      try {
        dataDir = ctx.dataDir(g);
      } catch (e) {
        if (!isAppError(e) || e.code !== 'ConfigInvalid') throw e;
      }
      const files = dataDir ? storeFiles(dataDir) : null;
      const feedSettings = feedSettingsOf(config);
      const report: DoctorReport = {
        ok: true,
        problems: [],
        warnings: [],
        configWarnings: [],
        versions: { relais: APP_VERSION, node: process.versions.node, sqlite: sqliteVersion(), electron: process.versions.electron ?? null, platform: `${process.platform}-${process.arch}` },
        config: { path: config.path, state: config.state, safeMode: config.safeMode, centreName: config.values.centreName, problem: config.problem?.message ?? null, issues: config.problem?.issues ?? [] },
        dataDir,
        dataFolder: dataDir ? inspectDataFolder(dataDir) : null,
        logFile: dataDir ? logFilePath(dataDir) : null,
        store: { state: 'missing', keyring: { present: false, storeId: null, osKeystoreBackend: null, kdf: null }, dbBytes: null, health: null, error: null, hint: null, lastOpenedBy: null, demoServices: null },
        backups: { folder: '', keep: 0, configured: false, reachable: false, writable: false, count: 0, newest: null, unreadable: 0 },
        feed: {
          configured: feedSettings.location !== null,
          location: feedSettings.location,
          publicKey: feedSettings.publicKey ? safeFingerprint(feedSettings.publicKey) : null,
          allowUnsigned: !feedSettings.publicKey && Boolean(feedSettings.allowUnsigned),
          autoApply: feedSettings.autoApply,
          applied: null,
          lastCheck: dataDir ? readFeedStatus(dataDir) : null,
        },
      };
      if (config.safeMode) {
        report.ok = false;
        report.problems.push(config.problem?.message ?? 'The configuration file is invalid (safe mode).');
      }
      checkFeedTrust(report);
      if (!dataDir || !files) {
        report.store.state = 'error';
        report.store.hint = 'The data folder is unknown while config.json cannot be read: correct the file, or run doctor with --data-dir.';
        emit(ctx.io, g.json, report, () => humanDoctor(report));
        ctx.io.err(`relais-admin: ConfigInvalid: ${config.problem?.message ?? 'invalid configuration'}`);
        ctx.setExit(EXIT_FAILED);
        return;
      }
      let policy: BackupPolicy = { ...backupPolicy(files), ...configBackupPolicy(config) };
      const wrongAccount = report.dataFolder?.problem ?? null;
      const present = !wrongAccount && (fs.existsSync(files.keyring) || fs.existsSync(files.db));
      if (wrongAccount) {
        report.ok = false;
        report.store.state = 'error';
        report.store.error = { code: 'WrongAccount', message: wrongAccount };
      } else if (!present) {
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
              // A read-only look: doctor never migrates a store (a newer relais-admin must not upgrade it).
              const session = await openStoreForCli(dataDir, { ...ctx, noMigrate: true });
              try {
                const db = session.database();
                try {
                  report.store.health = storeHealth(db);
                } catch (e) {
                  // A damaged page met by the check is CorruptStore, as `verify` says, never Internal.
                  throw mapStoreError(e, files.db);
                }
                report.store.state = 'open';
                if (report.store.health.integrity !== 'ok') report.ok = false;
                policy = { ...policyFromStore(session), ...configBackupPolicy(config) };
                report.feed.applied = appliedVersion(db);
                report.store.lastOpenedBy = appLastOpened(db);
                report.store.demoServices = countDemoServices(db);
              } finally {
                session.close();
              }
            } catch (e) {
              report.ok = false;
              report.store.state = 'error';
              report.store.error = (isAppError(e) ? e : mapStoreError(e, files.db)).toPayload();
            }
          }
        }
      }
      if (report.store.error) report.problems.push(`Store: ${report.store.error.message}`);
      if (report.store.health && report.store.health.integrity !== 'ok') {
        report.problems.push(`Store integrity: ${report.store.health.integrity} — the store is damaged (CorruptStore): run \`relais-admin verify\`, then restore the latest backup.`);
        report.store.error ??= { code: 'CorruptStore', message: `The store at ${files.db} is damaged (${report.store.health.integrity}). Restore the latest backup.` };
      }
      if (report.store.health && report.store.health.schemaVersion < report.store.health.latestSchemaVersion) {
        report.warnings.push(`The store has schema v${report.store.health.schemaVersion}; this relais-admin would upgrade it to v${report.store.health.latestSchemaVersion} (commands refuse unless --allow-upgrade when the installed Relais is older).`);
      }
      if (report.store.demoServices) {
        report.warnings.push(`The store holds ${report.store.demoServices} services of the DEMONSTRATION directory (fictitious numbers): import the line's directory (relais-admin directory import) or configure the feed; they are removed then.`);
      }
      summariseBackups(report, policy, present);
      if (report.feed.lastCheck && (report.feed.lastCheck.state === 'refused' || report.feed.lastCheck.state === 'unavailable')) {
        report.warnings.push(`Directory feed, last check ${report.feed.lastCheck.checkedAt}: ${report.feed.lastCheck.summary}`);
      }
      emit(ctx.io, g.json, report, () => humanDoctor(report));
      if (!report.ok && report.store.error) ctx.io.err(`relais-admin: ${report.store.error.code}: ${report.store.error.message}`);
      else if (config.safeMode) ctx.io.err(`relais-admin: ${config.problem?.message ?? 'invalid configuration'}`);
      else if (!report.ok) ctx.io.err(`relais-admin: ${report.problems[0] ?? 'doctor found a problem'}`);
      // 1: a problem; 2: config.json has warnings (an unsigned feed…), documented in the IT guide; 0: fine.
      ctx.setExit(!report.ok ? EXIT_FAILED : report.configWarnings.length > 0 ? EXIT_PARTIAL : EXIT_OK);
    });
};

/** Signed feeds only (issue 12): no key is a problem, an explicit opt-out a config warning. */
function checkFeedTrust(r: DoctorReport): void {
  const f = r.feed;
  if (!f.configured || f.publicKey) return;
  if (f.allowUnsigned) {
    const w = `feed.allowUnsigned: the directory feed accepts UNSIGNED bundles from ${f.location}: anyone who can write there can change the phone numbers responders give to callers. Set feed.publicKey (relais-admin feed keygen) and remove allowUnsigned.`;
    r.configWarnings.push(w);
    r.warnings.push(w);
    return;
  }
  r.ok = false;
  r.problems.push(`Directory feed: no feed.publicKey in config.json, so every bundle from ${f.location} is refused. Set feed.publicKey (the line \`relais-admin feed keygen\` prints), or, knowingly, "allowUnsigned": true.`);
}

function safeFingerprint(publicKey: string): string | null {
  try {
    return keyFingerprint(parsePublicKey(publicKey));
  } catch {
    return null;
  }
}

function summariseBackups(r: DoctorReport, policy: BackupPolicy, storePresent: boolean): void {
  const folderState = backupFolderState(policy.folder);
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
    configured: policy.configured === true,
    reachable: folderState.exists,
    writable: folderState.writable,
    count: valid.length,
    unreadable: entries.length - valid.length,
    newest: newest ? { file: newest.file, createdAt: newest.createdAt as string, reason: newest.reason, ageHours: Math.round(((Date.now() - Date.parse(newest.createdAt as string)) / 3_600_000) * 10) / 10 } : null,
  };
  // A configured folder (a NAS share) must be there and writable: Relais never creates it.
  if (policy.configured && folderState.problem) {
    r.ok = false;
    r.problems.push(`Backup folder: ${folderState.problem} — backups fail until it is reachable (a network share not connected?). Relais does not create a configured folder.`);
  } else if (folderState.exists && !folderState.writable) {
    r.ok = false;
    r.problems.push(`Backup folder: ${folderState.problem}.`);
  }
  if (!storePresent) return;
  if (!newest) r.warnings.push(`No backup in ${policy.folder}: run \`relais-admin backup\` (the app also makes one daily and on quit).`);
  else if (r.backups.newest && r.backups.newest.ageHours > STALE_BACKUP_HOURS) r.warnings.push(`The newest backup is ${age(r.backups.newest.ageHours)} old (${newest.name}), more than ${STALE_BACKUP_HOURS} h: check that Relais runs and that its backups succeed (relais.log: backup.failed).`);
  if (r.backups.unreadable) r.warnings.push(`${r.backups.unreadable} file(s) in ${policy.folder} are not readable backups.`);
}

function age(hours: number): string {
  return hours < 48 ? `${hours.toFixed(1)} h` : `${Math.round(hours / 24)} days`;
}

function humanDoctor(r: DoctorReport): string {
  const c = r.config;
  const lines = [
    `Relais ${r.versions.relais} — node ${r.versions.node}, SQLite ${r.versions.sqlite}${r.versions.electron ? `, electron ${r.versions.electron}` : ''}, ${r.versions.platform}`,
    `Configuration: ${c.path ?? '(none)'} — ${c.state === 'missing' ? 'no file (defaults)' : c.state === 'invalid' ? 'INVALID, the app runs in safe mode' : 'valid'}${c.centreName ? ` — ${c.centreName}` : ''}`,
    ...c.issues.map((i) => `  ${i.path}: ${i.message}`),
    `Data folder: ${r.dataDir ?? 'unknown (config.json cannot be read)'}${r.dataFolder?.folder ? ` — owner ${r.dataFolder.folder.owner ?? '(Windows ACL)'}, mode ${r.dataFolder.folder.mode}` : r.dataFolder && !r.dataFolder.exists ? ' — does not exist yet' : ''}`,
    ...(r.dataFolder?.files ?? []).map((f) => `  ${f.name}: owner ${f.owner ?? '(Windows ACL)'}, mode ${f.mode}`),
    `Log: ${r.logFile ?? 'unknown'}`,
    `Store: ${r.store.state}${r.store.keyring.storeId ? ` (id ${r.store.keyring.storeId})` : ''}`,
  ];
  if (r.store.lastOpenedBy) lines.push(`Last opened by Relais ${r.store.lastOpenedBy.version} (schema v${r.store.lastOpenedBy.schemaVersion}) on ${r.store.lastOpenedBy.at}`);
  else if (r.store.state === 'open') lines.push('Last opened by: no Relais app has opened this store yet');
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
  lines.push(`Backups: ${b.folder}${b.configured ? ' (configured)' : ''} (keep ${b.keep}; ${b.reachable ? (b.writable ? 'reachable, writable' : 'NOT WRITABLE') : b.configured ? 'NOT REACHABLE' : 'not created yet'}) — ${b.newest ? `${b.count} backup(s), newest ${b.newest.createdAt} (${age(b.newest.ageHours)} ago, ${b.newest.reason ?? '?'})` : 'none'}`);
  const f = r.feed;
  if (!f.configured) lines.push('Directory feed: not configured');
  else {
    lines.push(`Directory feed: ${f.location}${f.publicKey ? ` — signed bundles only (key ${f.publicKey})` : f.allowUnsigned ? ' — UNSIGNED bundles accepted (allowUnsigned)' : ' — no public key: every bundle is refused'}${f.autoApply ? ', applied automatically' : ''}`);
    lines.push(`  applied here: ${f.applied ? `version ${f.applied.version} on ${f.applied.appliedAt}` : r.store.state === 'open' ? 'none yet' : 'unknown (store locked: set RELAIS_PASSPHRASE)'}`);
    if (f.lastCheck) lines.push(`  last check ${f.lastCheck.checkedAt}: ${f.lastCheck.summary}`);
  }
  for (const p of r.problems) lines.push(`PROBLEM: ${p}`);
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}
