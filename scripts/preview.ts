// The Chromium preview `npm start` falls back to: the built renderer in a real window, bridged
// to createAppCore over the per-user data folder — the same core Electron's main would run.
import { chromium } from '@playwright/test';
import { defaultDataDir } from '../src/platform/defaultDataDir.ts';
import { DEFAULT_SCRYPT } from '../src/store/keyring.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/harness/chromium.ts';
import { openHarnessApp } from '../tests/harness/harness.ts';

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: false });
const app = await openHarnessApp(browser, { store: 'new', dataDir: defaultDataDir(), scrypt: DEFAULT_SCRYPT });
console.log(`Relais preview open on ${app.dataDir}. Close the window to quit.`);
await new Promise<void>((resolve) => app.page.on('close', () => resolve()));
await app.close();
await browser.close();
