import crypto from 'node:crypto';
import { normalisePseudonym } from '../domain/pseudonym.ts';
import type { LineKey } from './lineKey.ts';

// Keys derived from the line key, one per purpose (HKDF-SHA256, the purpose in `info`), so a
// value computed for one job can never be replayed as another's: the pseudonym-matching key
// is not the sealing key, and neither is the key naming caller marks.

export type DerivedPurpose = 'pseudonym-match' | 'caller-mark-id';

const SALT = Buffer.from('relais line key derivation', 'utf8');
const cache = new WeakMap<LineKey, Map<DerivedPurpose, Buffer>>();

export function derivedKey(lineKey: LineKey, purpose: DerivedPurpose): Buffer {
  let perKey = cache.get(lineKey);
  if (!perKey) cache.set(lineKey, (perKey = new Map()));
  let key = perKey.get(purpose);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', lineKey.key, SALT, Buffer.from(`relais ${purpose} v1`, 'utf8'), 32));
    perKey.set(purpose, key);
  }
  return key;
}

const hmacHex = (key: Buffer, value: string) => crypto.createHmac('sha256', key).update(value, 'utf8').digest('hex');

/**
 * The keyed hash of a pseudonym (HMAC-SHA256 of its normalised form): what the hub stores and
 * matches on. Without the line key nobody can test a guess ("is Monsieur Lundi on this line?");
 * with it, equal pseudonyms give equal hashes — the hub learns how often a hash recurs, never
 * the name (docs/security.md). Null for a pseudonym that normalises to nothing.
 */
export function pseudonymHash(lineKey: LineKey, pseudonym: string): string | null {
  const normal = normalisePseudonym(pseudonym);
  return normal ? hmacHex(derivedKey(lineKey, 'pseudonym-match'), normal) : null;
}

/**
 * The id a call's caller mark carries on the hub: stable for the call (a reopened call replaces
 * its mark) but unlinkable to the call id the call's facts carry, for anyone without the key.
 */
export function callerMarkId(lineKey: LineKey, callId: string): string {
  return hmacHex(derivedKey(lineKey, 'caller-mark-id'), callId).slice(0, 32);
}
