import path from 'node:path';
import type { Command } from 'commander';
import { restoreBackup } from '../../store/backup.ts';
import { CLI_ACTOR, writeAudit } from '../../access/auditLog.ts';
import { systemClock } from '../../platform/clock.ts';
import { openStoreForCli } from '../openForCli.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { emit } from '../output.ts';
import { readPassphrase } from '../passphrase.ts';

export const restoreCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('restore')
    .description('Restore a .relaisbak backup into the data folder, with the recovery passphrase that was current when it was made. Verified before anything is replaced; refuses an existing store without --force (which moves it aside, never deletes it). Quit Relais first.')
    .requiredOption('--from <file>', 'backup file to restore')
    .option('--force', 'replace an existing store (it is moved to <data-dir>/replaced-<time>/)')
    .action(async (opts: { from: string; force?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      const passphrase = await readPassphrase('Recovery passphrase of the backup: ', ctx.env);
      const r = restoreBackup({ file: path.resolve(opts.from), dataDir, passphrase, force: opts.force ?? false });
      // The restore is recorded in the restored store's own audit log.
      const session = await openStoreForCli(dataDir, { ...ctx.env, RELAIS_PASSPHRASE: passphrase });
      try {
        writeAudit(session.database(), systemClock.now(), CLI_ACTOR, 'backup.restore', { source: 'relais-admin', reason: r.replacedDir ? 'replaced' : 'new' });
      } finally {
        session.close();
      }
      emit(ctx.io, g.json, { ok: true, ...r }, () =>
        [
          `Restored store ${r.storeId} (backup of ${r.createdAt}, schema v${r.schemaVersion}) into ${r.dataDir}.`,
          ...(r.replacedDir ? [`The previous store was moved to ${r.replacedDir}.`] : []),
        ].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });
};
