import { APP_HOST, APP_SCHEME } from './csp.ts';

// Pure so it can be unit-tested without Electron: a call is accepted only from the top frame
// of one of our windows, loaded from our own origin.
export interface SenderFacts {
  frameUrl: string | null;
  isMainFrame: boolean;
  fromKnownWindow: boolean;
}

export function isTrustedSender(f: SenderFacts): boolean {
  if (!f.fromKnownWindow || !f.isMainFrame || !f.frameUrl) return false;
  try {
    // Compared by parts: WHATWG URL gives custom schemes an opaque ("null") origin.
    const u = new URL(f.frameUrl);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}
