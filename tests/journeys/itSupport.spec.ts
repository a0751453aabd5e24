import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseMachineConfig, resolveDataDir } from '../../src/config/machineConfig.ts';
import type { AppError } from '../../src/errors.ts';
import { BackupScheduler } from '../../src/store/backupSchedule.ts';
import { createAppCore } from '../../src/app/appCore.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from '../unit/helpers/tempStore.ts';
import { expect, ready, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { ensureHarnessSupervisor, HARNESS_SUPERVISOR } from '../harness/supervisor.ts';

// Issue 19 in the app: a broken config.json or another account's data folder shows what to fix
// and opens no store; the demonstration directory is marked wherever it shows and a real import
// removes it; an empty directory says how to get the line's one; a failed backup is said on screen.

const BANNER = 'Répertoire de démonstration — numéros fictifs, ne jamais les communiquer';

async function onShift(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: /^Samir/ }).click();
  await page.getByLabel('Votre code PIN').fill('246810');
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
  await expect(page.getByText('De permanence : Samir — CAW Brussel')).toBeVisible();
}

const SAMIR = { responders: [{ displayName: 'Samir', centre: 'CAW Brussel', pin: '246810' }] };

test.describe('a config.json with a JSON typo', () => {
  const broken = parseMachineConfig('{\n  "dataDir": "C:\\ProgramData\\Relais",\n  "centreName": "CPAS de Forest"\n}\n', '/etc/relais/config.json', 'linux');
  let blockedBy: AppError | undefined;
  try {
    resolveDataDir(broken, {});
  } catch (e) {
    blockedBy = e as AppError;
  }
  test.use({ appOptions: { store: 'new', config: broken, ...(blockedBy ? { blockedBy } : {}) } });

  test('shows the config-error screen with file, line, column and the backslash hint, and creates no store', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Le fichier de configuration de ce poste est illisible' })).toBeVisible();
    await expect(page.getByText('Fichier /etc/relais/config.json, ligne 2, colonne 18.')).toBeVisible();
    await expect(page.getByText(/chaque barre oblique inverse s'écrit deux fois : "C:\\\\ProgramData\\\\Relais"/)).toBeVisible();
    await expect(page.getByLabel('Phrase de récupération')).toHaveCount(0);
    // Even asked directly, the core creates nothing.
    const r = await app.core?.router.dispatch('store.init', { passphrase: app.passphrase });
    expect(r?.ok).toBe(false);
    expect(r && !r.ok ? r.error.code : null).toBe('ConfigInvalid');
    expect(fs.readdirSync(app.dataDir)).toEqual([]);
  });
});

test.describe('a data folder of another account', () => {
  const dataDir = tempDir('relais-other-account-');
  fs.chownSync(dataDir, 4242, 4242);
  test.use({ appOptions: { store: 'new', dataDir } });

  test('names the owner instead of offering to create a new store', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Ce dossier de données appartient à un autre compte' })).toBeVisible();
    // Said in the user's language; the OS's own words (owner, folder) stay as technical detail for IT.
    await expect(page.getByRole('alert')).toContainText('Le dossier de données appartient au compte uid 4242');
    await expect(page.getByTestId('blocked-technical')).toContainText('The data folder belongs to account uid 4242');
    await expect(page.getByRole('heading', { name: /Premier démarrage|phrase de récupération/i })).toHaveCount(0);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

test.describe('the demonstration directory', () => {
  test.use({ appOptions: SAMIR });

  test('carries a banner on the directory screen, the card and home; a real import removes it and says so', async ({ app }) => {
    await ready(app);
    const { page } = app;
    await onShift(page);
    await page.keyboard.press('Alt+1');
    await expect(page.locator('[data-slot="directory-status"]').getByText(BANNER)).toBeVisible();
    // The crisis panel (Alt+U): each demo line carries the banner.
    await page.keyboard.press('Alt+U');
    const crisis = page.getByTestId('crisis-lines');
    await expect(crisis.getByRole('listitem').first().getByText(BANNER)).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    const screen = page.locator('section.directory');
    await expect(screen.getByText(BANNER).first()).toBeVisible();
    await page.getByRole('combobox', { name: /Rechercher un service/ }).fill('cpas jette');
    await page.keyboard.press('Enter');
    const card = page.getByTestId('service-card');
    await expect(card.getByText(BANNER)).toBeVisible();
    await expect(card.locator('[data-demo-banner]').getByRole('button')).toHaveCount(0);

    // In a call, the referral search carries it too.
    await page.keyboard.press('F2');
    await expect(page.getByRole('combobox', { name: /Chercher dans le répertoire/ })).toBeVisible();
    await expect(page.locator('.referral-search').getByText(BANNER)).toBeVisible();
    await page.keyboard.press('Control+K');
    await page.getByRole('tab', { name: 'Importer / exporter' }).click();
    const csv = 'id;name;themes;phone;communes_served\ncpas-forest-reel;CPAS de Forest;general;+32 2 000 00 00;1190\n';
    await page.getByLabel('Fichier à importer').setInputFiles({ name: 'repertoire.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect(page.getByText(/Le répertoire de démonstration \(\d+ services aux numéros fictifs\) sera retiré\./)).toBeVisible();
    await page.getByRole('button', { name: /Appliquer 1 changement/ }).click();
    await expect(page.getByText(/Le répertoire de démonstration \(\d+ services aux numéros fictifs\) a été retiré\./)).toBeVisible();
    await expect(page.getByText(BANNER)).toHaveCount(0);
    await page.getByRole('tab', { name: 'Rechercher' }).click();
    await page.getByRole('combobox', { name: /Rechercher un service/ }).fill('cpas');
    await expect(page.getByRole('listbox', { name: 'Résultats' }).getByRole('option')).toHaveCount(1);
  });
});

test.describe('a new store without a directory', () => {
  test.use({ appOptions: { ...SAMIR, demoDirectory: false } });

  test('the directory screen and home say how to get the line\'s directory; no banner', async ({ app }) => {
    await ready(app);
    const { page } = app;
    await onShift(page);
    await page.keyboard.press('Alt+1');
    await expect(page.locator('[data-slot="directory-status"]').getByText("Le répertoire de la ligne n'est pas encore chargé sur ce poste.")).toBeVisible();
    await page.keyboard.press('Control+K');
    const hint = page.locator('section.directory [data-directory-empty]');
    await expect(hint).toContainText('Importez-le');
    await expect(hint).toContainText('feed.location');
    await expect(hint).toContainText('hub');
    await expect(page.getByText(BANNER)).toHaveCount(0);
  });
});

test.describe('a backup folder on a share that is not connected', () => {
  test.use({ appOptions: SAMIR });

  test('the failed backup is said on screen (and logged), nothing lands on the local disk', async ({ app }) => {
    await ready(app);
    const core = app.core;
    test.skip(!core, 'harness only');
    if (!core) return;
    const nas = path.join(tempDir(), 'nas-not-connected', 'relais');
    const lines: string[] = [];
    const scheduler = new BackupScheduler({
      store: core.services.store,
      clock: core.services.clock,
      log: { info: () => {}, warn: () => {}, error: (e, f) => void lines.push(`${e} ${JSON.stringify(f)}`) },
      policy: { folder: nas, configured: true },
      notify: (problem) => core.services.emit('app.notice', { level: 'error', ...problem }),
    });
    expect(() => scheduler.backupNow('daily')).toThrow(/does not exist/);
    // Said in the user's language (issue 16), naming the folder.
    await expect(app.page.locator('[data-notice="error"]')).toContainText(/Le dossier de sauvegarde .*nas-not-connected.* n'existe pas/);
    expect(lines.some((l) => l.startsWith('backup.failed') && l.includes('NotFound'))).toBe(true);
    expect(fs.existsSync(nas)).toBe(false);
  });
});

test('restoring an older backup says it brings back another recovery passphrase', async ({ harnessBrowser, shell }) => {
  test.skip(shell !== 'harness', 'prepares the backup through the core, harness only');
  const dataDir = tempDir('relais-restore-pass-');
  const setup = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT, seedDemo: true });
  expect((await setup.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE })).ok).toBe(true);
  const supervisor = ensureHarnessSupervisor(setup)!;
  expect((await setup.router.dispatch('profiles.signIn', { profileId: supervisor, secret: HARNESS_SUPERVISOR.passphrase })).ok).toBe(true);
  expect((await setup.router.dispatch('store.backupNow', {})).ok).toBe(true);
  const changed = await setup.router.dispatch('store.changePassphrase', { oldPassphrase: TEST_PASSPHRASE, newPassphrase: 'the centre changed its recovery passphrase' });
  expect(changed.ok).toBe(true);
  setup.shutdown();

  const app = await openHarnessApp(await harnessBrowser(), { dataDir, store: 'locked' });
  try {
    const { page } = app;
    await page.getByText('Restaurer une sauvegarde', { exact: true }).first().click();
    await page.getByRole('radio').first().check();
    await page.getByLabel('Phrase de récupération de cette sauvegarde').fill(TEST_PASSPHRASE);
    await page.getByLabel(/Je confirme/).check();
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await expect(page.locator('[data-notice="warning"]')).toContainText('Cette sauvegarde utilise une autre phrase de récupération que le coffre remplacé');
  } finally {
    await app.close();
  }
});
