import { safeStorage } from 'electron';
import type { OsKeystore } from '../src/store/osKeystore.ts';

// Electron's async safeStorage (DPAPI / Keychain / libsecret / KWallet) as the store's OS
// keystore. The key crosses as hex text because the API encrypts strings.
export const safeStorageKeystore: OsKeystore = {
  async backend() {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('safeStorage reports no encryption available');
    if (process.platform === 'linux') return safeStorage.getSelectedStorageBackend();
    return process.platform === 'win32' ? 'dpapi' : process.platform === 'darwin' ? 'keychain' : process.platform;
  },
  async wrap(key) {
    return safeStorage.encryptStringAsync(key.toString('hex'));
  },
  async unwrap(blob) {
    const { result } = await safeStorage.decryptStringAsync(blob);
    const key = Buffer.from(result, 'hex');
    if (key.length !== 32) throw new Error('unwrapped key has the wrong length');
    return key;
  },
};
