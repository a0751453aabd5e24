import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { DEFAULT_BUNDLE_NAME, MAX_BUNDLE_BYTES } from './bundle.ts';

// Where workstations read the bundle: a shared folder (the bundle is DEFAULT_BUNDLE_NAME in
// it), the bundle file itself, or an https:// address. Plain http is accepted for the loopback
// address only (tests, a local proxy). An unreachable source is `NotFound` — "try again
// later" — never confused with a bad bundle (`FileRejected`).

export const FEED_TIMEOUT_MS = 30_000;

export type FeedLocation = { kind: 'path'; path: string } | { kind: 'url'; url: URL };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function parseFeedLocation(location: string): FeedLocation {
  const text = location.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new AppError('InvalidInput', 'feed.badAddress', { location: JSON.stringify(text.slice(0, 200)) });
    }
    const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !loopbackHttp) {
      throw new AppError('InvalidInput', 'feed.notHttps', { protocol: url.protocol });
    }
    if (url.username || url.password) throw new AppError('InvalidInput', 'feed.credentialsInAddress');
    if (url.pathname.endsWith('/')) url.pathname += DEFAULT_BUNDLE_NAME;
    return { kind: 'url', url };
  }
  if (!path.isAbsolute(text) && !/^[A-Za-z]:[\\/]|^\\\\/.test(text)) {
    throw new AppError('InvalidInput', 'feed.notAbsolute', { location: JSON.stringify(text.slice(0, 200)) });
  }
  return { kind: 'path', path: text };
}

export interface ReadBundleOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/** The bytes of the bundle and where exactly they came from. */
export async function readBundleBytes(location: string, opts: ReadBundleOptions = {}): Promise<{ bytes: Buffer; source: string }> {
  const loc = parseFeedLocation(location);
  const maxBytes = opts.maxBytes ?? MAX_BUNDLE_BYTES;
  return loc.kind === 'url' ? fetchBundle(loc.url, opts.timeoutMs ?? FEED_TIMEOUT_MS, maxBytes) : readBundleFile(loc.path, maxBytes);
}

function readBundleFile(location: string, maxBytes: number): { bytes: Buffer; source: string } {
  let file = location;
  try {
    if (fs.statSync(location).isDirectory()) file = path.join(location, DEFAULT_BUNDLE_NAME);
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError('FileRejected', 'feed.refusedNotFile', { source: file });
    if (stat.size > maxBytes) throw new AppError('FileRejected', 'feed.refusedTooLarge', { source: file, max: Math.round(maxBytes / 1048576) });
    return { bytes: fs.readFileSync(file), source: file };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const hint = code === 'ENOENT' ? ' (not published yet, or the shared folder is not reachable from this PC)' : code === 'EACCES' || code === 'EPERM' ? ' (no permission to read it)' : '';
    throw new AppError('NotFound', 'feed.unreadable', { source: file, code, hint });
  }
}

async function fetchBundle(url: URL, timeoutMs: number, maxBytes: number): Promise<{ bytes: Buffer; source: string }> {
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  let at = url;
  // Redirects are followed by hand so that every hop is checked: never down to plain http.
  for (let hop = 0; ; hop++) {
    try {
      res = await fetch(at, { signal, redirect: 'manual', headers: { accept: 'application/json' }, cache: 'no-store' });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s — check the network, or a proxy that holds the connection` : explainFetchFailure(at, err.cause?.code ?? null, err.cause?.message ?? err.message);
      throw new AppError('NotFound', 'feed.unreachable', { source: url.href, detail: why });
    }
    const next = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (!next) break;
    await res.body?.cancel();
    const target = new URL(next, at);
    if (target.protocol !== 'https:' && !(target.protocol === 'http:' && LOOPBACK.has(target.hostname))) {
      throw new AppError('FileRejected', 'feed.refusedRedirect', { source: url.href, protocol: target.protocol, host: target.host });
    }
    if (hop >= 5) throw new AppError('NotFound', 'feed.tooManyRedirects', { source: url.href });
    at = target;
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new AppError('NotFound', res.status === 404 ? 'feed.httpNotPublished' : 'feed.httpStatus', { source: url.href, status: res.status });
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new AppError('FileRejected', 'feed.refusedTooLarge', { source: url.href, max: Math.round(maxBytes / 1048576) });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body ?? []) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new AppError('FileRejected', 'feed.refusedTooLarge', { source: url.href, max: Math.round(maxBytes / 1048576) });
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NotFound', 'feed.incomplete', { source: url.href, detail: (e as Error).message });
  }
  return { bytes: Buffer.concat(chunks), source: at.href };
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/**
 * What an https failure means for IT, from the error code Node gives ("fetch failed" alone says
 * nothing): the name (DNS), the connection (refused, cut), or the certificate (untrusted — an
 * internal certificate authority —, expired, for another name).
 */
export function explainFetchFailure(url: URL, code: string | null, detail: string): string {
  const host = url.hostname;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `the server name ${host} cannot be found (DNS, ${code}) — check the address in feed.location, this PC's network connection and its DNS or proxy settings`;
  }
  if (code === 'ECONNREFUSED') {
    return `${host} refused the connection (ECONNREFUSED) — check the port in the address, that the web server runs, and the firewall between this PC and it`;
  }
  if (code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_SOCKET') {
    return `the connection to ${host} failed (${code}) — check the network, a firewall or a proxy between this PC and the server`;
  }
  if (code && CERTIFICATE_CODES.has(code)) {
    return `the certificate of ${host} is not trusted by this PC (${code}) — if the coordination uses an internal certificate authority, give its certificate (PEM) to Relais and relais-admin with the environment variable NODE_EXTRA_CA_CERTS, or start them with --use-system-ca to trust the certificates installed in Windows or macOS (docs/it-guide.md, "The published directory")`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return `the certificate of ${host} is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'} (${code}) — the server's administrator must renew it (or this PC's clock is wrong)`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `the certificate of ${host} is made out for another name (${code}) — use the address the certificate names in feed.location`;
  }
  if (code?.startsWith('ERR_SSL') || code?.startsWith('ERR_TLS')) {
    return `the secure connection to ${host} failed (${code}) — the server's https configuration or a proxy that inspects traffic`;
  }
  return code ?? detail;
}
