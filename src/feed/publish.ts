import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { directoryRepository } from '../directory/directoryRepository.ts';
import { exportDirectory } from '../directory/export/exportDirectory.ts';
import { writeFileAtomic } from '../store/atomicWrite.ts';
import type { Db } from '../store/openDatabase.ts';
import { type BundleInfo, createBundle, DEFAULT_BUNDLE_NAME, type FeedDataFormat, keyFingerprint, peekVersion, verifyBundle } from './bundle.ts';

// Coordination side: export the directory (the directory's own HSDS or CSV export), wrap it in
// a versioned, checksummed, optionally signed bundle, check it reads back, and write it
// atomically so a workstation never reads half a bundle. Key pairs come from `feed keygen`.

export interface PublishOptions {
  /** A bundle file, or an existing folder (the bundle is DEFAULT_BUNDLE_NAME in it). */
  out: string;
  format: FeedDataFormat;
  now: Date;
  /** Default: one more than the bundle already at `out`, else 1. */
  version?: number;
  publisher?: string | null;
  /** Leave out professional contacts (for a feed on a public web address). */
  public?: boolean;
  signingKey?: crypto.KeyObject | null;
}

export interface PublishResult extends BundleInfo {
  file: string;
  services: number;
  previousVersion: number | null;
  bundleBytes: number;
}

export function bundlePath(out: string): string {
  const resolved = path.resolve(out);
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, DEFAULT_BUNDLE_NAME);
  } catch {
    // Not there yet: a file path.
  }
  return resolved;
}

export async function publishDirectory(db: Db, opts: PublishOptions): Promise<PublishResult> {
  const file = bundlePath(opts.out);
  let previousVersion: number | null = null;
  if (fs.existsSync(file)) {
    previousVersion = peekVersion(fs.readFileSync(file));
    if (previousVersion === null && opts.version === undefined) {
      throw new AppError('Conflict', 'feed.existingUnreadable', { file });
    }
  }
  const version = opts.version ?? (previousVersion ?? 0) + 1;
  if (previousVersion !== null && version <= previousVersion) {
    throw new AppError('Conflict', 'feed.versionNotHigher', { file, previous: previousVersion, version });
  }
  // The line's situation lexicon travels with the directory (HSDS only; the shipped default when never edited).
  const lexicon = opts.format === 'hsds' ? directoryRepository(db).listLexicon() : [];
  const exported = await exportDirectory(db, { format: opts.format, delimiter: ';', public: opts.public ?? false, withNotes: false, lexicon }, opts.now);
  if (exported.count === 0) throw new AppError('InvalidInput', 'feed.nothingToPublish');
  const bytes = createBundle({ data: exported.bytes, format: opts.format, fileName: exported.fileName, version, publishedAt: opts.now, publisher: opts.publisher ?? null, signingKey: opts.signingKey ?? null });
  // Read it back exactly as a workstation will, with the matching public key when signed.
  const check = verifyBundle(bytes, file, opts.signingKey ? crypto.createPublicKey(opts.signingKey) : null);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Readable by the workstations that fetch it; the folder's permissions decide who may.
    writeFileAtomic(file, bytes, 0o644);
  } catch (e) {
    throw new AppError('ReadOnly', 'feed.cannotWrite', { file, detail: (e as Error).message });
  }
  return { ...check.info, file, services: exported.count, previousVersion, bundleBytes: bytes.length };
}

// ── keys ────────────────────────────────────────────────────────────────────────────────

export interface GeneratedKeys {
  privateKeyFile: string;
  publicKeyFile: string;
  /** The one line to put in config.json as feed.publicKey. */
  publicKey: string;
  fingerprint: string;
}

/** Writes PREFIX.private.pem (0600, never overwritten) and PREFIX.public.pem. */
export function generateFeedKeys(prefix: string): GeneratedKeys {
  const base = path.resolve(prefix.replace(/\.(private|public)\.pem$/, ''));
  const privateKeyFile = `${base}.private.pem`;
  const publicKeyFile = `${base}.public.pem`;
  for (const f of [privateKeyFile, publicKeyFile]) {
    if (fs.existsSync(f)) throw new AppError('Conflict', 'feed.keyFileExists', { file: f });
  }
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(base), { recursive: true });
  try {
    fs.writeFileSync(privateKeyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    fs.chmodSync(privateKeyFile, 0o600);
    fs.writeFileSync(publicKeyFile, publicKey.export({ format: 'pem', type: 'spki' }), { mode: 0o644, flag: 'wx' });
  } catch (e) {
    throw new AppError('ReadOnly', 'feed.cannotWriteKeys', { file: base, detail: (e as Error).message });
  }
  return { privateKeyFile, publicKeyFile, publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), fingerprint: keyFingerprint(publicKey) };
}

export function loadSigningKey(file: string): crypto.KeyObject {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('NotFound', 'feed.cannotReadSigningKey', { file, code: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch {
    throw new AppError('InvalidInput', 'feed.notPem', { file });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('InvalidInput', 'feed.wrongKeyType', { file, type: key.asymmetricKeyType ?? 'unknown' });
  return key;
}
