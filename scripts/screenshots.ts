// `npm run screenshots`: a PNG of every main screen on demo data, through the Chromium harness,
// into docs/screenshots/ (the README shows them). The store holds the bundled demo directory and
// a few weeks of fictitious calls (`demo seed`); a responder is on shift with a call in progress.
// Screens are found from the navigation itself, so a screen added to the registry is
// photographed without edits here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import type { AppCore } from '../src/app/appCore.ts';
import { DEMO_RESPONDERS } from '../src/reports/demoCalls.ts';
import { ensureDemoProfiles, seedDemoCalls } from '../src/reports/demoSeed.ts';
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

/** Demo calls and a responder on shift; the call in progress is then taken in the UI. */
let supervisorId: string | null = null;
async function seedDemo(core: AppCore): Promise<void> {
  const db = core.services.store.database();
  const now = core.services.clock.now();
  const ids = ensureDemoProfiles(db, now);
  const [responderId] = ids;
  supervisorId = ids[DEMO_RESPONDERS.findIndex((r) => r.role === 'supervisor')] ?? null;
  seedDemoCalls(db, { calls: 600, days: 56, now });
  // Sign-in flows (PIN, shift picker) have their own journeys; the pictures start on shift.
  core.services.session.profileId = responderId ?? null;
  core.services.session.role = 'responder';
}

const NOTES = [
  'Dame seule avec deux enfants, à Schaerbeek. Plus rien dans le frigo depuis lundi, le CPAS ne paie le RIS que le 5.',
  'Dossier chômage bloqué au syndicat depuis 6 semaines (changement de statut). Plus de crédit de téléphone.',
  "Je lui propose d'appeler l'épicerie sociale et le CPAS avec son accord.",
];

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

  const app = await openHarnessApp(browser, { store: 'open', seed: seedDemo });
  const { page } = app;
  await page.locator('.shell').waitFor();
  // A call in progress, taken and written the way a responder does: F2, then notes.
  await page.keyboard.press('F2');
  const composer = page.getByTestId('note-composer');
  await composer.waitFor();
  for (const text of NOTES) {
    await composer.fill(text);
    await composer.press('Enter');
  }
  await page.waitForTimeout(600);
  const ids = await page.locator('nav [data-screen]').evaluateAll((els) => els.map((e) => e.getAttribute('data-screen') ?? ''));
  // Administration is a supervisor's screen: photographed below, signed in as one.
  for (const id of ids.filter((x) => x !== 'admin')) {
    await page.locator(`nav [data-screen="${id}"]`).click();
    await page.locator(`main[data-screen="${id}"]`).waitFor();
    if (id === 'directory') {
      await page.getByRole('combobox', { name: /Rechercher un service/ }).fill('colis alimentaire schaerbeek');
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(700);
    await shot(page, `screen-${id}`);
  }
  await page.keyboard.press('F1');
  await page.getByRole('dialog').waitFor();
  await shot(page, 'help-overlay');
  await page.keyboard.press('Escape');
  // The crisis panel (Alt+U): the emergency and listening lines, from anywhere.
  await page.keyboard.press('Alt+U');
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(300);
  await shot(page, 'crisis-panel');
  await page.keyboard.press('Escape');
  // The same console in Dutch, as a Dutch-speaking responder sees it.
  await page.locator('nav [data-screen="console"]').click();
  await page.locator('select.lang-switch, .lang-switch select').first().selectOption('nl');
  await page.waitForTimeout(700);
  await shot(page, 'screen-console-nl');
  await page.locator('.lang-switch select').first().selectOption('fr');
  if (ids.includes('admin') && supervisorId) {
    app.core.services.session.profileId = supervisorId;
    app.core.services.session.role = 'supervisor';
    await page.reload();
    await page.locator('.shell').waitFor();
    await page.locator('nav [data-screen="admin"]').click();
    await page.locator('main[data-screen="admin"]').waitFor();
    await page.waitForTimeout(900);
    await shot(page, 'screen-admin');
  }
  await app.close();
} finally {
  await browser.close();
}
console.log(`screenshots: ${written.length} written\n${written.map((w) => `  ${w}`).join('\n')}`);
