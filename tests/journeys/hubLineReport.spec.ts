import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import { addDays, dayOf, previousMonth } from '../../src/domain/brusselsTime.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { saveByClicking } from '../harness/savedExport.ts';
import { startTestHub } from '../unit/helpers/hubServer.ts';
import { newOpenCore, signInSupervisor } from '../unit/helpers/tempStore.ts';

// Issue 14, "a supervisor's Relais can fetch it": Bilans → "Bilan de la ligne" asks a real hub
// for the report of every centre (calls closed on this PC and on another centre's), shows it
// with the local bilan's view, internal then public (protected by the hub), and exports it.

async function op<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** `n` calls closed on `core` in last month (the view's default period), queued for the hub by the close trigger. */
function closeCalls(core: AppCore, n: number, themes: string[], commune: string): void {
  const repo = callsRepository(core.services.store.database());
  const first = previousMonth(dayOf(new Date())).from;
  for (let i = 0; i < n; i++) {
    const t0 = new Date(`${addDays(first, i)}T09:30:00.000Z`);
    const id = repo.start(core.services.session.profileId as string, t0);
    repo.end(id, new Date(t0.getTime() + 240_000), 240_000, new Date(t0.getTime() + 240_000));
    repo.saveRecord(id, { themes, interventions: ['orientation'], commune, resolution: 'resolved' } as never, t0);
    repo.close(id, new Date(t0.getTime() + 300_000));
  }
}

test('a supervisor fetches the line\'s bilan from the hub, internal then public, and exports it', async ({ harnessBrowser }) => {
  const hub = await startTestHub('postgres');
  const other = await newOpenCore({ seedDemo: true });
  const h = await openHarnessApp(await harnessBrowser(), {
    seed: async (core) => {
      await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
      await op(core, 'hub.join', { url: hub.url, code: (await createFoundingCode(hub.ctx)).code, deviceName: 'Coordination' });
      const { code } = await op<{ code: string }>(core, 'hub.invite', { centre: 'CPAS Anderlecht' });
      await signInSupervisor(other);
      await op(other, 'hub.join', { url: hub.url, code, deviceName: 'Anderlecht 1' });
      closeCalls(core, 7, ['food'], 'schaerbeek');
      closeCalls(other, 6, ['housing'], 'anderlecht');
      await op(core, 'hub.syncNow', {});
      await op(other, 'hub.syncNow', {});
    },
  });
  try {
    const { page } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+6');
    await page.getByRole('tab', { name: 'Bilan de la ligne' }).click();
    await page.getByRole('button', { name: 'Demander au hub' }).click();
    await expect(page.locator('.line-report-title')).toHaveText('Bilan de la ligne');
    await expect(page.getByTestId('line-centres')).toHaveText('2 centres : CASG Nord, CPAS Anderlecht');
    await expect(page.locator('.line-report [data-figure="calls"] dd')).toHaveText('13');
    await expect(page.locator('.line-report .report-banner')).toContainText('Usage interne');
    await expect(page.locator('.line-report [data-report-table="themes"]').getByRole('rowheader', { name: 'Aide alimentaire' })).toBeVisible();

    await saveByClicking(page, h.savedDir, page.locator('[data-export="line-pdf"]'), /^bilan-ligne-\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d-interne\.pdf$/);

    // Public: the hub applies disclosure control; exported as it came.
    await page.getByLabel('Publique (petits nombres masqués)').check();
    await page.getByRole('button', { name: 'Demander au hub' }).click();
    await expect(page.locator('.line-report .report-banner')).toContainText('Version publique');
    await expect(page.locator('.line-report [data-report-table="heatmap"]')).toHaveCount(0);
    await saveByClicking(page, h.savedDir, page.locator('[data-export="line-xlsx"]'), /^bilan-ligne-.*-public\.xlsx$/);
    await expect(page.getByText(/Enregistré dans .*bilan-ligne-.*-public\.xlsx/)).toBeVisible();

    // The hub gone: the screen says so, nothing else breaks.
    await hub.server.close();
    await page.getByRole('button', { name: 'Demander au hub' }).click();
    await expect(page.locator('.line-report [role="alert"]')).toContainText(/Le hub à l'adresse .* est injoignable/);
  } finally {
    await h.close();
    other.shutdown();
    await hub.stop();
  }
});

test('a directory maintainer imports a sheet into the line\'s directory from the import screen: preview with row errors, applied on the hub, on this PC and another', async ({ harnessBrowser }) => {
  const hub = await startTestHub('postgres');
  const other = await newOpenCore({ seedDemo: true });
  const h = await openHarnessApp(await harnessBrowser(), {
    seed: async (core) => {
      await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
      await op(core, 'directory.setMaintainer', { profileId: core.services.session.profileId, maintainer: true });
      await op(core, 'hub.join', { url: hub.url, code: (await createFoundingCode(hub.ctx)).code, deviceName: 'Coordination' });
      const { code } = await op<{ code: string }>(core, 'hub.invite', { centre: 'CPAS Anderlecht' });
      await signInSupervisor(other);
      await op(other, 'hub.join', { url: hub.url, code, deviceName: 'Anderlecht 1' });
    },
  });
  try {
    const { page } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Control+K');
    await page.getByRole('tab', { name: 'Importer / exporter' }).click();
    await page.getByLabel(/le répertoire de la ligne \(hub\)/).check();
    const csv = 'Identifiant;Nom;Téléphone;Commune;Thématiques\nligne-app-1;Épicerie de la ligne;02 555 66 01;Jette;food\nligne-app-2;;02 555 66 02;Evere;housing\n';
    await page.getByLabel('Fichier à importer').setInputFiles({ name: 'ligne.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const diff = page.getByTestId('import-diff');
    await expect(diff).toContainText('1 ajouté');
    await expect(diff).toContainText('1 refusé');
    expect((await hub.ctx.db.query(`SELECT 1 FROM hub_items WHERE kind = 'service' AND id = 'ligne-app-1'`)).length).toBe(0);
    await diff.getByRole('button', { name: 'Appliquer 1 changement' }).click();
    await expect(diff).toContainText('1 service enregistré.');
    expect((await hub.ctx.db.query(`SELECT 1 FROM hub_items WHERE kind = 'service' AND id = 'ligne-app-1'`)).length).toBe(1);
    const here = await page.evaluate(async () => (await window.relais!.invoke('directory.get', { id: 'ligne-app-1' })).ok);
    expect(here).toBe(true);
    await op(other, 'hub.syncNow', {});
    expect(other.services.store.database().prepare(`SELECT name FROM services WHERE id = 'ligne-app-1'`).pluck().get()).toBe('Épicerie de la ligne');
  } finally {
    await h.close();
    other.shutdown();
    await hub.stop();
  }
});
