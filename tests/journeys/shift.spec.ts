import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { ensureHarnessResponders } from '../harness/supervisor.ts';

// The responder's shift (issue 16), in French: the home board that runs the shift.

test.skip(({ shell }) => shell !== 'harness', 'fake time drives the harness core');

const PIN = '246810';
// Profiles are made by a supervisor (issue 12): these exist before the journeys start.
const RESPONDERS = [
  { displayName: 'Marie', centre: 'CASG Nord', pin: PIN },
  { displayName: 'Tom', centre: 'CAW Brussel', pin: PIN },
];

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

test('home board: sign in, on shift until 17:00, callbacks due (Enter opens one), a record to finish, the handover, directory changes, F2', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-13T10:00:00.000Z'); // Friday 11:00, Brussels
  const h = await openHarnessApp(await harnessBrowser(), {
    clock,
    responders: RESPONDERS,
    seed: async (core) => {
      ensureHarnessResponders(core, RESPONDERS);
      const tom = (await op(core, 'profiles.list', {})).profiles.find((p) => p.displayName === 'Tom')!;
      await op(core, 'profiles.signIn', { profileId: tom.id, secret: PIN });
      const call = await op(core, 'calls.start', {});
      await op(core, 'calls.closeWithoutRequest', { callId: call.id, kind: 'test' });
      await op(core, 'callbacks.schedule', { callId: call.id, consent: true, phone: '0470 12 34 56', window: { date: '2026-03-16', from: '09:30' }, language: 'fr', reason: 'Vérifier que le CPAS a bien rappelé Madame pour le RIS', assignTo: 'team' });
      await op(core, 'reports.handover.add', { text: 'Le CPAS de Forest ne répond plus le matin.' });
      const services = (await op(core, 'directory.search', { query: 'CPAS', limit: 1 })).results;
      await op(core, 'directory.addNote', { serviceId: services[0]!.id, text: 'Plus de réponse depuis deux semaines.' });
      await op(core, 'profiles.signOut', {});
      clock.set('2026-03-16T09:00:00.000Z'); // Monday 10:00
    },
  });
  const { page } = h;
  await expect(page.locator('.shell')).toBeVisible();
  // Before anyone is on shift, home is where the shift starts.
  await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
  await page.getByRole('button', { name: /^Marie/ }).click();
  await page.getByLabel('Votre code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Permanence de Marie (CASG Nord)' })).toBeVisible();
  await expect(page.getByTestId('home-line')).toHaveText('La ligne est ouverte jusqu\'à 17:00.');
  await expect(page.getByRole('heading', { name: 'Rappel à faire maintenant ou en retard : 1' })).toBeVisible();
  await expect(page.getByTestId('home-callbacks')).toContainText('Vérifier que le CPAS a bien rappelé Madame pour le RIS');
  await expect(page.getByTestId('home-handover')).toContainText('Le CPAS de Forest ne répond plus le matin.');
  await expect(page.getByTestId('home-handover')).toContainText('Tom, à 11:00');
  await expect(page.getByTestId('home-reachability')).toContainText('Plus de réponse depuis deux semaines.');
  await expect(page.getByText('Toutes vos fiches d\'appel sont finalisées.')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('au fur et à mesure');

  // F2 takes a call; ended but not closed, it is a record to finish on the board.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('note-composer')).toBeFocused();
  clock.advance(3 * 60_000);
  await page.keyboard.press('F4');
  await expect(page.getByRole('button', { name: /Clôturer la fiche/ })).toBeFocused();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: /à finaliser/ })).toBeVisible();
  await page.locator('.to-finish li button').first().click();
  await expect(page.locator('.call[data-status="ended"]')).toBeVisible();

  // Enter on a callback of the board opens it in the callbacks screen.
  await page.keyboard.press('Alt+1');
  await page.getByTestId('home-callbacks').getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('Vérifier que le CPAS a bien rappelé Madame pour le RIS');
  await page.screenshot({ path: test.info().outputPath('callback.png') });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+1');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath('home.png') });
  await h.close();
});

async function signIn(page: import('@playwright/test').Page, name = 'Marie'): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByLabel('Votre code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Permanence de ${name}`) })).toBeVisible();
}

/** F2 takes a call, F8 says it is out of scope: the "looked for" question has the focus. */
async function takeCallOutOfScope(page: import('@playwright/test').Page) {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('note-composer')).toBeFocused();
  await page.keyboard.press('F8');
  const whom = page.getByLabel(/Qui la personne cherchait-elle/);
  await expect(whom).toBeFocused();
  return whom;
}

test('calls without a request: one key each, no theme nor intervention, counted apart', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const h = await openHarnessApp(await harnessBrowser(), { clock, responders: RESPONDERS });
  const { page, core } = h;
  await signIn(page);
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help.getByText('Clôturer : silence / raccroché')).toBeVisible();
  await expect(help.getByText('Clôturer : hors champ (qui cherchait-on ?)')).toBeVisible();
  await page.keyboard.press('Escape');

  // A silence: F2, then F6 closes it at once.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('note-composer')).toBeFocused();
  clock.advance(20_000);
  await page.keyboard.press('F6');
  await expect(page.getByText(/^Appel clôturé sans demande \(Silence \/ raccroché\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Prendre un appel/ })).toBeFocused();

  // The mutuelle's customer: out of scope, with whom they were looking for.
  const whom = await takeCallOutOfScope(page);
  await whom.fill('sa mutuelle');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Appel clôturé sans demande \(Hors champ\)/)).toBeVisible();

  const calls = (await op(core as AppCore, 'calls.list', {})).calls;
  expect(calls.map((c) => [c.noRequest, c.status, c.themes.length])).toEqual([
    ['out_of_scope', 'closed', 0],
    ['silent', 'closed', 0],
  ]);
  const stored = await op(core as AppCore, 'calls.get', { callId: calls[0]!.id });
  expect(stored.record.lookedFor).toBe('sa mutuelle');
  // History shows the kind instead of themes, and a click on the row opens its call.
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Toutes les dates' }).click();
  const first = page.getByTestId('history-row').first();
  await expect(first).toContainText('Hors champ');
  await first.locator('td').first().click();
  await expect(page.locator(`.call[data-call-id="${calls[0]!.id}"]`)).toBeVisible();
  await h.close();
});

test('the "looked for" answer is checked by the contract\'s schema: refused under its field in words, the call stays open until it is fixed', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const h = await openHarnessApp(await harnessBrowser(), { clock, responders: RESPONDERS });
  const { page, core } = h;
  await signIn(page);
  const whom = await takeCallOutOfScope(page);
  // A control character (pasted from elsewhere) is refused here, not by main.
  await whom.fill('sa\u0007mutuelle');
  await page.keyboard.press('Enter');
  await expect(page.locator('.looked-for .field-error')).toHaveText('format non reconnu');
  await expect(whom).toHaveAttribute('aria-invalid', 'true');
  expect((await op(core as AppCore, 'calls.list', {})).calls.map((c) => c.status)).toEqual(['active']);
  await whom.fill('sa mutuelle');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Appel clôturé sans demande \(Hors champ\)/)).toBeVisible();
  const [closed] = (await op(core as AppCore, 'calls.list', {})).calls;
  expect((await op(core as AppCore, 'calls.get', { callId: closed!.id })).record.lookedFor).toBe('sa mutuelle');
  await h.close();
});

test('the report\'s fields: contact with social aid, non-take-up, to debrief, oral consent required on a service phoned for the caller', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const h = await openHarnessApp(await harnessBrowser(), { clock, responders: RESPONDERS });
  const { page, core } = h;
  await signIn(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('note-composer')).toBeFocused();
  await page.getByRole('checkbox', { name: 'Aide alimentaire' }).check();
  await page.getByRole('checkbox', { name: /Orientation spécifique/ }).check();
  await page.keyboard.press('Alt+D');
  await page.getByRole('combobox', { name: /Chercher dans le répertoire/ }).pressSequentially('aide alimentaire');
  await expect(page.getByRole('listbox', { name: 'Services trouvés' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  const referral = page.getByTestId('referral');
  await referral.getByLabel('Contacté pour l\'appelant·e').check();
  await page.getByText('Plus de détails').click();
  await page.getByLabel('En lien avec l\'aide sociale avant cet appel ?').selectOption('never');
  await page.getByRole('checkbox', { name: 'Non-connaissance' }).check();
  await page.getByRole('checkbox', { name: 'Non-proposition' }).check();
  await page.getByRole('checkbox', { name: 'À débriefer en équipe' }).check();
  await page.getByLabel('Pourquoi (court, sans donnée identifiante)').fill('Expulsion imminente, aucun service disponible');
  await page.keyboard.press('F4');
  await page.keyboard.press('Alt+C');
  // No consent ticked: the record is not closed, the consent box says why.
  await expect(page.getByText('Cochez l\'accord oral de l\'appelant·e avant de contacter un service pour elle ou lui.')).toBeVisible();
  await referral.getByLabel(/Accord oral de l'appelant·e/).check();
  await page.keyboard.press('Alt+C');
  await expect(page.getByText(/^Fiche clôturée/)).toBeVisible();
  const id = (await op(core as AppCore, 'calls.list', {})).calls[0]!.id;
  const rec = (await op(core as AppCore, 'calls.get', { callId: id })).record;
  expect([rec.socialAidContact, rec.barriers, rec.debrief, rec.debriefReason, rec.referrals[0]!.consent]).toEqual(['never', ['non_knowledge', 'non_proposal'], true, 'Expulsion imminente, aucun service disponible', true]);
  await h.close();
});

test('crisis panel: Alt+U from anywhere (listed in F1), the directory\'s crisis lines with hours; without any, how to add one', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const h = await openHarnessApp(await harnessBrowser(), { clock, responders: RESPONDERS });
  const { page, core } = h;
  await signIn(page);
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier' }).getByText('Lignes d\'urgence et d\'écoute')).toBeVisible();
  await page.keyboard.press('Escape');
  // Mid-call too.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('note-composer')).toBeFocused();
  // Point 7: the timer is neutral at 00:00 and turns amber only past the configured length (30 min by default);
  // the badge never pushes "Alt+2" out of the sidebar.
  const badge = page.getByTestId('active-call-badge');
  await expect(badge).toHaveAttribute('data-length', 'normal');
  const nav = await page.locator('nav.sidenav').boundingBox();
  const kbd = await page.locator('nav.sidenav button[data-screen="console"] kbd').boundingBox();
  expect(kbd!.x + kbd!.width).toBeLessThanOrEqual(nav!.x + nav!.width);
  clock.advance(31 * 60_000);
  await expect(badge).toHaveAttribute('data-length', 'long');
  await page.keyboard.press('Alt+U');
  const panel = page.getByRole('dialog', { name: 'Lignes d\'urgence et d\'écoute' });
  await expect(panel).toBeVisible();
  const lines = panel.getByTestId('crisis-lines');
  for (const n of ['112', '101', '107', '106', '103', '0800 32 123', '0800 30 030']) await expect(lines.getByText(n, { exact: true })).toBeVisible();
  await expect(lines).toContainText('Télé-Accueil');
  await expect(lines).toContainText('Horaire : 24 h/24, 7 j/7');
  await page.screenshot({ path: test.info().outputPath('crisis.png') });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // A directory without crisis lines: the panel says how to add one.
  (core as AppCore).services.store.database().prepare('UPDATE services SET crisis = 0').run();
  await page.keyboard.press('Alt+U');
  await expect(page.getByTestId('crisis-empty')).toContainText('colonne « crisis »');
  await h.close();
});
