import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { writeFileAtomic } from './atomicWrite.ts';

// The keyring file holds the store's random 256-bit data key, never in clear: once wrapped by
// a key derived from the recovery passphrase (scrypt, parameters recorded beside it) and, in
// the desktop app, once more by the OS keystore (Electron safeStorage). Either wrap opens the
// store; losing the OS profile therefore never loses the data while IT holds the passphrase.

export const DATA_KEY_BYTES = 32;
export const MIN_PASSPHRASE_LENGTH = 12;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Production cost: 128 MiB and roughly half a second on a centre PC, per guess. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'base64 expected');

const passphraseWrapSchema = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64,
  iv: b64,
  tag: b64,
  data: b64,
});

const osWrapSchema = z.strictObject({
  /** The OS keystore backend that wrapped the key (e.g. `dpapi`, `keychain`, `gnome_libsecret`). */
  backend: z.string().min(1).max(64),
  blob: b64,
});

export const keyringSchema = z.strictObject({
  format: z.literal('relais-keyring'),
  version: z.literal(1),
  storeId: z.uuid(),
  cipher: z.literal('sqlcipher-4'),
  createdAt: z.string(),
  wraps: z.strictObject({
    passphrase: passphraseWrapSchema,
    os: osWrapSchema.optional(),
  }),
});

export type Keyring = z.infer<typeof keyringSchema>;

export function checkPassphraseStrength(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('InvalidInput', 'store.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }, [
      { path: 'passphrase', message: `at least ${MIN_PASSPHRASE_LENGTH} characters` },
    ]);
  }
}

function deriveWrappingKey(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  });
}

export function wrapWithPassphrase(dataKey: Buffer, passphrase: string, storeId: string, params: ScryptParams = DEFAULT_SCRYPT): Keyring['wraps']['passphrase'] {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const kek = deriveWrappingKey(passphrase, salt, params);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  // The store id is bound as associated data so a wrap cannot be transplanted onto another store.
  cipher.setAAD(Buffer.from(storeId, 'utf8'));
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function unwrapWithPassphrase(keyring: Keyring, passphrase: string): Buffer {
  const w = keyring.wraps.passphrase;
  const kek = deriveWrappingKey(passphrase, Buffer.from(w.salt, 'base64'), w);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    decipher.setAAD(Buffer.from(keyring.storeId, 'utf8'));
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(w.data, 'base64')), decipher.final()]);
    if (key.length !== DATA_KEY_BYTES) throw new Error('bad key length');
    return key;
  } catch {
    throw new AppError('WrongKey', 'store.wrongPassphrase');
  } finally {
    kek.fill(0);
  }
}

export function newKeyring(dataKey: Buffer, passphrase: string, params?: ScryptParams): Keyring {
  checkPassphraseStrength(passphrase);
  const storeId = crypto.randomUUID();
  return {
    format: 'relais-keyring',
    version: 1,
    storeId,
    cipher: 'sqlcipher-4',
    createdAt: new Date().toISOString(),
    wraps: { passphrase: wrapWithPassphrase(dataKey, passphrase, storeId, params) },
  };
}

export function readKeyring(file: string): Keyring {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('KeyFileMissing', 'store.keyFileMissing', { file });
    }
    throw new AppError('ReadOnly', 'store.keyFileUnreadable', { file, detail: (e as Error).message });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('CorruptStore', 'store.keyFileNotJson', { file });
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('CorruptStore', 'store.keyFileDamaged', { file, detail: first ? `${first.path.join('.')}: ${first.message}` : 'unexpected content' });
  }
  return parsed.data;
}

export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomic(file, `${JSON.stringify(keyring, null, 2)}\n`);
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(DATA_KEY_BYTES);
}
