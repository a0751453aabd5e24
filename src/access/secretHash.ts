import crypto from 'node:crypto';
import type { ScryptParams } from '../store/keyring.ts';

// PINs and supervisor passphrases as slow, salted hashes with their parameters recorded in the
// string itself (`scrypt$N$r$p$salt$hash`), so the cost can be raised later and old hashes still
// verify. Production: N=2^15, r=8, p=1 (32 MiB, ≈0.1 s per guess); a 6-digit PIN is weak on its
// own: the hash lives inside the encrypted store, and main enforces the growing delay.

export const PIN_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;

export function hashSecret(secret: string, params: ScryptParams = PIN_SCRYPT): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(secret.normalize('NFC'), salt, KEY_LEN, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifySecret(secret: string, stored: string | null): boolean {
  if (!stored) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length !== KEY_LEN) return false;
  const got = crypto.scryptSync(secret.normalize('NFC'), salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return crypto.timingSafeEqual(got, expected);
}

/** The recorded parameters of a stored hash (for doctor and tests), never the hash. */
export function hashParams(stored: string): ScryptParams | null {
  const parts = stored.split('$');
  return parts.length === 6 && parts[0] === 'scrypt' ? { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) } : null;
}

/** Responders: at least 6 digits. */
