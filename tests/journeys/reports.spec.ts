import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { AppCore } from '../../src/app/appCore.ts';
import { dayOf, previousMonth } from '../../src/domain/brusselsTime.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { setProfileRole } from '../../src/reports/supervisorRole.ts';
import { expect, ready, test } from '../harness/fixture.ts';
import { saveByClicking } from '../harness/savedExport.ts';
import { ensureHarnessResponders } from '../harness/supervisor.ts';

/** The PIN every test responder is given (issue 8: no profile signs in without one). */
const TEST_PIN = '246810';

// Bilans (issue 7): a supervisor opens the period report, sees the charts and the tables,
// switches to the public version and exports it (main draws the PDF with pdfkit and saves the
// file itself: its save dialog answers into the test's folder, and the window says where);
// a responder's public export is refused by main, whatever the UI shows.

async function signInAs(core: AppCore, name: string, role: 'responder' | 'supervisor'): Promise<void> {
  const db = core.services.store.database();
  seedDemoCalls(db, { calls: 900, days: 80, now: new Date(), seed: 4 });
  // Made by a supervisor (issue 12), straight in the store here.
  ensureHarnessResponders(core, [{ displayName: name, centre: 'CASG Nord', pin: TEST_PIN }]);
  const id = db.prepare('SELECT id FROM profiles WHERE display_name = ?').pluck().get(name) as string;
  if (role === 'supervisor') setProfileRole(db, id, 'supervisor');
  const signed = await core.router.dispatch('profiles.signIn', { profileId: id, secret: TEST_PIN });
  if (!signed.ok) throw new Error(signed.error.message);
}

test.describe('supervisor', () => {
  test.use({ appOptions: { seed: (core) => signInAs(core, 'Sophie', 'supervisor') } });

  test('opens the period report with charts and tables, switches to public, exports PDF and XLSX', async ({ app }) => {
    test.skip(app.shell !== 'harness', 'seeds the store through the harness core');
    await ready(app);
    const { page } = app;
    await page.keyboard.press('Alt+6');
    await expect(page.getByRole('heading', { name: 'Bilans' })).toBeVisible();
    await expect(page.getByText('Profil : Sophie (superviseur·e)')).toBeVisible();

    // It opens on the last complete month that has calls, and says so.
    const { from, to } = previousMonth(dayOf(new Date()));
    await expect(page.getByTestId('default-period')).toHaveAttribute('data-rule', 'lastMonthWithCalls');
    await expect(page.getByTestId('default-period')).toContainText('Ouvert sur le dernier mois complet qui a des appels');
    await expect(page.getByRole('textbox', { name: 'Du', exact: true })).toHaveValue(from.split('-').reverse().join('/'));
    await expect(page.getByRole('textbox', { name: 'Au', exact: true })).toHaveValue(to.split('-').reverse().join('/'));

    // Internal first: exact counts, the weekday × hour grid, charts beside the tables.
    await expect(page.locator('.report-banner')).toContainText('Usage interne');
    const themes = page.locator('[data-report-table="themes"]');
    await expect(themes.getByRole('heading', { name: 'Thématiques' })).toBeVisible();
    await expect(themes.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    await expect(themes.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(themes.getByRole('rowheader', { name: 'Aide alimentaire' })).toBeVisible();
    await expect(page.locator('[data-report-table="heatmap"] svg')).toBeVisible();
    await expect(page.locator('[data-figure="calls"] dd')).toHaveText(/^\d[\d\s\u202f]*$/);
    // Issue 17: the barometer beside its chart, the method note saying what "unreachable" means,
    // and last month compared with the month before and the same month a year earlier.
    const barometer = page.locator('[data-report-table="barometerServices"]');
    await expect(barometer.getByRole('heading', { name: 'Baromètre : services joignables ou non, par service' })).toBeVisible();
    await expect(barometer.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    await expect(barometer.getByRole('columnheader', { name: 'dont injoignable' })).toBeVisible();
    await expect(barometer.getByRole('columnheader', { name: 'Aide arrivée (suivi des rappels)' })).toBeVisible();
    await expect(page.locator('[data-report-table="barometerKinds"]')).toBeVisible();
    await expect(page.locator('.report-method')).toContainText('Baromètre : pour chaque type de service');
    await expect(page.locator('[data-comparison="calendarMonth"]')).toContainText('Comparé au mois précédent');
    await expect(page.locator('[data-comparison="calendarMonth"]')).toContainText('un an plus tôt');

    // Public: small counts hidden, no heatmap.
    await page.getByLabel('Publique (petits nombres masqués)').check();
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await expect(page.locator('.report-banner')).toContainText('Version publique');
    await expect(page.locator('[data-report-table="heatmap"]')).toHaveCount(0);
    await expect(page.locator('[data-report-table="barometerKinds"]')).toBeVisible();
    await expect(page.locator('[data-table="communeTheme"] td.hidden-cell').first()).toHaveText(/^(<10|<5|s)$/);
    await expect(page.getByRole('heading', { name: 'Note méthodologique' })).toBeVisible();

    const pdf = await saveByClicking(page, app.savedDir, page.locator('[data-export="public-pdf"]'), /^bilan-\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d-public\.pdf$/);
    const pdfBytes = fs.readFileSync(pdf);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfBytes.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(4);
    await expect(page.getByText(/Enregistré dans .*bilan-.*-public\.pdf/)).toBeVisible();

    const xlsx = await saveByClicking(page, app.savedDir, page.locator('[data-export="public-xlsx"]'), /-public\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.length).toBeGreaterThan(10);
    expect(wb.worksheets.some((w) => /usage interne/i.test(String(w.getRow(1).getCell(1).value)))).toBe(false);
  });

  test('reviews excerpts: approves one, sees it approved, withdraws it; a cleared date is said beside its field', async ({ app }) => {
    test.skip(app.shell !== 'harness', 'seeds the store through the harness core');
    await ready(app);
    const { page } = app;
    await page.keyboard.press('Alt+6');
    await page.getByRole('tab', { name: 'Extraits à citer' }).click();
    // Opens on the same period as the bilan: the calls flagged "may be quoted" in it.
    const { from } = previousMonth(dayOf(new Date()));
    await expect(page.getByRole('textbox', { name: 'Du', exact: true })).toHaveValue(from.split('-').reverse().join('/'));
    const clean = page.locator('.quote-candidate').filter({ hasText: 'Aucune donnée identifiante détectée.' }).first();
    const callId = await clean.getAttribute('data-call');
    const candidate = page.locator(`.quote-candidate[data-call="${callId}"]`);
    await candidate.getByLabel('Extrait anonymisé').fill('Personne ne m\'avait dit que j\'y avais droit.');
    await candidate.getByRole('button', { name: 'Approuver l\'extrait' }).click();
    // Main announces the change; the list is asked again without any reload by the screen.
    await expect(candidate.locator('.quote-approved')).toContainText('Personne ne m\'avait dit que j\'y avais droit.');
    await expect(candidate.locator('.quote-approved')).toContainText('Approuvé par Sophie');
    await candidate.getByRole('button', { name: 'Retirer' }).click();
    await expect(candidate.locator('.quote-approved')).toHaveCount(0);

    // The period is checked against the operation's schema: an emptied date says so beside it.
    await page.getByRole('textbox', { name: 'Du', exact: true }).fill('');
    await expect(page.locator('.quotes-review .field-error')).toHaveText('à remplir');
  });
});

test.describe('responder', () => {
  test.use({ appOptions: { seed: (core) => signInAs(core, 'Rachid', 'responder') } });

  test('sees the internal report and the shift summary; a public export is refused by main', async ({ app }) => {
    test.skip(app.shell !== 'harness', 'seeds the store through the harness core');
    await ready(app);
    const { page } = app;
    await page.keyboard.press('Alt+6');
    await expect(page.getByText('Profil : Rachid (répondant·e)')).toBeVisible();
    await expect(page.locator('[data-report-table="themes"]')).toBeVisible();
    // The UI says so…
    await expect(page.locator('[data-export="public-pdf"]')).toBeDisabled();
    await expect(page.getByText('Réservé aux superviseur·es.')).toBeVisible();
    // …and main refuses it anyway, whoever asks.
    const refused = await page.evaluate(() => window.relais!.invoke('reports.exportPublic', { from: '2026-01-01', to: '2026-01-31', format: 'csv' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    const quotes = await page.evaluate(() => window.relais!.invoke('reports.quotes.list', { from: '2026-01-01', to: '2026-01-31' }));
    expect(quotes).toMatchObject({ ok: false, error: { code: 'Forbidden' } });

    // The internal CSV is theirs to take to the debriefing.
    const csv = await saveByClicking(page, app.savedDir, page.locator('[data-export="internal-csv-semicolon"]'), /-interne\.csv$/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.split('\r\n')[0]).toContain('Usage interne');

    await page.getByRole('tab', { name: 'Synthèse de permanence' }).click();
    await expect(page.getByText('Usage interne — synthèse pour le débriefing, jamais publiée.')).toBeVisible();
    await page.getByLabel('Note pour l\'équipe suivante').fill('Le CPAS de Forest ne décroche plus depuis lundi.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect(page.locator('[data-handover]')).toContainText('Rachid');
    await page.getByLabel('Note pour l\'équipe suivante').fill('Rappeler au 0470 12 34 56');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  });

  test('prints the shift summary without the app around it', async ({ app }) => {
    test.skip(app.shell !== 'harness', 'seeds the store through the harness core');
    await ready(app);
    const { page } = app;
    await page.keyboard.press('Alt+6');
    await page.getByRole('tab', { name: 'Synthèse de permanence' }).click();
    const summary = page.getByText('Usage interne — synthèse pour le débriefing, jamais publiée.');
    await expect(summary).toBeVisible();
    const frame = [page.locator('.sidenav'), page.locator('.topbar'), page.getByRole('tablist'), page.getByRole('button', { name: 'Ajouter la note' }), page.getByRole('button', { name: 'Imprimer' })];
    for (const part of frame) await expect(part).toBeVisible();
    // What the printer gets (Ctrl+P or the Print button): the summary, without navigation or controls.
    await page.emulateMedia({ media: 'print' });
    await expect(summary).toBeVisible();
    await expect(page.locator('[data-handover]').or(page.getByText('Aucune note de passation pour ce jour.'))).toBeVisible();
    for (const part of frame) await expect(part).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.sidenav')).toBeVisible();
  });
});
