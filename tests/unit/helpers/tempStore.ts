import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../src/app/appCore.ts';
import type { ScryptParams } from '../../../src/store/keyring.ts';
import { StoreSession } from '../../../src/store/storeSession.ts';

// Real encrypted stores in fresh temporary folders, built by the real migrations. scrypt is
// cheaper than production (the keyring records whatever was used), everything else is real.
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'test recovery passphrase';

export function tempDir(prefix = 'relais-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function newOpenStore(dataDir = tempDir()): Promise<StoreSession> {
  const session = new StoreSession({ dataDir, scrypt: TEST_SCRYPT });
  await session.init(TEST_PASSPHRASE);
  return session;
}

export async function newOpenCore(opts: Partial<AppCoreOptions> = {}): Promise<AppCore> {
  const core = createAppCore({ dataDir: tempDir(), shell: 'cli', scrypt: TEST_SCRYPT, validateOutput: true, ...opts });
  await core.start();
  const r = await core.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE });
  if (!r.ok) throw new Error(`store.init failed: ${r.error.message}`);
  return core;
}
