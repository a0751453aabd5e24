import path from 'node:path';
import type { Command } from 'commander';
import { readBackupHeader, restoreBackup } from '../../store/backup.ts';
import { instanceHolder } from '../../store/instanceLock.ts';
import { CLI_ACTOR, writeAudit } from '../../store/auditLog.ts';
import { AppError, isAppError } from '../../errors.ts';
import { systemClock } from '../../platform/clock.ts';
import { assertDataFolderAccess } from '../../store/dataFolderAccess.ts';
import { passphraseChange } from '../../store/restoreNotice.ts';
import { storeFiles } from '../../store/storeFiles.ts';
import { openStoreForCli } from '../openForCli.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { emit } from '../output.ts';
import { askPassphrase, explainWrongPassphrase } from '../passphrase.ts';

export const restoreCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('restore')
    .description('Restore a .relaisbak backup into the data folder, with the recovery passphrase that was current when it was made. Verified before anything is replaced; refuses an existing store without --force (which moves it aside, never deletes it). Says when the backup\'s passphrase differs from the current store\'s. Quit Relais first.')
    .requiredOption('--from <file>', 'backup file to restore')
    .option('--force', 'replace an existing store (it is moved to <data-dir>/replaced-<time>/)')
    .action(async (opts: { from: string; force?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      // Never under a running app (issue 12): it holds the store open and would keep writing to the old one.
      const holder = instanceHolder(dataDir);
      if (holder) {
        throw new AppError('AlreadyRunning', 'cli.appRunning', { pid: holder.pid, dir: dataDir });
      }
      assertDataFolderAccess(dataDir);
      const file = path.resolve(opts.from);
      const passphrase = await askPassphrase('Recovery passphrase of the backup: ', ctx.env);
      const notice = passphraseChange(storeFiles(dataDir).keyring, readBackupHeader(file).header.keyring, passphrase.value);
      let r;
      try {
        r = restoreBackup({ file, dataDir, passphrase: passphrase.value, force: opts.force ?? false });
      } catch (e) {
        throw isAppError(e) ? explainWrongPassphrase(e, passphrase, 'backup') : e;
      }
      // The restore is recorded in the restored store's own audit log.
      const session = await openStoreForCli(dataDir, ctx, passphrase);
      try {
        writeAudit(session.database(), systemClock.now(), CLI_ACTOR, 'backup.restore', { source: 'relais-admin', reason: r.replacedDir ? 'replaced' : 'new', from: r.createdAt, centre: ctx.config().values.centreName });
      } finally {
        session.close();
      }
      emit(ctx.io, g.json, { ok: true, ...r, passphraseChanged: notice.changed, passphraseNotice: notice.message }, () =>
        [
          `Restored store ${r.storeId} (backup of ${r.createdAt}, schema v${r.schemaVersion}) into ${r.dataDir}.`,
          ...(r.replacedDir ? [`The previous store was moved to ${r.replacedDir}.`] : []),
          ...(notice.message ? [notice.message] : []),
        ].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });
};
