import crypto from 'node:crypto';
import { AppError } from '../errors.ts';

// Enrolment codes as people read and type them: `ID-AUTH` (founding) or `ID-AUTH-WRAP`
// (invitation), base32 (A–Z, 2–7) in groups, case and spaces ignored.
// - ID (50 bits) names the code on the hub;
// - AUTH (80 bits) proves it to the hub, which stores only its SHA-256;
// - WRAP (130 bits), invitation only, never leaves the two workstations: it derives the key
//   that wraps the line key.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.slice(0, length);
}

export const randomCodeId = () => base32(crypto.randomBytes(7), 10);
export const randomAuth = () => base32(crypto.randomBytes(10), 16);
const randomWrap = () => base32(crypto.randomBytes(17), 26);

export interface EnrolmentCode {
  codeId: string;
  auth: string;
  /** Present on invitations only. */
  wrap: string | null;
}

/** SHA-256 of the authenticating half, as the hub stores it. */
export function authHash(auth: string): string {
  return crypto.createHash('sha256').update(`relais enrol\0${auth}`).digest('hex');
}

export function newInvitationSecrets(): { auth: string; wrap: string } {
  return { auth: randomAuth(), wrap: randomWrap() };
}

export function formatCode(code: EnrolmentCode): string {
  return [code.codeId, code.auth, ...(code.wrap ? [code.wrap] : [])].join('-');
}

export function parseCode(text: string): EnrolmentCode {
  const parts = text.toUpperCase().replace(/\s+/g, '').split('-');
  const [codeId, auth, wrap] = parts;
  if (parts.length < 2 || parts.length > 3 || !codeId || !auth || !/^[A-Z2-7]{10}$/.test(codeId) || !/^[A-Z2-7]{16}$/.test(auth) || (wrap !== undefined && !/^[A-Z2-7]{26}$/.test(wrap))) {
    throw new AppError('InvalidInput', 'hub.notACode');
  }
  return { codeId, auth, wrap: wrap ?? null };
}

/** The wrap half as key material. */
export const wrapSecretBytes = (wrap: string) => Buffer.from(wrap, 'utf8');
