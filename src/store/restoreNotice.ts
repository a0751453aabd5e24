import fs from 'node:fs';
import { type Keyring, readKeyring, unwrapWithPassphrase } from './keyring.ts';

// A backup carries the passphrase wrap that was current when it was made. Restoring an older
// backup therefore silently brought back an older recovery passphrase; this says so. Computed
// before the restore (the current key file is moved aside by it), by trying the backup's
// passphrase on the current key file: one scrypt, nothing written.

export interface PassphraseChange {
  /** null: no current store to compare with. */
  changed: boolean | null;
  message: string | null;
}

export function passphraseChange(currentKeyringFile: string, backupKeyring: Keyring, backupPassphrase: string): PassphraseChange {
  if (!fs.existsSync(currentKeyringFile)) return { changed: null, message: null };
  let current: Keyring;
  try {
    current = readKeyring(currentKeyringFile);
  } catch {
    return { changed: null, message: null };
  }
  const a = current.wraps.passphrase;
  const b = backupKeyring.wraps.passphrase;
  if (a.salt === b.salt && a.data === b.data) return { changed: false, message: null };
  let same: boolean;
  try {
    unwrapWithPassphrase(current, backupPassphrase).fill(0);
    same = true;
  } catch {
    same = false;
  }
  return same
    ? { changed: false, message: null }
    : {
        changed: true,
        message:
          'Note: this backup uses another recovery passphrase than the store it replaces. From now on the store opens with the backup\'s passphrase (the one just typed), not the current one. Update the sealed envelope, or set a new one with `relais-admin change-passphrase`.',
      };
}
