import crypto from 'node:crypto';
import { AppError } from '../errors.ts';

// The line key: 256 random bits made on the founding workstation, shared with each invited
// workstation wrapped under its invitation code, never seen by the hub in clear. What later
// issues share end to end (callback numbers, handover notes, pseudonyms) is sealed with it.
//
// Sealed format: `lk1.<keyId>.<nonce>.<ciphertext+tag>` (base64url parts) — AES-256-GCM with a
// fresh 96-bit random nonce per message and associated data naming what the message is (e.g.
// `callback:<id>`), so a ciphertext moved onto another record fails to open.

export interface LineKey {
  /** 16 hex characters derived from the key (not the key): names which key sealed a message. */
  id: string;
  key: Buffer;
}

const SEALED_PREFIX = 'lk1';

export function lineKeyFromBytes(key: Buffer): LineKey {
  if (key.length !== 32) throw new AppError('InvalidInput', 'lineKey.badLength');
  const id = crypto.createHash('sha256').update('relais line key id\0').update(key).digest('hex').slice(0, 16);
  return { id, key: Buffer.from(key) };
}

export function generateLineKey(): LineKey {
  return lineKeyFromBytes(crypto.randomBytes(32));
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): { nonce: Buffer; sealed: Buffer } {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, sealed: body };
}

function gcmOpen(key: Buffer, nonce: Buffer, sealed: Buffer, aad: string): Buffer {
  if (nonce.length !== 12 || sealed.length < 16) throw new AppError('InvalidInput', 'lineKey.malformed');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new AppError('InvalidInput', 'lineKey.doesNotOpen');
  }
}

/**
 * Seals `plaintext` under the line key, bound to `aad` (what the message is about). The nonce
 * is drawn here, never taken from the caller: no code path can seal two messages under one
 * nonce (96 random bits per message; the line seals far fewer than the 2^32 messages per key
 * NIST SP 800-38D allows with random nonces).
 */
export function sealWithLineKey(lineKey: LineKey, plaintext: string | Uint8Array, aad: string): string {
  const { nonce, sealed } = gcmSeal(lineKey.key, Buffer.from(plaintext), aad);
  return [SEALED_PREFIX, lineKey.id, nonce.toString('base64url'), sealed.toString('base64url')].join('.');
}

/** The key id a sealed message names (to pick the key once keys rotate). */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split('.');
  return parts.length === 4 && parts[0] === SEALED_PREFIX ? (parts[1] ?? null) : null;
}

/**
 * Opens a sealed message with the key it names among `keys` (the line's current key, and older
 * ones once keys rotate). A message naming a key this workstation does not hold, a tampered
 * one, or one moved onto another record (other `aad`) is refused, never half-read.
 */
export function openWithLineKey(keys: LineKey | readonly LineKey[], sealed: string, aad: string): Buffer {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_PREFIX) throw new AppError('InvalidInput', 'lineKey.malformed');
  const ring = Array.isArray(keys) ? (keys as readonly LineKey[]) : [keys as LineKey];
  const key = ring.find((k) => k.id === parts[1]);
  if (!key) throw new AppError('InvalidInput', 'lineKey.unknownKey', { keyId: String(parts[1]) });
  return gcmOpen(key.key, Buffer.from(parts[2] ?? '', 'base64url'), Buffer.from(parts[3] ?? '', 'base64url'), aad);
}

export function openTextWithLineKey(keys: LineKey | readonly LineKey[], sealed: string, aad: string): string {
  return openWithLineKey(keys, sealed, aad).toString('utf8');
}

// --- Wrapping for invitations --------------------------------------------------------------

function wrappingKey(wrapSecret: Buffer, codeId: string): Buffer {
  // The wrap half carries 128 random bits: HKDF is enough, no slow KDF needed.
  return Buffer.from(crypto.hkdfSync('sha256', wrapSecret, Buffer.from(codeId, 'utf8'), Buffer.from('relais line key wrap v1', 'utf8'), 32));
}

/** The line key sealed under a key derived from an invitation's wrap half (stored on the hub). */
export function wrapLineKey(lineKey: LineKey, wrapSecret: Buffer, codeId: string): string {
  const { nonce, sealed } = gcmSeal(wrappingKey(wrapSecret, codeId), lineKey.key, `wrap:${codeId}`);
  return ['wk1', nonce.toString('base64url'), sealed.toString('base64url')].join('.');
}

export function unwrapLineKey(wrapped: string, wrapSecret: Buffer, codeId: string): LineKey {
  const parts = wrapped.split('.');
  if (parts.length !== 3 || parts[0] !== 'wk1') throw new AppError('InvalidInput', 'lineKey.wrapFormat');
  try {
    return lineKeyFromBytes(gcmOpen(wrappingKey(wrapSecret, codeId), Buffer.from(parts[1] ?? '', 'base64url'), Buffer.from(parts[2] ?? '', 'base64url'), `wrap:${codeId}`));
  } catch {
    throw new AppError('InvalidInput', 'lineKey.wrongInvitation');
  }
}
