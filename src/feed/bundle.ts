import crypto from 'node:crypto';
import { z } from 'zod';
import type { ReasonKey, ReasonParams } from '../domain/i18n.ts';
import { AppError } from '../errors.ts';
import { MAX_IMPORT_BYTES } from '../directory/import/importFile.ts';

// The published directory bundle: one JSON file the coordination writes
// (`relais-admin directory publish`) and workstations read from a shared folder or an https
// address. It carries the directory in the directory's own export format (HSDS JSON or CSV),
// a version that only goes up, the SHA-256 of that data and, optionally, an Ed25519
// signature over every manifest field (the checksum binds the data):
//
//   { "relaisDirectoryFeed": 1, "version": 12, "publishedAt": "…", "publisher": "…",
//     "data": { "format": "hsds", "fileName": "…", "bytes": 123, "sha256": "…", "base64": "…" },
//     "signature": { "algorithm": "ed25519", "keyFingerprint": "sha256:…", "value": "…" } | null }
//
// Reading one checks, in order: JSON and shape, checksum, signature (required when this PC
// has a public key), then the caller compares versions. Every refusal is a FileRejected
// AppError whose message says what was wrong and that the current directory was kept.

export const FEED_FORMAT_VERSION = 1;
export const DEFAULT_BUNDLE_NAME = 'relais-directory.feed.json';
export const FEED_DATA_FORMATS = ['hsds', 'csv'] as const;
export type FeedDataFormat = (typeof FEED_DATA_FORMATS)[number];
/** The data is at most what the app's import accepts; base64 and the manifest add about a third. */
export const MAX_BUNDLE_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;


const manifestSchema = z.strictObject({
  relaisDirectoryFeed: z.number(),
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  publishedAt: z.iso.datetime(),
  publisher: z.string().max(200).nullable(),
  data: z.strictObject({
    format: z.enum(FEED_DATA_FORMATS),
    fileName: z.string().min(1).max(255),
    bytes: z.int().min(1).max(MAX_IMPORT_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  signature: z
    .strictObject({
      algorithm: z.literal('ed25519'),
      keyFingerprint: z.string().max(100),
      value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature (64 bytes, base64)'),
    })
    .nullable(),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

export interface BundleInfo {
  version: number;
  publishedAt: string;
  publisher: string | null;
  format: FeedDataFormat;
  fileName: string;
  bytes: number;
  sha256: string;
  /** `verified`: signed and checked against this PC's key; `unsigned`: no signature (and none required);
   *  `not-checked`: signed, but this PC has no public key to check it with. */
  signature: 'verified' | 'unsigned' | 'not-checked';
  keyFingerprint: string | null;
}

export interface VerifiedBundle {
  info: BundleInfo;
  data: Buffer;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** `sha256:` + the first 16 hex digits of the SHA-256 of the key's SubjectPublicKeyInfo. */
export function keyFingerprint(key: crypto.KeyObject): string {
  const spki = (key.type === 'private' ? crypto.createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return `sha256:${sha256Hex(spki).slice(0, 16)}`;
}

/** Exactly what the signature covers: every manifest field but the data bytes (bound by sha256). */
function signedText(m: Omit<BundleManifest, 'signature' | 'data'> & { data: Omit<BundleManifest['data'], 'base64'> }): Buffer {
  const fields = [m.relaisDirectoryFeed, m.version, m.publishedAt, m.publisher, m.data.format, m.data.fileName, m.data.bytes, m.data.sha256];
  return Buffer.from(`relais-directory-feed\n${JSON.stringify(fields)}`, 'utf8');
}

/** An Ed25519 public key from config.json's form (base64 SPKI, or PEM). */
export function parsePublicKey(text: string): crypto.KeyObject {
  const t = text.trim();
  const key = t.includes('BEGIN') ? crypto.createPublicKey(t) : crypto.createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('InvalidInput', 'feed.publicKeyNotEd25519');
  return key;
}

export interface CreateBundleOptions {
  data: Uint8Array;
  format: FeedDataFormat;
  fileName: string;
  version: number;
  publishedAt: Date;
  publisher: string | null;
  signingKey?: crypto.KeyObject | null;
}

export function createBundle(opts: CreateBundleOptions): Buffer {
  if (opts.data.length > MAX_IMPORT_BYTES) {
    throw new AppError('FileRejected', 'feed.exportTooLarge', { size: (opts.data.length / 1048576).toFixed(1), max: MAX_IMPORT_BYTES / 1048576 });
  }
  const unsigned = {
    relaisDirectoryFeed: FEED_FORMAT_VERSION,
    version: opts.version,
    publishedAt: opts.publishedAt.toISOString(),
    publisher: opts.publisher,
    data: { format: opts.format, fileName: opts.fileName, bytes: opts.data.length, sha256: sha256Hex(opts.data) },
  };
  let signature: BundleManifest['signature'] = null;
  if (opts.signingKey) {
    if (opts.signingKey.type !== 'private' || opts.signingKey.asymmetricKeyType !== 'ed25519') {
      throw new AppError('InvalidInput', 'feed.signingKeyNotEd25519');
    }
    signature = { algorithm: 'ed25519', keyFingerprint: keyFingerprint(opts.signingKey), value: crypto.sign(null, signedText(unsigned), opts.signingKey).toString('base64') };
  }
  const manifest: BundleManifest = { ...unsigned, data: { ...unsigned.data, base64: Buffer.from(opts.data).toString('base64') }, signature };
  return Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8');
}

/** Only the version of a bundle, without checking it (publish uses it to number the next one). */
export function peekVersion(bytes: Uint8Array): number | null {
  try {
    const v = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { version?: unknown }).version;
    return Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : null;
  } catch {
    return null;
  }
}

/** A refused bundle: every reason says what was wrong and that the current directory was kept. */
function refuse(reason: ReasonKey, params: ReasonParams): never {
  throw new AppError('FileRejected', reason, params);
}

/** Checks shape, checksum and signature; version checks are the caller's (it knows what was applied). */
export function verifyBundle(bytes: Uint8Array, source: string, publicKey: crypto.KeyObject | null): VerifiedBundle {
  if (bytes.length > MAX_BUNDLE_BYTES) refuse('feed.refusedTooLarge', { source, max: Math.round(MAX_BUNDLE_BYTES / 1048576) });
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    refuse('feed.refusedNotJson', { source });
  }
  if (!json || typeof json !== 'object' || !('relaisDirectoryFeed' in json)) {
    refuse('feed.refusedNotBundle', { source });
  }
  const formatVersion = (json as { relaisDirectoryFeed: unknown }).relaisDirectoryFeed;
  if (formatVersion !== FEED_FORMAT_VERSION) {
    refuse('feed.refusedFormatVersion', { source, format: String(formatVersion).slice(0, 20), supported: FEED_FORMAT_VERSION });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    refuse('feed.refusedManifest', { source, field: first?.path.join('.') || 'the top', detail: first?.message ?? 'invalid' });
  }
  const m = parsed.data;
  const data = Buffer.from(m.data.base64, 'base64');
  if (data.length !== m.data.bytes || sha256Hex(data) !== m.data.sha256) {
    refuse('feed.refusedChecksum', { source });
  }
  let signature: BundleInfo['signature'] = m.signature ? 'not-checked' : 'unsigned';
  if (publicKey) {
    if (!m.signature) refuse('feed.refusedUnsigned', { source });
    const expected = keyFingerprint(publicKey);
    const ok = crypto.verify(null, signedText(m), publicKey, Buffer.from(m.signature.value, 'base64'));
    if (!ok) {
      if (m.signature.keyFingerprint === expected) refuse('feed.refusedAltered', { source });
      refuse('feed.refusedOtherKey', { source, signedWith: m.signature.keyFingerprint.slice(0, 30), trusted: expected });
    }
    signature = 'verified';
  }
  return {
    data,
    info: {
      version: m.version,
      publishedAt: m.publishedAt,
      publisher: m.publisher,
      format: m.data.format,
      fileName: m.data.fileName,
      bytes: m.data.bytes,
      sha256: m.data.sha256,
      signature,
      keyFingerprint: m.signature?.keyFingerprint ?? null,
    },
  };
}
