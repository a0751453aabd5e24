import type { AppCore } from '../../src/app/appCore.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { startTestHub } from '../unit/helpers/hubServer.ts';
import { newOpenCore, signInSupervisor } from '../unit/helpers/tempStore.ts';

// Issue 14's journey: the Administration screen joins the line's hub with a founding code,
// invites another centre's PC, lists the devices and shows the sync chip; a service card shows
// a reachability note written on that other PC.

async function op<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

test('join the hub from Administration, invite a PC, see its device and its note on a card, with the sync chip', async ({ harnessBrowser }) => {
  const hub = await startTestHub('postgres');
  const other = await newOpenCore({ seedDemo: true });
  const h = await openHarnessApp(await harnessBrowser(), {
    seed: async (core) => void (await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' })),
  });
  try {
    const { page } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+7');
    const section = page.getByRole('region', { name: 'Hub de la ligne' });
    await section.getByLabel('Adresse du hub').fill(hub.url);
    await section.getByLabel('Code', { exact: true }).fill((await createFoundingCode(hub.ctx)).code);
    await section.getByLabel('Nom de ce poste sur le hub (facultatif)').fill('Coordination');
    await section.getByRole('button', { name: 'Rejoindre' }).click();
    await expect(section.getByText('CASG Nord — Coordination (fondateur)')).toBeVisible();
    await expect(page.getByTestId('sync-chip')).toContainText('synchronisé');

    await section.getByLabel('Centre invité').fill('CPAS Anderlecht');
    await section.getByRole('button', { name: 'Créer une invitation' }).click();
    const code = (await section.getByTestId('hub-invitation').textContent()) ?? '';
    await signInSupervisor(other);
    await op(other, 'hub.join', { url: hub.url, code, deviceName: 'Anderlecht 1' });
    const serviceId = other.services.store.database().prepare(`SELECT id FROM services WHERE name LIKE 'CPAS%' AND (name LIKE '%Anderlecht%' OR commune LIKE '%Anderlecht%') ORDER BY id LIMIT 1`).pluck().get() as string;
    await op(other, 'directory.addNote', { serviceId, text: 'Ne décroche plus depuis 2 semaines', kind: 'unreachable' });
    await op(other, 'hub.syncNow', {});

    await section.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    const rows = section.getByRole('table').getByRole('row');
    await expect(rows.filter({ hasText: 'Anderlecht 1' })).toContainText('CPAS Anderlecht');
    await expect(rows.filter({ hasText: 'Coordination' })).toContainText('ce poste');

    const name = other.services.store.database().prepare('SELECT name FROM services WHERE id = ?').pluck().get(serviceId) as string;
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: /Rechercher un service/ }).fill(name);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('service-card');
    await expect(card.getByText('Ne décroche plus depuis 2 semaines')).toBeVisible();
    await expect(card.getByText(/CPAS Anderlecht/).first()).toBeVisible();
  } finally {
    await h.close();
    other.shutdown();
    await hub.stop();
  }
});
