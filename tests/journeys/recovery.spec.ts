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
