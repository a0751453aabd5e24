import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { profilesRepository } from '../../src/profiles/profilesRepository.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { saveByClicking } from '../harness/savedExport.ts';

// Access on shared PCs (issue 8): the idle lock with a call in progress and the PIN that opens
// it again, the growing delay after wrong PINs, a responder's public export refused by main,
// and the retention dry run then apply on seeded data.

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

const PIN = '246810';

/** First supervisor, then Marie (responder, PIN) signed in. */
async function responderSignedIn(core: AppCore): Promise<void> {
  await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
  const marie = await op(core, 'profiles.admin.create', { displayName: 'Marie', centre: 'CASG Nord', pin: PIN });
  await op(core, 'profiles.signOut', {});
  await op(core, 'profiles.signIn', { profileId: marie.id, secret: PIN });
}

test('idle lock with a call in progress: the screen locks, the timer keeps running in main; the PIN unlocks and the call and its notes are intact', async ({ harnessBrowser }) => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const h = await openHarnessApp(await harnessBrowser(), { clock, idleLock: true, seed: responderSignedIn });
  try {
    const { page, core } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByText('De permanence : Marie — CASG Nord')).toBeVisible();
    await page.keyboard.press('F2');
    const composer = page.getByTestId('note-composer');
    await expect(composer).toBeFocused();
    await composer.pressSequentially('Demande de colis alimentaire.');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('note-entry')).toHaveCount(1);
    const callId = (await op(core, 'calls.current', {})).call!.id;

    clock.advance(6 * 60_000);
    core.tick();
    await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
    await expect(page.locator('.shell')).toHaveCount(0);
    expect((await page.evaluate((id) => window.relais!.invoke('calls.get', { callId: id }), callId)) as unknown).toMatchObject({ ok: false, error: { code: 'Locked' } });

    clock.advance(4 * 60_000);
    await page.getByLabel('Code PIN (ou phrase de passe)').fill(PIN);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect(page.locator('.shell')).toBeVisible();
    const call = await op(core, 'calls.get', { callId });
    expect(call.status).toBe('active');
    expect(call.timer.elapsedMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(call.notes.map((n) => n.text)).toEqual(['Demande de colis alimentaire.']);
  } finally {
    await h.close();
  }
});

test('wrong PINs: after 5 the next try waits, the wait is shown and enforced in main; the right PIN opens after it', async ({ harnessBrowser }) => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const h = await openHarnessApp(await harnessBrowser(), { clock, idleLock: true, seed: responderSignedIn });
  try {
    const { page, core } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await op(core, 'access.lock', {});
    const pin = page.getByLabel('Code PIN (ou phrase de passe)');
    for (let i = 1; i <= 4; i++) {
      await pin.fill('000000');
      await page.getByRole('button', { name: 'Déverrouiller' }).click();
      await expect(page.getByTestId('lock-message')).toHaveText(`Code incorrect (${i} erreur(s) de suite).`);
    }
    await pin.fill('000000');
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect(page.getByTestId('lock-message')).toHaveText('Trop d\'essais incorrects : réessayez dans 30 s.');
    await pin.fill(PIN);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect(page.getByTestId('lock-message')).toHaveText('Trop d\'essais incorrects : réessayez dans 30 s.');
    clock.advance(31_000);
    await pin.fill(PIN);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await expect(page.locator('.shell')).toBeVisible();
  } finally {
    await h.close();
  }
});

test('a responder asking main for a public report export is refused (Forbidden), and nothing is audited as exported', async ({ harnessBrowser }) => {
  const h = await openHarnessApp(await harnessBrowser(), { seed: responderSignedIn });
  try {
    const refused = await h.page.evaluate(() => window.relais!.invoke('reports.exportPublic', { from: '2026-01-01', to: '2026-01-31', format: 'csv' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    const audit = await h.page.evaluate(() => window.relais!.invoke('audit.list', {}));
    expect(audit).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  } finally {
    await h.close();
  }
});

test('retention: a supervisor previews (dry run, nothing changed) then applies the purge on seeded data; old notes go, statistics stay', async ({ harnessBrowser }) => {
  const now = new Date('2026-03-02T12:00:00Z');
  const clock = new ManualClock(now);
  const h = await openHarnessApp(await harnessBrowser(), {
    clock,
    seed: async (core) => {
      seedDemoCalls(core.services.store.database(), { calls: 200, days: 1000, now, seed: 3 });
      await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
    },
  });
  try {
    const { page, core } = h;
    const db = core.services.store.database();
    const notes = () => db.prepare('SELECT count(*) FROM call_notes').pluck().get() as number;
    const calls = db.prepare('SELECT count(*) FROM calls').pluck().get();
    const before = notes();
    const preview = (await page.evaluate(() => window.relais!.invoke('retention.preview', {}))) as { ok: true; value: OutputOf<'retention.preview'> };
    const step = preview.value.steps.find((s) => s.step === 'calls.notes')!;
    expect(step.count).toBeGreaterThan(0);
    expect(notes()).toBe(before);
    const applied = (await page.evaluate(() => window.relais!.invoke('retention.apply', {}))) as { ok: true; value: OutputOf<'retention.apply'> };
    expect(applied.value.steps.find((s) => s.step === 'calls.notes')!.count).toBe(step.count);
    expect(notes()).toBeLessThan(before);
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(calls);
    expect(db.prepare(`SELECT count(*) FROM call_notes n JOIN calls c ON c.id = n.call_id WHERE c.started_at < '2024-03-02'`).pluck().get()).toBe(0);
    const audit = await op(core, 'audit.list', {});
    expect(audit.entries.find((e) => e.action === 'purge.apply')).toMatchObject({ actor: 'Sophie', role: 'supervisor' });
  } finally {
    await h.close();
  }
});

test('shift sign-in asks for the PIN; a profile made before PINs chooses one (twice the same, 6 digits or more) and never signs in without it', async ({ harnessBrowser }) => {
  const h = await openHarnessApp(await harnessBrowser(), {
    seed: async (core) => {
      profilesRepository(core.services.store.database()).create({ displayName: 'Ancien', centre: 'CASG Nord' }, new Date('2026-01-05T09:00:00Z'));
    },
  });
  try {
    const { page, core } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: /^Ancien/ }).click();
    await expect(page.getByText('Ce profil n\'a pas encore de code PIN')).toBeVisible();
    const newPin = page.getByLabel('Nouveau code PIN (6 chiffres ou plus)');
    await expect(newPin).toBeFocused();
    await expect(newPin).toHaveAttribute('type', 'password');
    await expect(newPin).toHaveAttribute('inputmode', 'numeric');
    await expect(newPin).toHaveAttribute('autocomplete', 'off');
    await newPin.fill('12345');
    await page.getByLabel('Confirmez le code PIN').fill('12345');
    await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Le code PIN compte 6 à 12 chiffres.');
    await newPin.fill(PIN);
    await page.getByLabel('Confirmez le code PIN').fill('246811');
    await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Les deux codes PIN ne sont pas identiques.');
    expect((await op(core, 'profiles.current', {})).profile).toBeNull();
    await newPin.fill(PIN);
    await page.getByLabel('Confirmez le code PIN').fill(PIN);
    await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
    await expect(page.getByText('De permanence : Ancien — CASG Nord')).toBeVisible();

    // Next shift: the PIN is asked, a wrong one refused by main.
    await page.getByRole('button', { name: 'Fin de permanence' }).click();
    await page.getByRole('button', { name: /^Ancien/ }).click();
    await page.getByLabel('Votre code PIN').fill('000000');
    await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect((await op(core, 'profiles.current', {})).profile).toBeNull();
    await page.getByLabel('Votre code PIN').fill(PIN);
    await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
    await expect(page.getByText('De permanence : Ancien — CASG Nord')).toBeVisible();
  } finally {
    await h.close();
  }
});

test('an open store without any supervisor asks for the first one before anything else; the supervisor is then on shift', async ({ harnessBrowser }) => {
  const h = await openHarnessApp(await harnessBrowser(), { supervisor: false });
  try {
    const { page, core } = h;
    await expect(page.getByRole('heading', { name: 'Premier·e superviseur·e' })).toBeVisible();
    await expect(page.locator('.shell')).toHaveCount(0);
    await page.keyboard.press('Alt+2');
    await expect(page.locator('.shell')).toHaveCount(0);
    await page.getByLabel('Nom affiché').fill('Sophie');
    await page.getByLabel('Centre partenaire').fill('CASG Nord');
    await page.getByLabel('Phrase de passe de supervision').fill('supervisor passphrase');
    await page.getByLabel('Répétez la phrase de passe').fill('supervisor passphrase');
    await page.keyboard.press('Enter');
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByText('De permanence : Sophie — CASG Nord')).toBeVisible();
    const audit = await op(core, 'audit.list', {});
    expect(audit.entries.map((e) => e.action)).toContain('profile.first_supervisor');
  } finally {
    await h.close();
  }
});

test('administration (Alt+7): a supervisor creates a responder with a PIN, resets it, disables and enables them, previews then applies the purge, reads and exports the audit log; a responder sees it is reserved', async ({ harnessBrowser }) => {
  const now = new Date('2026-03-02T12:00:00Z');
  const h = await openHarnessApp(await harnessBrowser(), {
    clock: new ManualClock(now),
    seed: async (core) => {
      seedDemoCalls(core.services.store.database(), { calls: 200, days: 1000, now, seed: 3 });
      await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
    },
  });
  try {
    const { page, core } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+7');
    await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
    const profiles = page.getByRole('region', { name: 'Profils' });
    await profiles.getByLabel('Nom affiché').fill('Nadia');
    await profiles.getByLabel('Centre partenaire').fill('CASG Nord');
    const pin = profiles.getByLabel('Code PIN (6 chiffres ou plus)');
    await expect(pin).toHaveAttribute('type', 'password');
    await expect(pin).toHaveAttribute('inputmode', 'numeric');
    await pin.fill('975310');
    await profiles.getByRole('button', { name: 'Créer le profil' }).click();
    await expect(profiles.getByRole('status')).toHaveText('Profil de Nadia créé.');
    await expect(page.getByTestId('admin-profile').filter({ hasText: 'Nadia' })).toContainText('Actif');

    await profiles.getByRole('button', { name: 'Nouveau code PIN pour Nadia' }).click();
    await profiles.getByLabel('Nouveau code PIN de Nadia (6 chiffres ou plus)').fill('864200');
    await profiles.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
    await expect(profiles.getByRole('status')).toHaveText('Nouveau code PIN enregistré pour Nadia.');
    await profiles.getByRole('button', { name: 'Désactiver Nadia' }).click();
    await expect(page.getByTestId('admin-profile').filter({ hasText: 'Nadia' })).toContainText('Désactivé');
    const nadia = (await op(core, 'profiles.admin.list', {})).profiles.find((p) => p.displayName === 'Nadia')!;
    expect((await core.router.dispatch('profiles.signIn', { profileId: nadia.id, secret: '864200' })).ok).toBe(false);
    await profiles.getByRole('button', { name: 'Réactiver Nadia' }).click();
    await expect(page.getByTestId('admin-profile').filter({ hasText: 'Nadia' })).toContainText('Actif');

    const db = core.services.store.database();
    const notes = () => db.prepare('SELECT count(*) FROM call_notes').pluck().get() as number;
    const before = notes();
    const retention = page.getByRole('region', { name: 'Conservation des notes' });
    await retention.getByRole('button', { name: 'Simuler la purge' }).click();
    await expect(page.getByTestId('purge-report')).toContainText('Simulation');
    await expect(page.getByTestId('purge-report')).toContainText('Notes libres des appels de plus de');
    expect(notes()).toBe(before);
    await retention.getByRole('button', { name: /^Appliquer la purge/ }).click();
    await expect(page.getByTestId('purge-report')).toContainText('Purge appliquée');
    expect(notes()).toBeLessThan(before);

    const audit = page.getByRole('region', { name: 'Journal d\'audit' });
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+7');
    // Sentences in the user's language, never the codes (issue 16).
    await expect(audit.getByTestId('audit-row').filter({ has: page.locator('[data-action="purge.apply"]') })).toHaveCount(1);
    await expect(audit.getByTestId('audit-row').filter({ has: page.locator('[data-action="purge.apply"]') })).toContainText('a appliqué la purge');
    await expect(audit.getByTestId('audit-row').filter({ has: page.locator('[data-action="profile.reset_secret"]') })).toContainText('a réinitialisé le code de Nadia');
    await expect(audit).not.toContainText('profile.reset_secret');
    // The log follows new entries without leaving the screen.
    await op(core, 'store.backupNow', {});
    await expect(audit.getByTestId('audit-row').filter({ has: page.locator('[data-action="backup.create"]') }).first()).toContainText('a fait une sauvegarde');
    await saveByClicking(page, h.savedDir, audit.getByRole('button', { name: 'Exporter en CSV' }), /^relais-audit-2026-03-02\.csv$/);

    await op(core, 'profiles.signOut', {});
    await op(core, 'profiles.signIn', { profileId: nadia.id, secret: '864200' });
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+7');
    await expect(page.getByText('Cet écran est réservé aux superviseur·es')).toBeVisible();
  } finally {
    await h.close();
  }
});

test('issue 12: the profile picker offers no new profile — it says to ask a supervisor — and main refuses a profile created from the page', async ({ harnessBrowser }) => {
  const h = await openHarnessApp(await harnessBrowser(), { responders: [{ displayName: 'Marie', centre: 'CASG Nord', pin: PIN }] });
  try {
    const { page, core } = h;
    await expect(page.locator('.shell')).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Marie/ })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Demandez à un·e superviseur·e de créer votre profil');
    await expect(page.getByLabel('Nom affiché')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Créer/ })).toHaveCount(0);
    // Even a hand-made call from the page is refused in main, and nothing is written.
    const before = (await op(core, 'profiles.list', {})).profiles.length;
    const r = await page.evaluate(() => window.relais!.invoke('profiles.create', { displayName: 'Passant', centre: 'Nulle part', pin: '111111' }));
    expect(r as unknown).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    expect((await op(core, 'profiles.list', {})).profiles.length).toBe(before);
    // The existing profile still signs in with its PIN.
    await page.getByRole('button', { name: /^Marie/ }).click();
    await page.getByLabel('Votre code PIN').fill(PIN);
    await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
    await expect(page.getByText('De permanence : Marie — CASG Nord')).toBeVisible();
  } finally {
    await h.close();
  }
});
