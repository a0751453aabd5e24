import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import type { AppCore } from '../../src/app/appCore.ts';
import { ELECTRON_SKIP_REASON, electronBinary, openElectronApp } from '../electron/electronApp.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.ts';
import { type HarnessOptions, openHarnessApp } from './harness.ts';

export type ShellKind = 'harness' | 'electron';

/** What a journey sees: the same whichever shell runs it. `core` and `events` exist in the harness only. */
export interface RelaisApp {
  shell: ShellKind;
  page: Page;
  dataDir: string;
  /** The folder main saves exports into in this test (the save dialog answered there). */
  savedDir: string;
  passphrase: string;
  core: AppCore | null;
  events: Array<{ name: string; payload: unknown }>;
}

let skipLinePrinted = false;

export const test = base.extend<{ app: RelaisApp; appOptions: HarnessOptions }, { shell: ShellKind; harnessBrowser: () => Promise<Browser> }>({
  shell: ['harness', { option: true, scope: 'worker' }],
  appOptions: [{}, { option: true }],
  harnessBrowser: [
    async ({}, use) => {
      const launched: { browser: Promise<Browser> | null } = { browser: null };
      await use(() => (launched.browser ??= chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true })));
      if (launched.browser) await (await launched.browser).close();
    },
    { scope: 'worker' },
  ],
  app: async ({ shell, appOptions, harnessBrowser }, use, testInfo) => {
    if (shell === 'electron') {
      if (!electronBinary()) {
        if (!skipLinePrinted) {
          console.log(ELECTRON_SKIP_REASON);
          skipLinePrinted = true;
        }
        testInfo.skip(true, ELECTRON_SKIP_REASON);
        return;
      }
      const e = await openElectronApp(appOptions);
      await use({ shell, page: e.page, dataDir: e.dataDir, savedDir: e.savedDir, passphrase: 'test recovery passphrase', core: null, events: [] });
      await e.close();
      return;
    }
    const h = await openHarnessApp(await harnessBrowser(), appOptions);
    await use({ shell, page: h.page, dataDir: h.dataDir, savedDir: h.savedDir, passphrase: h.passphrase, core: h.core, events: h.events });
    await h.close();
  },
});

/** Brings the app to its shell whatever the starting state (the Electron shell starts locked). */
export async function ready(app: RelaisApp): Promise<void> {
  const unlock = app.page.getByRole('heading', { name: /Coffre verrouillé/ });
  const shell = app.page.locator('.shell');
  await expect(unlock.or(shell)).toBeVisible();
  if (await unlock.isVisible()) {
    await app.page.getByLabel('Phrase de récupération').fill(app.passphrase);
    await app.page.getByRole('button', { name: 'Ouvrir' }).click();
  }
  await expect(shell).toBeVisible();
}

export { expect };
