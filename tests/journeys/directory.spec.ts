import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { expect, ready, test } from '../harness/fixture.ts';
import { saveByClicking } from '../harness/savedExport.ts';

// Samir's profile was made by a supervisor (issue 12: the picker no longer creates profiles).
test.use({ appOptions: { responders: [{ displayName: 'Samir', centre: 'CAW Brussel', pin: '246810' }] } });

/** The directory is for the profile on shift (issue 8): Samir picks his profile and gives his PIN. */
async function onShift(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: /^Samir/ }).click();
  await page.getByLabel('Votre code PIN').fill('246810');
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
  // Signed in before F2 or Ctrl+K (under load the key could arrive before the shift is known).
  await expect(page.getByText('De permanence : Samir — CAW Brussel')).toBeVisible();
}

test('Ctrl+K from anywhere focuses the directory search; results are keyboard-navigable and open a card', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Alt+9');
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: /Rechercher un service/ });
  await expect(box).toBeFocused();
  await box.pressSequentially('cpas schaerbeek');
  const options = page.getByRole('listbox', { name: 'Résultats' }).getByRole('option');
  await expect(options.first()).toContainText(/Schaerbeek|Schaarbeek/);
  await expect(options.first().locator('mark').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('service-card');
  await expect(card.getByRole('heading', { level: 2 })).toContainText(/Schaerbeek|Schaarbeek/);
  await expect(box).toBeFocused();
});

test('a typo without accents still finds the service, and filters show as removable chips', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: /Rechercher un service/ });
  await box.fill('samusocial');
  await expect(page.getByRole('listbox', { name: 'Résultats' }).getByRole('option').first()).toContainText(/Samu/i);
  await box.fill('epicerie sociale');
  await expect(page.getByRole('listbox', { name: 'Résultats' }).getByRole('option').first()).toBeVisible();
  await page.getByLabel('Commune desservie').selectOption('molenbeek-saint-jean');
  const chip = page.getByRole('button', { name: /Retirer le filtre Commune desservie/ });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(chip).toBeHidden();
});

test('a reachability note added on a card is shown dated and signed', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: /Rechercher un service/ }).fill('cpas anderlecht');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('service-card');
  await expect(card).toBeVisible();
  await card.getByLabel("Ajouter une note de joignabilité").fill('pas de réponse depuis 2 semaines');
  await card.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(card.getByText('pas de réponse depuis 2 semaines')).toBeVisible();
});

test('import shows the diff with rejected rows by number and applies only on confirmation', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('tab', { name: 'Importer / exporter' }).click();
  const csv = 'id;name;commune;postcode;email;themes\nnew-1;Épicerie test;Ixelles;1050;ok@example.be;food\nbad-2;Sans email valide;Ixelles;1050;pas-un-email;food\n';
  await page.getByLabel('Fichier à importer').setInputFiles({ name: 'repertoire.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const diff = page.getByTestId('import-diff');
  await expect(diff).toContainText('1 ajouté');
  await expect(diff).toContainText('1 refusé');
  await expect(diff.getByRole('row', { name: /3.*email/ })).toBeVisible();
  const before = await page.evaluate(async () => (await window.relais!.invoke('directory.get', { id: 'new-1' })).ok);
  expect(before).toBe(false);
  await diff.getByRole('button', { name: 'Appliquer 1 changement' }).click();
  await expect(diff).toContainText('1 service enregistré.');
  const after = await page.evaluate(async () => (await window.relais!.invoke('directory.get', { id: 'new-1' })).ok);
  expect(after).toBe(true);
});

test('a sheet with French headers and Belgian dates imports as it is; the preview says how each column was read', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('tab', { name: 'Importer / exporter' }).click();
  const csv = 'Identifiant;Nom;Téléphone;Commune;Thématiques;Langues;Dernière vérification;Remarque\nfed-1;Épicerie du Midi;02 000 00 01;Saint-Gilles;Aide alimentaire;"fr;nl";15/03/2025;x\nfed-2;Huurdersbond;02 000 00 02;Bruxelles;housing;nl;15.03.2025;\n';
  await page.getByLabel('Fichier à importer').setInputFiles({ name: 'federation.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const diff = page.getByTestId('import-diff');
  await expect(diff).toContainText('2 ajoutés');
  const columns = diff.getByTestId('import-columns');
  await expect(columns.getByRole('row', { name: /Téléphone.*phone/ })).toBeVisible();
  await expect(columns.getByRole('row', { name: /Dernière vérification.*last_verified/ })).toBeVisible();
  await expect(columns.getByRole('row', { name: /Remarque.*ignorée/ })).toBeVisible();
  await diff.getByRole('button', { name: 'Appliquer 2 changements' }).click();
  await expect(diff).toContainText('2 services enregistrés.');
  const verified = await page.evaluate(async () => {
    const r = await window.relais!.invoke('directory.get', { id: 'fed-1' });
    const v = r.ok ? (r.value as { service: { last_verified: string | null; languages: string[] } }) : null;
    return v ? [v.service.last_verified, v.service.languages.join(',')] : null;
  });
  expect(verified).toEqual(['2025-03-15', 'fr,nl']);
  // Exported again: main saves the file (its save dialog) and the panel says where.
  const exported = await saveByClicking(page, app.savedDir, page.getByRole('button', { name: 'CSV pour Excel (;)' }), /\.csv$/);
  await expect(page.getByText(/Enregistré dans .*\.csv/)).toBeVisible();
  expect(fs.readFileSync(exported, 'utf8')).toContain('Épicerie du Midi');
});

test('situational phrases in the caller\'s words reach the right services, with only what matched highlighted', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: /Rechercher un service/ });
  const options = page.getByRole('listbox', { name: 'Résultats' }).getByRole('option');
  const top3 = async () => (await options.allTextContents()).slice(0, 3).join(' | ');
  await box.fill('le propriétaire veut le mettre dehors');
  await expect.poll(top3).toMatch(/droit à l'habitat|Huurdersbond/);
  await box.fill('zelfmoordgedachten');
  await expect.poll(top3).toMatch(/prévention du suicide|Tele-Onthaal/);
  await box.fill('huurwaarborg');
  await expect.poll(top3).toMatch(/garantie locative/);
  await box.fill('ocmw jette');
  await expect(options.first()).toContainText('Jette');
  await expect(options.first().locator('mark', { hasText: /dette/i })).toHaveCount(0);
});

test('a result row shows opening, number with copy, recent unreachable notes and languages without opening the card', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: /Rechercher un service/ });
  const options = page.getByRole('listbox', { name: 'Résultats' }).getByRole('option');
  await box.fill('cpas de jette');
  const row = options.filter({ hasText: 'CPAS de Jette' }).first();
  await expect(row).toContainText('+32 2 555 10 20');
  await expect(row).toContainText(/Ouvert jusqu'à 12 h|Fermé · ouvre (à|demain à|\S+ à) 8 h 30/);
  await expect(row).toContainText('français et néerlandais');
  await expect(row).not.toContainText('injoignable');
  // Copying the number does not open the card.
  await row.getByRole('button', { name: 'Copier le numéro de CPAS de Jette' }).click();
  await expect(row.getByRole('button', { name: 'Copier le numéro de CPAS de Jette' })).toHaveText('Copié');
  await expect(page.getByText(/Choisissez un service dans la liste/)).toBeVisible();
  // A responder reports it unreachable from the card: the row counts it.
  await row.click();
  await page.getByPlaceholder(/pas de réponse depuis/).fill('sonne dans le vide');
  await page.getByRole('checkbox', { name: 'Service injoignable' }).check();
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await box.fill('cpas de jett');
  await box.fill('cpas de jette');
  await expect(options.filter({ hasText: 'CPAS de Jette' }).first()).toContainText('1 fois injoignable (30 j)');
});

test('during a call, a service found with Ctrl+K is referred to the call with Alt+R', async ({ app }) => {
  test.skip(app.shell !== 'harness', 'checks the call through the harness core');
  await ready(app);
  const { page } = app;
  await onShift(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('call-timer')).toBeVisible();

  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: /Rechercher un service/ }).fill('cpas ixelles');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('service-card');
  await expect(card.getByRole('heading', { level: 2 })).toContainText(/Ixelles|Elsene/);
  await page.keyboard.press('Alt+R');
  await expect(card.getByRole('status')).toHaveText("Ajouté aux orientations de l'appel en cours.");
  await card.getByRole('button', { name: /Orienter l'appelant·e vers ce service/ }).click();
  await expect(card.getByRole('status')).toHaveText('Déjà dans les orientations de cet appel.');

  const current = await app.core!.router.dispatch('calls.current', {});
  const callId = current.ok ? (current.value as { call: { id: string } }).call.id : '';
  const detail = await app.core!.router.dispatch('calls.get', { callId });
  expect(detail.ok).toBe(true);
  expect(JSON.stringify(detail.ok && detail.value)).toMatch(/Ixelles|Elsene/);
});
