// The OS keystore as the store sees it. Electron's main implements it with safeStorage;
// plain Node (CLI, tests, the Chromium harness) has none and uses the recovery passphrase.
export interface OsKeystore {
  /** e.g. `dpapi`, `keychain`, `gnome_libsecret`, `kwallet5`, or `basic_text` (plaintext: refused). */
  backend(): Promise<string>;
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(blob: Buffer): Promise<Buffer>;
}

/** Linux's `basic_text` backend stores secrets with a hard-coded password: it protects nothing. */
export const INSECURE_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown', '']);
