import type { Page } from '@playwright/test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { expect, ready, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';

// The call console (issue 5): a whole call from F2 to the closed record, the crash/restart
// journey, and the autosave indicator that says "saved" only after main committed.

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

const PIN = '246810';
// Profiles are made by a supervisor (issue 12): these exist before the journeys start.
const RESPONDERS = [
  { displayName: 'Marie', centre: 'CASG Nord', pin: PIN },
  { displayName: 'Tom', centre: 'CAW Brussel', pin: PIN },
];
test.use({ appOptions: { responders: RESPONDERS } });

/** Picks the responder profile at the start of the shift, and gives the PIN. */
async function startShift(page: Page, name = 'Marie', centre = 'CASG Nord'): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).first().click();
  await page.getByLabel('Votre code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
  await expect(page.getByText(`De permanence : ${name} — ${centre}`)).toBeVisible();
}

test('a whole call: F2 from anywhere, timed notes with the anonymity guard, themes, a referral from the directory, end and close', async ({ app }) => {
  test.skip(app.shell !== 'harness', 'checks the store through the harness core');
  await ready(app);
  const { page } = app;
  const core = app.core as AppCore;
  await startShift(page);

  // F1 lists the console's shortcuts, from the registry.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help.getByText('Prendre un appel (depuis n\'importe où)')).toBeVisible();
  await expect(help.getByText('Mettre en attente / reprendre l\'appel')).toBeVisible();
  await page.keyboard.press('Escape');

  // From another screen, one key starts the call and lands in the note composer.
  await page.keyboard.press('Alt+9');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('call-timer')).toHaveText(/^\d\d:\d\d$/);
  const composer = page.getByTestId('note-composer');
  await expect(composer).toBeFocused();

  await composer.pressSequentially('Madame appelle pour un colis alimentaire.');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-entry')).toHaveCount(1);
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue('');
  await expect(page.getByTestId('note-entry').first().getByRole('textbox')).toHaveValue('Madame appelle pour un colis alimentaire.');
  await expect(page.getByTestId('note-entry').first().getByRole('textbox')).toHaveAccessibleName(/^Entrée de \d\d:\d\d \(\d\d:\d\d\)$/);

  // The anonymity guard flags a phone number as it is typed; one click redacts it.
  await composer.pressSequentially('Elle voulait laisser son gsm 0470 12 34 56');
  await expect(page.getByText('1 donnée identifiante possible')).toBeVisible();
  await expect(page.getByText('Numéro de téléphone')).toBeVisible();
  await page.getByRole('button', { name: 'Masquer', exact: true }).click();
  await expect(composer).toHaveValue('Elle voulait laisser son gsm [téléphone masqué]');
  await expect(composer, 'the keyboard goes back to the text after a redaction').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-entry')).toHaveCount(2);

  // Themes and intervention by keyboard.
  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('checkbox', { name: 'Aide alimentaire' })).toBeFocused().catch(() => {});
  await page.getByRole('checkbox', { name: 'Aide alimentaire' }).check();
  await page.keyboard.press('Alt+I');
  await page.getByRole('checkbox', { name: /Orientation spécifique/ }).check();
  await page.getByLabel('Commune').selectOption('schaerbeek');

  // A referral from the directory, searched inline without leaving the call.
  await page.keyboard.press('Alt+D');
  const search = page.getByRole('combobox', { name: /Chercher dans le répertoire/ });
  await expect(search).toBeFocused();
  await search.pressSequentially('aide alimentaire');
  const options = page.getByRole('listbox', { name: 'Services trouvés' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  const serviceName = (await options.first().textContent())?.trim() ?? '';
  await page.keyboard.press('Enter');
  const referral = page.getByTestId('referral');
  await expect(referral).toHaveCount(1);
  await expect(referral).toContainText(serviceName);
  await referral.getByLabel('Contacté pour l\'appelant·e').check();
  // Issue 16: phoning a service on the caller's behalf needs their oral consent, ticked.
  await referral.getByLabel(/Accord oral de l'appelant·e/).check();
  await referral.getByLabel('Résultat').selectOption('appointment');
  await expect(page.getByTestId('save-indicator')).toHaveAttribute('data-state', 'saved');

  // End (F4): the duration is recorded; the keyboard lands on "close the record".
  await page.keyboard.press('F4');
  await expect(page.getByText(/^Appel terminé — \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Clôturer la fiche/ })).toBeFocused();
  await page.keyboard.press('Alt+C');
  await expect(page.getByText(/^Fiche clôturée : appel de/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Prendre un appel/ })).toBeFocused();

  const list = await op(core, 'calls.list', {});
  expect(list.total).toBe(1);
  const saved = await op(core, 'calls.get', { callId: list.calls[0]!.id });
  expect(saved.status).toBe('closed');
  expect(saved.durationMs).not.toBeNull();
  expect(saved.record.themes).toEqual(['food']);
  expect(saved.record.interventions).toEqual(['referral']);
  expect(saved.record.commune).toBe('schaerbeek');
  expect(saved.record.referrals).toEqual([{ serviceId: expect.any(String), serviceName, contacted: true, consent: true, outcome: 'appointment' }]);
  expect(saved.notes.map((n) => n.text)).toEqual(['Madame appelle pour un colis alimentaire.', 'Elle voulait laisser son gsm [téléphone masqué]']);
  expect(saved.responderName).toBe('Marie');

  // The history shows it and finds it by its notes.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Historique des appels' })).toBeVisible();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.keyboard.press('Alt+S');
  await page.keyboard.type('colis');
  await expect(page.getByTestId('history-row')).toContainText('colis alimentaire');
  await page.keyboard.type('xyz');
  await expect(page.getByTestId('history-row')).toHaveCount(0);
});

test('F2 before anyone is on shift: pick the profile, the call starts right away', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
  await page.getByRole('button', { name: /^Tom/ }).click();
  await page.getByLabel('Votre code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
  await expect(page.getByTestId('call-timer')).toBeVisible();
  await expect(page.getByTestId('note-composer')).toBeFocused();
  // Alt+X redacts what the guard flagged in the focused field.
  await page.keyboard.type('écrire à tom.dupont@example.be ou rue Haute 12');
  await expect(page.getByText('2 données identifiantes possibles')).toBeVisible();
  await page.keyboard.press('Alt+X');
  await expect(page.getByTestId('note-composer')).toHaveValue('écrire à [e-mail masqué] ou [adresse masquée]');
  await expect(page.getByTestId('note-composer')).toBeFocused();
});

test('crash and restart mid-call: the call reopens with its notes and its timer state', async ({ shell, harnessBrowser }) => {
  test.skip(shell !== 'harness', 'needs two harness apps on one data folder');
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const browser = await harnessBrowser();
  const first = await openHarnessApp(browser, { clock, responders: RESPONDERS });
  let second: Awaited<ReturnType<typeof openHarnessApp>> | null = null;
  try {
    await ready({ ...first, shell: 'harness', core: first.core, events: first.events });
    const page1 = first.page;
    await startShift(page1);
    await page1.keyboard.press('F2');
    const timer1 = page1.getByTestId('call-timer');
    await expect(timer1).toHaveText('00:00');
    clock.advance(4 * 60_000 + 12_000);
    await expect(timer1).toHaveText('04:12');
    // The running call stays in view from any screen: its timer beside "Console d'appel".
    await page1.keyboard.press('Alt+5');
    await expect(page1.getByTestId('active-call-badge')).toHaveText(/^04:12/);
    await page1.keyboard.press('Alt+2');
    await page1.getByTestId('note-composer').pressSequentially('Monsieur, expulsion prévue lundi');
    await page1.keyboard.press('Enter');
    await page1.getByTestId('note-composer').pressSequentially('cherche un hébergement');
    await expect(page1.getByTestId('save-indicator')).toHaveAttribute('data-state', 'saved');
    await page1.keyboard.press('F3');
    await expect(page1.getByText('En attente', { exact: true })).toBeVisible();
    clock.advance(30_000);

    // The crash: the window and the core vanish without any shutdown (no close, no checkpoint).
    await first.context.close();

    second = await openHarnessApp(browser, { dataDir: first.dataDir, store: 'open', clock });
    const page2 = second.page;
    await ready({ ...second, shell: 'harness', core: second.core, events: second.events });
    await page2.keyboard.press('Alt+2');
    // The last responder comes first: Enter, the PIN and Enter get back to the call.
    await expect(page2.getByRole('button', { name: /^Marie/ })).toBeFocused();
    await page2.keyboard.press('Enter');
    await expect(page2.getByLabel('Votre code PIN')).toBeFocused();
    await expect(page2.getByLabel('Votre code PIN')).toHaveAttribute('type', 'password');
    await expect(page2.getByLabel('Votre code PIN')).toHaveAttribute('inputmode', 'numeric');
    await page2.keyboard.type(PIN);
    await page2.keyboard.press('Enter');
    await expect(page2.getByText('Appel repris après une interruption : les notes et la minuterie ont été restaurées.')).toBeVisible();
    const timer2 = page2.getByTestId('call-timer');
    await expect(timer2).toHaveText('04:12');
    await expect(page2.getByText('En attente', { exact: true })).toBeVisible();
    const entries = page2.getByTestId('note-entry').getByRole('textbox');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toHaveValue('Monsieur, expulsion prévue lundi');
    await expect(entries.nth(1)).toHaveValue('cherche un hébergement');

    // The call goes on where it was.
    await page2.keyboard.press('F3');
    clock.advance(60_000);
    await expect(timer2).toHaveText('05:12');
    await page2.keyboard.press('F4');
    await expect(page2.getByText('Appel terminé — 05:12')).toBeVisible();
  } finally {
    if (second) await second.close();
    first.core.shutdown();
  }
});

test('the autosave indicator says "saved" only once main has committed the note', async ({ app }) => {
  test.skip(app.shell !== 'harness', 'holds commits inside the harness core');
  await ready(app);
  const { page } = app;
  const core = app.core as AppCore;
  await startShift(page);
  await page.keyboard.press('F2');
  const composer = page.getByTestId('note-composer');
  await expect(composer).toBeFocused();
  const indicator = page.getByTestId('save-indicator');

  // Hold every note commit in main until released.
  const dispatch = core.router.dispatch.bind(core.router);
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  core.router.dispatch = async (name, input) => {
    if (name === 'calls.addNote' || name === 'calls.updateNote') await gate;
    return dispatch(name, input);
  };
  try {
    await composer.pressSequentially('Appel pour une facture d’énergie');
    await expect(indicator).toHaveAttribute('data-state', 'saving');
    await expect(indicator).toHaveText('Enregistrement…');
    await page.waitForTimeout(800);
    await expect(indicator).toHaveAttribute('data-state', 'saving');
    const callId = (await op(core, 'calls.current', {})).call!.id;
    expect((await op(core, 'calls.get', { callId })).notes).toEqual([]);

    release();
    await expect(indicator).toHaveAttribute('data-state', 'saved');
    await expect(indicator).toHaveText(/^Enregistré à \d\d:\d\d:\d\d$/);
    expect((await op(core, 'calls.get', { callId })).notes.map((n) => n.text)).toEqual(['Appel pour une facture d’énergie']);
    await expect(composer).toBeFocused();
  } finally {
    release();
    core.router.dispatch = dispatch;
  }
});

test('closing needs themes and an intervention; the "to finish" list and reopening a call of the shift', async ({ app }) => {
  test.skip(app.shell !== 'harness', 'checks the store through the harness core');
  await ready(app);
  const { page } = app;
  const core = app.core as AppCore;
  await startShift(page);
  await page.keyboard.press('F2');
  await page.getByTestId('note-composer').pressSequentially('Écoute, solitude');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F4');
  await page.keyboard.press('Alt+C');
  await expect(page.getByText('Choisissez au moins un thème.')).toBeVisible();
  await expect(page.getByText('Choisissez au moins une intervention.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Aide alimentaire' })).toBeFocused();

  // Left unfinished: it waits in the "to finish" list.
  await page.getByRole('button', { name: 'Revenir à l\'accueil de la console' }).click();
  await expect(page.getByRole('heading', { name: '1 fiche à finaliser' })).toBeVisible();
  await page.getByRole('button', { name: /^Compléter l'appel du/ }).click();
  await page.getByRole('checkbox', { name: 'Santé mentale et écoute' }).check();
  await page.getByRole('checkbox', { name: /Écoute, soutien/ }).check();
  await page.keyboard.press('Alt+C');
  await expect(page.getByText(/^Fiche clôturée/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /à finaliser/ })).toHaveCount(0);

  // Reopen from the history (current shift), complete, close again.
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Rouvrir' }).click();
  await expect(page.getByText('Fiche rouverte : complétez-la puis clôturez-la à nouveau.')).toBeVisible();
  await page.getByLabel('Besoin non rencontré').fill('pas de service d\'écoute le soir');
  await page.keyboard.press('Alt+C');
  await expect(page.getByText(/^Fiche clôturée/)).toBeVisible();
  const [c] = (await op(core, 'calls.list', {})).calls;
  expect((await op(core, 'calls.get', { callId: c!.id })).record.unmetNeed).toBe('pas de service d\'écoute le soir');
});
