import fs from 'node:fs';
import { chromium } from '@playwright/test';

// Flags for Debian's Chromium in a closed network, as root: without the background-networking
// ones it keeps dialling Google's hosts and logging refused connections.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** Playwright's own Chromium where installed, else Debian's, else one clear line. */
export function chromiumExecutable(): string {
  const own = chromium.executablePath();
  if (own && fs.existsSync(own)) return own;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('No Chromium found for the test harness: install Debian\'s (apt-get install -y chromium) or Playwright\'s (npx playwright install chromium).');
}
