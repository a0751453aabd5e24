import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { StoreSession } from '../../store/storeSession.ts';
import type { Db } from '../../store/openDatabase.ts';
import { assertDataFolderAccess } from '../../store/dataFolderAccess.ts';
import { seedDemoDirectory } from '../../directory/demo/seedDemoDirectory.ts';
import type { CliCommand } from '../command.ts';
import { EXIT_OK } from '../exitCodes.ts';
import { emit } from '../output.ts';
import { readNewPassphrase } from '../passphrase.ts';

export const initCommand: CliCommand = (program: Command, ctx) => {
  program
    .command('init')
    .description('Create a new encrypted store in the data folder, guarded by a recovery passphrase (RELAIS_PASSPHRASE, or prompted twice on a terminal). Refuses if a store is already there.')
    .option('--demo', 'also seed the demonstration directory (fictitious numbers, marked as such everywhere): for training PCs only')
    .action(async (opts: { demo?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const dataDir = ctx.dataDir(g);
      // A folder of another account is named as such: never "no store", never written over.
      assertDataFolderAccess(dataDir);
      let seeded = 0;
      const session = new StoreSession({ dataDir, ...(opts.demo ? { onCreated: (db: Db) => void (seeded = seedDemoDirectory(db, new Date())) } : {}) });
      // Checked before prompting, and again inside init().
      if (session.isInitialised()) throw new AppError('StoreExists', 'store.existsIn', { dir: dataDir });
      const passphrase = await readNewPassphrase('RELAIS_PASSPHRASE', ctx.env);
      const status = await session.init(passphrase);
      session.close();
      emit(ctx.io, g.json, { ok: true, dataDir, storeId: status.storeId, demoServices: seeded }, () =>
        [
          `Created an encrypted store in ${dataDir} (id ${status.storeId}).`,
          opts.demo
            ? `Seeded the DEMONSTRATION directory (${seeded} services, fictitious numbers — never give them to a caller); importing the real directory or applying the feed removes it.`
            : 'The directory is empty: import the line\'s directory (relais-admin directory import), or configure the feed (feed.location) or the hub.',
          'Keep the recovery passphrase somewhere safe: without it a backup cannot be restored on another PC.',
        ].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });
};
