import fs from 'node:fs';
import { AppError, isAppError } from '../errors.ts';
import { latestVersion } from '../store/migrate.ts';
import { assertDataFolderAccess } from '../store/dataFolderAccess.ts';
import { appLastOpened } from '../store/storeOpener.ts';
import { StoreSession } from '../store/storeSession.ts';
import { type Passphrase, askPassphrase, explainWrongPassphrase } from './passphrase.ts';

export interface CliStoreOptions {
  env: NodeJS.ProcessEnv;
  /** --allow-upgrade: migrate even past the schema the installed app last wrote. */
  allowUpgrade?: boolean;
  /** A read-only look (doctor): never migrate. */
  noMigrate?: boolean;
}

/**
 * Opens an existing store for a CLI command with the recovery passphrase, or fails cleanly:
 * a folder of another account is WrongAccount (never "missing"), a wrong passphrase says where
 * it came from, and a relais-admin newer than the installed app does not upgrade the store
 * past what that app opens unless --allow-upgrade.
 */
export async function openStoreForCli(dataDir: string, opts: CliStoreOptions, given?: Passphrase): Promise<StoreSession> {
  assertDataFolderAccess(dataDir);
  const session = new StoreSession({
    dataDir,
    ...(opts.noMigrate ? { noMigrate: true } : {}),
    beforeMigrate: (db, from) => {
      const app = appLastOpened(db);
      if (opts.allowUpgrade || !app || from >= latestVersion() || app.schemaVersion >= latestVersion()) return;
      throw new AppError('Conflict', 'cli.upgradeRefused', { dir: dataDir, from, to: latestVersion(), version: app.version, at: app.at, opens: app.schemaVersion });
    },
  });
  if (!fs.existsSync(session.files.keyring) && !fs.existsSync(session.files.db)) {
    throw new AppError('StoreMissing', 'cli.noStore', { dir: dataDir });
  }
  const passphrase = given ?? (await askPassphrase(undefined, opts.env));
  try {
    await session.unlock(passphrase.value);
  } catch (e) {
    throw isAppError(e) ? explainWrongPassphrase(e, passphrase, 'store') : e;
  }
  return session;
}
