import fs from 'node:fs';
import path from 'node:path';
import { createAppCore } from '../../src/app/appCore.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { ensureHarnessSupervisor, HARNESS_SUPERVISOR } from '../harness/supervisor.ts';
import { TEST_PASSPHRASE, TEST_SCRYPT, tempDir } from '../unit/helpers/tempStore.ts';

test('a damaged store is explained and recovered from an encrypted backup', async ({ harnessBrowser, shell }) => {
  test.skip(shell !== 'harness', 'prepares the damaged store through the core, harness only');
  const dataDir = tempDir('relais-recovery-');
  const setup = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT, seedDemo: true });
  const init = await setup.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE });
  expect(init.ok).toBe(true);
  // A backup by hand is for a signed-in profile (issue 8): the supervisor makes it.
  const supervisor = ensureHarnessSupervisor(setup)!;
  expect((await setup.router.dispatch('profiles.signIn', { profileId: supervisor, secret: HARNESS_SUPERVISOR.passphrase })).ok).toBe(true);
  const backup = await setup.router.dispatch('store.backupNow', {});
  expect(backup.ok).toBe(true);
  setup.shutdown();
  // Damage the database's first pages, as a failing disk would.
  const db = path.join(dataDir, 'relais.db');
  const fd = fs.openSync(db, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
  fs.closeSync(fd);

  const app = await openHarnessApp(await harnessBrowser(), { dataDir, store: 'locked' });
  try {
    const { page } = app;
    await page.getByLabel('Phrase de récupération').fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await expect(page.getByRole('alert')).toBeVisible();

    await page.getByText('Restaurer une sauvegarde', { exact: true }).first().click();
    await page.getByRole('radio').first().check();
    await page.getByLabel('Phrase de récupération de cette sauvegarde').fill('wrong passphrase here');
    await page.getByLabel(/Je confirme/).check();
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await expect(page.getByRole('alert').last()).toContainText('incorrecte');

    await page.getByLabel('Phrase de récupération de cette sauvegarde').fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await expect(page.locator('.shell')).toBeVisible();
    const count = await page.evaluate(async () => (await window.relais!.invoke('app.info', {})).ok);
    expect(count).toBe(true);
    // The damaged store was moved aside, not deleted.
    const kept = fs.readdirSync(dataDir).filter((f) => f !== 'relais.db' && f !== 'keyring.json' && !f.startsWith('relais.db-'));
    expect(kept.length).toBeGreaterThan(0);
  } finally {
    await app.close();
  }
});

test('issue 12, the restore screen: a damaged backup is named as the backup; a good one restores with nobody signed in after it, audited; once open, restoring is refused to the page', async ({ harnessBrowser, shell }) => {
  test.skip(shell !== 'harness', 'prepares the backups through the core, harness only');
  const dataDir = tempDir('relais-recovery-');
  const setup = createAppCore({ dataDir, shell: 'harness', scrypt: TEST_SCRYPT, seedDemo: true });
  expect((await setup.router.dispatch('store.init', { passphrase: TEST_PASSPHRASE })).ok).toBe(true);
  const supervisor = ensureHarnessSupervisor(setup)!;
  expect((await setup.router.dispatch('profiles.signIn', { profileId: supervisor, secret: HARNESS_SUPERVISOR.passphrase })).ok).toBe(true);
  const good = await setup.router.dispatch('store.backupNow', {});
  expect(good.ok).toBe(true);
  await new Promise((r) => setTimeout(r, 20));
  const newest = await setup.router.dispatch('store.backupNow', {});
  expect(newest.ok).toBe(true);
  setup.shutdown();
  // The newest backup is damaged on disk (its database bytes), as a failing USB stick would.
  const damagedFile = (newest.ok && (newest.value as { file: string }).file) as string;
  const bytes = fs.readFileSync(damagedFile);
  bytes[bytes.length - 3000] = bytes[bytes.length - 3000]! ^ 0xff;
  fs.writeFileSync(damagedFile, bytes);

  const app = await openHarnessApp(await harnessBrowser(), { dataDir, store: 'locked' });
  try {
    const { page, core } = app;
    await expect(page.getByRole('heading', { name: /Coffre verrouillé/ })).toBeVisible();
    await page.getByText('Restaurer une sauvegarde', { exact: true }).first().click();
    await page.getByRole('radio').first().check();
    await page.getByLabel('Phrase de récupération de cette sauvegarde').fill(TEST_PASSPHRASE);
    await page.getByLabel(/Je confirme/).check();
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    const alert = page.getByRole('alert').last();
    await expect(alert).toContainText('Cette sauvegarde est abîmée (pas le coffre actuel');
    await expect(alert).toContainText(path.basename(damagedFile));
    expect(core.services.store.isOpen()).toBe(false);

    await page.getByRole('radio').nth(1).check();
    await page.getByLabel('Phrase de récupération de cette sauvegarde').fill(TEST_PASSPHRASE);
    await page.getByLabel(/Je confirme/).check();
    await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
    await expect(page.locator('.shell')).toBeVisible();
    // Nobody is signed in after a restore: the shift starts at the profile picker.
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
    expect(core.services.session.profileId).toBeNull();
    const row = core.services.store.database().prepare(`SELECT actor, detail FROM audit_log WHERE action = 'backup.restore'`).get() as { actor: string; detail: string };
    expect(row.actor).toContain('not signed in');
    // The store is open now: restoring over it is a supervisor's act, refused to the page.
    const again = await page.evaluate((file) => window.relais!.invoke('store.restoreBackup', { file, passphrase: 'whatever it is', force: true }), (good.ok && (good.value as { file: string }).file) as string);
    expect(again as unknown).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  } finally {
    await app.close();
  }
});
