// The one Content-Security-Policy, sent as a header by the app:// protocol handler (and by the
// harness) and repeated in renderer/index.html's meta tag; a test keeps the two equal.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'relais';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** External links the UI may open, in the system browser only. */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = ['https://www.allo-aide-sociale.be', 'https://www.cpas-ocmw.brussels', 'https://www.brusselstakesit.be'];

export function isAllowedExternal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  return EXTERNAL_LINK_ALLOWLIST.some((allowed) => u.origin === new URL(allowed).origin);
}
