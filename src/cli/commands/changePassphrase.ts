import type { Command } from 'commander';
import { AppError, isAppError } from '../../errors.ts';
import { StoreSession } from '../../store/storeSession.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { emit } from '../output.ts';
import { askPassphrase, explainWrongPassphrase, readNewPassphrase } from '../passphrase.ts';
import { assertDataFolderAccess } from '../../store/dataFolderAccess.ts';

export const changePassphraseCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('change-passphrase')
    .description('Replace the recovery passphrase (current one from RELAIS_PASSPHRASE, new one from RELAIS_NEW_PASSPHRASE, or prompted). The data key and the database are unchanged; backups made earlier still open with the old passphrase.')
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      assertDataFolderAccess(dataDir);
      const session = new StoreSession({ dataDir });
      if (!session.isInitialised()) throw new AppError('StoreMissing', 'cli.noStoreIn', { dir: dataDir });
      const asked = await askPassphrase('Current recovery passphrase: ', ctx.env);
      const current = asked.value;
      const next = await readNewPassphrase('RELAIS_NEW_PASSPHRASE', ctx.env);
      if (next === current) throw new AppError('InvalidInput', 'cli.samePassphrase');
      // Prove the current passphrase really opens this database before re-wrapping its key.
      try {
        await session.unlock(current);
      } catch (e) {
        throw isAppError(e) ? explainWrongPassphrase(e, asked, 'store') : e;
      }
      try {
        await session.changePassphrase(current, next);
      } finally {
        session.close();
      }
      emit(ctx.io, g.json, { ok: true, dataDir }, () =>
        'Recovery passphrase changed. Backups made before now still need the previous passphrase: make a new backup (relais-admin backup).',
      );
      ctx.setExit(EXIT_OK);
    });
};
