import fs from 'node:fs';
import type { Command } from 'commander';
import Database from 'better-sqlite3-multiple-ciphers';
import { APP_VERSION } from '../../app/appVersion.ts';
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
  versions: { relais: string; node: string; sqlite: string; electron: string | null };
  dataDir: string;
  store: {
    state: 'missing' | 'locked' | 'open' | 'error';
    keyring: { present: boolean; storeId: string | null; osKeystoreBackend: string | null; kdf: string | null };
    dbBytes: number | null;
    health: StoreHealth | null;
    error: ErrorPayload | null;
    hint: string | null;
  };
}

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
      const report: DoctorReport = {
        ok: true,
        versions: { relais: APP_VERSION, node: process.versions.node, sqlite: sqliteVersion(), electron: process.versions.electron ?? null },
        dataDir,
        store: { state: 'missing', keyring: { present: false, storeId: null, osKeystoreBackend: null, kdf: null }, dbBytes: null, health: null, error: null, hint: null },
      };
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
      emit(ctx.io, g.json, report, () => humanDoctor(report));
      if (!report.ok && report.store.error) ctx.io.err(`relais-admin: ${report.store.error.code}: ${report.store.error.message}`);
      ctx.setExit(report.ok ? EXIT_OK : EXIT_FAILED);
    });
};

function humanDoctor(r: DoctorReport): string {
  const lines = [
    `Relais ${r.versions.relais} — node ${r.versions.node}, SQLite ${r.versions.sqlite}${r.versions.electron ? `, electron ${r.versions.electron}` : ''}`,
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
  return lines.join('\n');
}
