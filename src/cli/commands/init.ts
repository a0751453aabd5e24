import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { StoreSession } from '../../store/storeSession.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { emit } from '../output.ts';
import { readNewPassphrase } from '../passphrase.ts';

export const initCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('init')
    .description('Create a new encrypted store in the data folder, guarded by a recovery passphrase (RELAIS_PASSPHRASE, or prompted twice on a terminal). Refuses if a store is already there.')
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      const session = new StoreSession({ dataDir });
      // Checked before prompting, and again inside init().
      if (session.isInitialised()) throw new AppError('StoreExists', `A store already exists in ${dataDir}; it was left untouched.`);
      const passphrase = await readNewPassphrase('RELAIS_PASSPHRASE', ctx.env);
      const status = await session.init(passphrase);
      session.close();
      emit(ctx.io, g.json, { ok: true, dataDir, storeId: status.storeId }, () =>
        [`Created an encrypted store in ${dataDir} (id ${status.storeId}).`, 'Keep the recovery passphrase somewhere safe: without it a backup cannot be restored on another PC.'].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });
};
