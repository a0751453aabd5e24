import fs from 'node:fs';
import { AppError } from '../errors.ts';
import { StoreSession } from '../store/storeSession.ts';
import { readPassphrase } from './passphrase.ts';

/** Opens an existing store for a CLI command with the recovery passphrase, or fails cleanly. */
export async function openStoreForCli(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<StoreSession> {
  const session = new StoreSession({ dataDir });
  if (!fs.existsSync(session.files.keyring) && !fs.existsSync(session.files.db)) {
    throw new AppError('StoreMissing', `No Relais store in ${dataDir}. Create one with \`relais-admin init --data-dir ${dataDir}\`.`);
  }
  await session.unlock(await readPassphrase(undefined, env));
  return session;
}
