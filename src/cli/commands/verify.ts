import path from 'node:path';
import type { Command } from 'commander';
import { verifyBackupFile } from '../../store/backup.ts';
import { mapStoreError } from '../../store/sqliteErrors.ts';
import { storeHealth } from '../../store/storeHealth.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_FAILED, EXIT_OK } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';
import { askPassphrase, explainWrongPassphrase } from '../passphrase.ts';
import { isAppError } from '../../errors.ts';

export const verifyCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('verify')
    .description('Full integrity check of the store (or, with --backup, of a backup file). Exit 1 if damaged.')
    .option('--backup <file>', 'verify this .relaisbak instead of the store')
    .action(async (opts: { backup?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      if (opts.backup) {
        const passphrase = await askPassphrase('Recovery passphrase of the backup: ', ctx.env);
        let v;
        try {
          v = verifyBackupFile(path.resolve(opts.backup), passphrase.value);
        } catch (e) {
          throw isAppError(e) ? explainWrongPassphrase(e, passphrase, 'backup') : e;
        }
        emit(ctx.io, g.json, { ok: true, integrity: 'ok', ...v }, () => `Backup ${v.file}: ok (store ${v.header.storeId}, ${v.header.createdAt}, schema v${v.header.schemaVersion}).`);
        ctx.setExit(EXIT_OK);
        return;
      }
      const dataDir = ctx.dataDir(g);
      const session = await openStoreForCli(dataDir, ctx);
      let health;
      try {
        health = storeHealth(session.database(), true);
      } catch (e) {
        throw mapStoreError(e, session.files.db);
      } finally {
        session.close();
      }
      const ok = health.integrity === 'ok';
      emit(ctx.io, g.json, { ok, dataDir, ...health }, () => `Store in ${dataDir}: integrity ${health.integrity} (schema v${health.schemaVersion}, cipher ${health.cipher}).`);
      if (!ok) ctx.io.err(`relais-admin: CorruptStore: the store failed its integrity check. Restore the latest backup.`);
      ctx.setExit(ok ? EXIT_OK : EXIT_FAILED);
    });
};
