// `npm run screenshots`: a PNG of every main screen on demo data, through the Chromium
// harness, into docs/screenshots/ (the README shows them). Screens are found from the
// navigation itself, so a screen added to the registry is photographed without edits here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/harness/chromium.ts';
import { openHarnessApp } from '../tests/harness/harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const written: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  written.push(path.relative(root, file));
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
try {
  const first = await openHarnessApp(browser, { store: 'new' });
  await first.page.getByRole('heading', { level: 2 }).waitFor();
  await shot(first.page, 'first-run');
  await first.close();

  const locked = await openHarnessApp(browser, { store: 'locked' });
  await locked.page.getByRole('heading', { level: 2 }).waitFor();
  await shot(locked.page, 'unlock');
  await locked.close();

  const app = await openHarnessApp(browser, { store: 'open' });
  const { page } = app;
  await page.locator('.shell').waitFor();
  const ids = await page.locator('nav [data-screen]').evaluateAll((els) => els.map((e) => e.getAttribute('data-screen') ?? ''));
  for (const id of ids) {
    await page.locator(`nav [data-screen="${id}"]`).click();
    await page.locator(`main[data-screen="${id}"]`).waitFor();
    await page.waitForTimeout(300);
    await shot(page, `screen-${id}`);
  }
  await page.keyboard.press('F1');
  await page.getByRole('dialog').waitFor();
  await shot(page, 'help-overlay');
  await app.close();
} finally {
  await browser.close();
}
console.log(`screenshots: ${written.length} written\n${written.map((w) => `  ${w}`).join('\n')}`);
