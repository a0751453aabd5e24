import type { Browser, Locator, Page } from '@playwright/test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { EventPayload, InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { defaultConfigValues } from '../../src/config/configSchema.ts';
import { expect, test } from '../harness/fixture.ts';
import { type HarnessApp, type HarnessOptions, openHarnessApp } from '../harness/harness.ts';
import { ensureHarnessResponders } from '../harness/supervisor.ts';

/** The PIN every test responder is given (issue 8: no profile signs in without one). */
const TEST_PIN = '246810';

// Callbacks and reminders (issue 6) in the Chromium harness with fake time: the harness core
// runs on a ManualClock, and each journey moves it and calls core.tick() — exactly what main's
// 15-second ticker does with the real clock. The OS notification is the `callbacks.due` event
// the journeys observe in the harness's event log.

test.skip(({ shell }) => shell !== 'harness', 'fake time drives the harness core');

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
type Due = EventPayload<'callbacks.due'>;

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

/** Marie signs in (creating her profile the first time) and, unless told otherwise, takes a call. */
async function shiftWithCall(core: AppCore, call = true): Promise<{ me: string; callId: string | null }> {
  const existing = (await op(core, 'profiles.list', {})).profiles.find((p) => p.displayName === 'Marie D.');
  // Made by a supervisor (issue 12), straight in the store here.
  if (!existing) ensureHarnessResponders(core, [{ displayName: 'Marie D.', centre: 'CASG Nord', pin: TEST_PIN }]);
  const me = existing ?? (await op(core, 'profiles.list', {})).profiles.find((p) => p.displayName === 'Marie D.')!;
  await op(core, 'profiles.signIn', { profileId: me.id, secret: TEST_PIN });
  const callId = call ? (await op(core, 'calls.start', {})).id : null;
  return { me: me.id, callId };
}

/**
 * A line open every day and all day (machine config): the daylight-saving journeys are about
 * calendar arithmetic on a weekend, and the windows the form offers stay within the line's hours
 * (issue 16) — with the default Monday–Friday hours, "tomorrow" from a Saturday is Monday.
 */
const ALWAYS_OPEN: HarnessOptions['config'] = { path: null, state: 'none', safeMode: false, blocksStore: false, values: { ...defaultConfigValues(), lineHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], open: '00:00', close: '23:59' } }, problem: null };

const dueEvents = (h: HarnessApp): Due[] => h.events.filter((e) => e.name === 'callbacks.due').map((e) => e.payload as Due);

async function open(browser: Browser, clock: ManualClock, opts: HarnessOptions = {}): Promise<HarnessApp> {
  const h = await openHarnessApp(browser, { clock, ...opts });
  await expect(h.page.locator('.shell')).toBeVisible();
  return h;
}

async function schedule(core: AppCore, callId: string, window: { date: string; from: string; to?: string }, phone = '0470 12 34 56'): Promise<OutputOf<'callbacks.schedule'>['callback']> {
  return (await op(core, 'callbacks.schedule', { callId, consent: true, phone, window, language: 'fr', reason: 'Vérifier que le CPAS a rappelé', assignTo: 'team' })).callback;
}

const row = (page: Page, id: string) => page.locator(`li[data-callback-id="${id}"]`);

/**
 * A global shortcut right after the page appeared: the Shell listens from its first effect, a
 * beat after the first paint, so the first key is retried until it lands.
 */
async function pressUntil(page: Page, key: string, until: Locator): Promise<void> {
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(until).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

/** Keyboard: focus the row's button and press Enter; the dialog opens on "Joint·e". */
async function openCallback(page: Page, id: string): Promise<void> {
  await row(page, id).locator('button.cb-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Joint·e' })).toBeFocused();
}

test('schedule from a call with the keyboard; at the due time the notification event and the badge arrive and the note being written keeps focus', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z'); // Monday 10:00, Brussels
  let callId = '';
  const h = await open(await harnessBrowser(), clock, { seed: async (core) => void (callId = (await shiftWithCall(core)).callId as string) });
  const { page, core } = h;

  // From anywhere, Alt+P opens the form on the call in progress.
  const form = page.getByRole('form', { name: 'Programmer un rappel' });
  await pressUntil(page, 'Alt+P', form);
  await expect(form.getByLabel('Appel', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Appel', { exact: true })).toContainText('Appel en cours');

  // No consent, no callback.
  await page.keyboard.press('Tab'); // consent
  await page.keyboard.press('Tab'); // number
  await page.keyboard.type('0470 12 34 56');
  await expect(form.getByText('Numéro reconnu : +32470123456')).toBeVisible();
  await form.getByLabel('Jour').fill('16/03/2026');
  await form.getByLabel('De', { exact: true }).fill('11:00');
  await form.getByLabel('À (facultatif)').fill('12:00');
  await form.getByLabel('Motif (court, sans donnée identifiante)').fill('Vérifier que le CPAS a rappelé');
  await page.keyboard.press('Enter');
  await expect(form.getByText('Sans l\'accord oral de l\'appelant·e, pas de rappel.')).toBeVisible();
  expect((await op(core, 'callbacks.queue', {})).counts.upcoming).toBe(0);

  await form.getByLabel('L\'appelant·e a donné son accord oral pour être rappelé·e').focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Motif (court, sans donnée identifiante)').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rappel programmé' })).toBeVisible();
  const upcoming = page.getByTestId('section-upcoming');
  await expect(upcoming.locator('li')).toHaveCount(1);
  await expect(upcoming.locator('li')).toContainText('11:00–12:00');
  await expect(upcoming.locator('li')).toContainText('0470 12 34 56');
  await expect(upcoming.locator('li')).toContainText('Marie D.');
  await expect(page.getByTestId('callbacks-badge')).toHaveCount(0);

  // Back in the call (F2 lands in the note composer): the responder writes…
  await page.keyboard.press('F2');
  const composer = page.getByTestId('note-composer');
  await expect(composer).toBeFocused();
  await composer.pressSequentially('Madame rappellera');

  // …when the reminder falls due. Nothing before its time:
  clock.set('2026-03-16T09:59:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(0);
  clock.set('2026-03-16T10:00:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(1);
  expect(dueEvents(h)[0]).toMatchObject({ count: 1, missed: 0, callbacks: [{ dueAt: '2026-03-16T10:00:00.000Z', language: 'fr', missed: false }] });
  expect(JSON.stringify(dueEvents(h))).not.toMatch(/\+32|0470|12 34 56|CPAS/);
  await expect(page.getByTestId('callbacks-badge')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('callbacks-announce')).toHaveText('Rappel à faire maintenant : 1');
  // Focus never moved: the next keystrokes land in the note.
  await expect(composer).toBeFocused();
  await page.keyboard.type(' demain.');
  await expect(composer).toHaveValue('Madame rappellera demain.');

  // The queue (Alt+4) shows it due now; another tick announces nothing more.
  core.tick();
  expect(dueEvents(h)).toHaveLength(1);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('section-dueNow').locator('li')).toHaveCount(1);

  // The console's own button opens the form on the call it shows.
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'Programmer un rappel Alt+P' }).press('Enter');
  await expect(form.getByLabel('Appel', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Appel', { exact: true })).toHaveValue(callId);
  await h.close();
});

test('snooze, "no answer" reschedules after the delay, and the third failure closes the callback as unreachable on the call record', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  let cb = '';
  let callId = '';
  const h = await open(await harnessBrowser(), clock, {
    seed: async (core) => {
      callId = (await shiftWithCall(core)).callId as string;
      cb = (await schedule(core, callId, { date: '2026-03-16', from: '10:30' })).id;
    },
  });
  const { page, core } = h;
  clock.set('2026-03-16T09:30:00.000Z'); // 10:30
  core.tick();
  await pressUntil(page, 'Alt+4', row(page, cb));
  await expect(row(page, cb)).toHaveAttribute('data-bucket', 'dueNow');
  await expect(page.getByTestId('callbacks-badge')).toHaveAttribute('data-count', '1');

  // Snooze 15 minutes, with the keyboard.
  await openCallback(page, cb);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reporter de').focus();
  await dialog.getByLabel('Reporter de').selectOption('15');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Reporter', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rappel reporté' })).toBeVisible();
  await expect(row(page, cb)).toHaveAttribute('data-bucket', 'upcoming');
  await expect(row(page, cb).locator('button.cb-open')).toBeFocused();
  await expect(page.getByTestId('callbacks-badge')).toHaveCount(0);
  clock.advance(14 * MINUTE);
  core.tick();
  expect(dueEvents(h)).toHaveLength(1);
  clock.advance(MINUTE);
  core.tick();
  expect(dueEvents(h)).toHaveLength(2);
  expect(dueEvents(h)[1]?.callbacks[0]).toMatchObject({ id: cb, dueAt: '2026-03-16T09:45:00.000Z' });
  await expect(row(page, cb)).toHaveAttribute('data-bucket', 'dueNow');

  // No answer: the next attempt is due 60 minutes later (the default delay).
  await openCallback(page, cb);
  await page.getByRole('dialog').getByRole('button', { name: 'Pas de réponse' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'nouvelle tentative' })).toContainText('(1/3)');
  await expect(row(page, cb)).toHaveAttribute('data-bucket', 'upcoming');
  await expect(row(page, cb)).toContainText('1/3');
  expect((await op(core, 'callbacks.queue', {})).upcoming[0]?.dueAt).toBe('2026-03-16T10:45:00.000Z');

  clock.set('2026-03-16T10:45:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(3);
  await expect(row(page, cb)).toHaveAttribute('data-bucket', 'dueNow');
  await openCallback(page, cb);
  await page.getByRole('dialog').getByRole('button', { name: 'Messagerie' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'nouvelle tentative' })).toContainText('(2/3)');

  clock.set('2026-03-16T11:45:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(4);
  await openCallback(page, cb);
  await page.getByRole('dialog').getByRole('button', { name: 'Pas de réponse' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rappel clôturé : injoignable' })).toBeVisible();
  await expect(row(page, cb)).toHaveAttribute('data-bucket', 'done');
  await expect(row(page, cb)).toContainText('injoignable');
  await expect(row(page, cb)).not.toContainText('0470');
  expect(core.services.store.database().prepare('SELECT callback_outcome FROM calls WHERE id = ?').pluck().get(callId)).toBe('unreachable');
  // The attempts are in the history.
  await row(page, cb).getByRole('button', { name: /Traiter le rappel/ }).press('Enter');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Fermer' })).toBeFocused();
  await expect(page.getByRole('dialog').locator('.cb-attempts li')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(row(page, cb).locator('button.cb-open')).toBeFocused();
  await h.close();
});

test('missed while closed: at the next start the reminders are announced at once and listed as overdue, most late first', async ({ harnessBrowser }) => {
  const browser = await harnessBrowser();
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const ids: string[] = [];
  const first = await open(browser, clock, {
    seed: async (core) => {
      const { callId } = await shiftWithCall(core);
      ids.push((await schedule(core, callId as string, { date: '2026-03-16', from: '15:00', to: '16:00' })).id);
      ids.push((await schedule(core, callId as string, { date: '2026-03-16', from: '11:00' }, '02/555.12.34')).id);
    },
  });
  const dataDir = first.dataDir;
  await first.close(); // the PC goes off at 10:00

  clock.set('2026-03-17T08:00:00.000Z'); // Tuesday 09:00
  const next = await open(browser, clock, { dataDir, seed: async (core) => void (await shiftWithCall(core, false)) });
  // Announced while the store opened, before any ticker beat and before the page loaded.
  expect(dueEvents(next)).toHaveLength(1);
  expect(dueEvents(next)[0]).toMatchObject({ count: 2, missed: 2 });
  await expect(next.page.getByTestId('callbacks-badge')).toHaveAttribute('data-count', '2');
  await expect(next.page.getByTestId('callbacks-badge')).toHaveClass(/overdue/);
  await pressUntil(next.page, 'Alt+4', next.page.getByTestId('section-overdue'));
  const overdue = next.page.getByTestId('section-overdue').locator('li');
  await expect(overdue).toHaveCount(2);
  await expect(overdue.nth(0)).toHaveAttribute('data-callback-id', ids[1] as string);
  await expect(overdue.nth(0)).toContainText('en retard de 22 h 00');
  await expect(overdue.nth(1)).toHaveAttribute('data-callback-id', ids[0] as string);
  await expect(overdue.nth(1)).toContainText('en retard de 18 h 00');
  // The next shift sees them all; none is lost.
  await expect(next.page.getByTestId('callbacks-summary')).toContainText('0 à rappeler maintenant · 2 en retard · 0 à venir');
  next.core.tick();
  expect(dueEvents(next)).toHaveLength(1);
  await next.close();
});

test('spring forward: 02:30 on 29 March does not exist and rings at 03:30; "tomorrow 10:00" from Saturday rings 23 hours later', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-28T09:00:00.000Z'); // Saturday 28 March, 10:00 CET
  const h = await open(await harnessBrowser(), clock, { config: ALWAYS_OPEN, seed: async (core) => void (await shiftWithCall(core)) });
  const { page, core } = h;

  async function scheduleInForm(fill: () => Promise<void>): Promise<void> {
    const form = page.getByRole('form', { name: 'Programmer un rappel' });
    await pressUntil(page, 'Alt+P', form);
    await expect(form.getByLabel('Appel', { exact: true })).toBeFocused();
    await form.getByLabel('L\'appelant·e a donné son accord oral pour être rappelé·e').check();
    await form.getByLabel('Numéro à rappeler').fill('0032 470 12 34 56');
    await fill();
    await form.getByLabel('Motif (court, sans donnée identifiante)').fill('Suivi de la demande au CPAS');
    await form.getByRole('button', { name: 'Programmer le rappel' }).press('Enter');
  }

  await scheduleInForm(async () => {
    const form = page.getByRole('form', { name: 'Programmer un rappel' });
    await form.getByLabel('Jour').fill('29/03/2026');
    await form.getByLabel('De', { exact: true }).fill('02:30');
  });
  await expect(page.getByRole('status').filter({ hasText: 'Rappel programmé' })).toContainText('n\'existe pas ce jour-là (passage à l\'heure d\'été) : le rappel est fixé à 03:30');

  await scheduleInForm(async () => {
    await page.getByRole('button', { name: 'Demain 10:00–12:00' }).press('Enter');
  });
  await expect(page.getByRole('status').filter({ hasText: 'Rappel programmé' })).toBeVisible();
  const q = await op(core, 'callbacks.queue', {});
  expect(q.upcoming.map((c) => [c.dueAt, c.windowEnd, c.phone])).toEqual([
    ['2026-03-29T01:30:00.000Z', null, '+32470123456'],
    ['2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00.000Z', '+32470123456'],
  ]);
  expect(Date.parse('2026-03-29T08:00:00.000Z') - Date.parse('2026-03-28T09:00:00.000Z')).toBe(23 * 60 * MINUTE);
  await expect(page.getByTestId('section-upcoming').locator('li').nth(0)).toContainText('03:30');
  await expect(page.getByTestId('section-upcoming').locator('li').nth(1)).toContainText('10:00–12:00');

  clock.set('2026-03-29T01:29:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(0);
  clock.set('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  core.tick();
  expect(dueEvents(h).map((e) => e.callbacks.map((c) => c.dueAt))).toEqual([['2026-03-29T01:30:00.000Z']]);
  clock.set('2026-03-29T07:59:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(1);
  clock.set('2026-03-29T08:00:00.000Z'); // 10:00 CEST
  core.tick();
  expect(dueEvents(h).map((e) => e.callbacks.map((c) => c.dueAt))).toEqual([['2026-03-29T01:30:00.000Z'], ['2026-03-29T08:00:00.000Z']]);
  await expect(page.getByTestId('callbacks-badge')).toHaveAttribute('data-count', '2');
  await h.close();
});

test('fall back: 02:30 on 25 October happens twice and rings at the first; "tomorrow 10:00" from Saturday rings 25 hours later', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-10-24T08:00:00.000Z'); // Saturday 24 October, 10:00 CEST
  const h = await open(await harnessBrowser(), clock, { config: ALWAYS_OPEN, seed: async (core) => void (await shiftWithCall(core)) });
  const { page, core } = h;
  for (const fill of [
    async () => {
      const form = page.getByRole('form', { name: 'Programmer un rappel' });
      await form.getByLabel('Jour').fill('25/10/2026');
      await form.getByLabel('De', { exact: true }).fill('02:30');
      await form.getByLabel('À (facultatif)').fill('03:30');
    },
    async () => page.getByRole('button', { name: 'Demain 10:00–12:00' }).press('Enter'),
  ]) {
    const form = page.getByRole('form', { name: 'Programmer un rappel' });
    await pressUntil(page, 'Alt+P', form);
    await expect(form.getByLabel('Appel', { exact: true })).toBeFocused();
    await form.getByLabel('L\'appelant·e a donné son accord oral pour être rappelé·e').check();
    await form.getByLabel('Numéro à rappeler').fill('+32 2 555 12 34');
    await fill();
    await form.getByLabel('Motif (court, sans donnée identifiante)').fill('Suivi du dossier chômage');
    await form.getByRole('button', { name: 'Programmer le rappel' }).press('Enter');
    await expect(form).toHaveCount(0);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Rappel programmé' })).toBeVisible();
  const q = await op(core, 'callbacks.queue', {});
  expect(q.upcoming.map((c) => [c.dueAt, c.windowEnd])).toEqual([
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000Z'], // 02:30 CEST (the first) to 03:30 CET
    ['2026-10-25T09:00:00.000Z', '2026-10-25T11:00:00.000Z'], // 10:00 CET, 25 hours after Saturday 10:00 CEST
  ]);
  expect(Date.parse('2026-10-25T09:00:00.000Z') - Date.parse('2026-10-24T08:00:00.000Z')).toBe(25 * 60 * MINUTE);

  clock.set('2026-10-25T00:29:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(0);
  clock.set('2026-10-25T00:30:00.000Z'); // the first 02:30
  core.tick();
  expect(dueEvents(h)).toHaveLength(1);
  // During the repeated hour (the second 02:30, CET) it is still "due now": its window runs to 03:30 CET.
  clock.set('2026-10-25T01:30:00.000Z');
  core.tick();
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('section-dueNow').locator('li')).toHaveCount(1);
  clock.set('2026-10-25T08:59:00.000Z');
  core.tick();
  expect(dueEvents(h)).toHaveLength(1);
  clock.set('2026-10-25T09:00:00.000Z'); // 10:00 CET
  core.tick();
  expect(dueEvents(h).map((e) => e.callbacks.map((c) => c.dueAt))).toEqual([['2026-10-25T00:30:00.000Z'], ['2026-10-25T09:00:00.000Z']]);
  await h.close();
});

/** Every row of every table, for "nothing else touched". */
function snapshot(core: AppCore): Map<string, unknown[]> {
  const db = core.services.store.database();
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
  return new Map(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"${/VIRTUAL|WITHOUT ROWID/i.test(t.sql) ? '' : ' ORDER BY rowid'}`).all()]));
}

test('purge after 30 days: the number of a completed callback goes, nothing else in the store changes', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z');
  const ids: Record<string, string> = {};
  const h = await open(await harnessBrowser(), clock, {
    seed: async (core) => {
      const { callId } = await shiftWithCall(core);
      await op(core, 'calls.addNote', { callId: callId as string, text: 'Orientée vers le CPAS de Schaerbeek.' });
      ids.done = (await schedule(core, callId as string, { date: '2026-03-16', from: '10:00' }, '0470 11 22 33')).id;
      await op(core, 'callbacks.logAttempt', { id: ids.done, result: 'reached' });
      ids.open = (await schedule(core, callId as string, { date: '2026-04-20', from: '10:00' }, '0470 44 55 66')).id;
    },
  });
  const { page, core } = h;
  await pressUntil(page, 'Alt+4', row(page, ids.done as string));
  // Issue 16: a closed callback's row shows no number and no repeated "kept until the purge" (the dialog says it).
  await expect(row(page, ids.done as string)).not.toContainText('0470 11 22 33');
  await expect(row(page, ids.done as string)).not.toContainText('numéro gardé');
  await expect(row(page, ids.done as string).locator('[data-status="done"]')).toHaveClass(/\bok\b/);

  // Day 29: nothing goes.
  clock.advance(29 * DAY);
  core.jobs.reminders.tick();
  const day29 = snapshot(core);
  expect(core.tick().purge?.total ?? 0).toBe(0);
  expect(snapshot(core)).toEqual(day29);

  // Day 30 (+ 2 h, past the hourly purge beat).
  clock.advance(DAY + 2 * 60 * MINUTE);
  core.jobs.reminders.tick();
  const before = snapshot(core);
  const report = core.tick().purge;
  expect(report?.steps.map((s) => [s.step, s.count])).toEqual([['callbacks.numbers', 1], ['callbacks.otherCentres', 0], ['callbacks.context', 0], ['calls.notes', 0], ['handover.notes', 0], ['reachability.pendingNotes', 0]]);
  const after = snapshot(core);
  // audit_log gains the purge's own row (counts only).
  for (const [table, rows] of before) if (table !== 'callbacks' && table !== 'audit_log') expect(after.get(table), `table ${table}`).toEqual(rows);
  const cbBefore = before.get('callbacks') as Array<Record<string, unknown>>;
  const cbAfter = after.get('callbacks') as Array<Record<string, unknown>>;
  expect(cbAfter).toHaveLength(cbBefore.length);
  for (let i = 0; i < cbBefore.length; i++) {
    const b = cbBefore[i] as Record<string, unknown>;
    const a = cbAfter[i] as Record<string, unknown>;
    if (b.id !== ids.done) {
      expect(a).toEqual(b);
      continue;
    }
    expect(a.phone_e164).toBeNull();
    expect(a.number_deleted_reason).toBe('retention');
    expect({ ...a, phone_e164: b.phone_e164, number_deleted_at: b.number_deleted_at, number_deleted_reason: b.number_deleted_reason, updated_at: b.updated_at }).toEqual(b);
  }
  // The open callback keeps its number; the queue says the other one's is gone.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+4');
  await expect(row(page, ids.done as string)).toContainText('numéro supprimé');
  await expect(row(page, ids.open as string)).toContainText('0470 44 55 66');
  await h.close();
});

test('a callback carries its call: scheduled with the keyboard ("pour qui rappellera" included), opened from the queue with its call; reached, the follow-up is filled in', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z'); // Monday 10:00, Brussels
  let callId = '';
  let service = { id: '', name: '' };
  const h = await open(await harnessBrowser(), clock, {
    seed: async (core) => {
      callId = (await shiftWithCall(core)).callId as string;
      const db = core.services.store.database();
      service = db.prepare('SELECT id, name FROM services ORDER BY id LIMIT 1').get() as { id: string; name: string };
      await op(core, 'calls.saveRecord', { callId, record: { themes: ['food'], interventions: ['referral'], pseudonym: 'Monsieur du lundi', referrals: [{ serviceId: service.id, serviceName: service.name, contacted: true, consent: true, outcome: 'will_help' }] } } as never);
    },
  });
  const { page, core } = h;
  const form = page.getByRole('form', { name: 'Programmer un rappel' });
  await pressUntil(page, 'Alt+P', form);
  await expect(form.getByLabel('Appel', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab'); // consent
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // number
  await page.keyboard.type('0470 12 34 56');
  await form.getByLabel('Pour qui rappellera (facultatif)').focus();
  await page.keyboard.type('Attend la réponse du CPAS pour le loyer');
  await form.getByLabel('Motif (court, sans donnée identifiante)').focus();
  await page.keyboard.type('Vérifier que le service a rappelé');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rappel programmé' })).toBeVisible();

  // The queue row says which call it comes from; the dialog shows that call.
  const id = (await op(core, 'callbacks.queue', {})).upcoming[0]?.id as string;
  await expect(row(page, id)).toContainText('Appel du lun. 16 mars');
  clock.set('2026-03-16T10:00:00.000Z');
  core.tick();
  await expect(row(page, id)).toHaveAttribute('data-bucket', 'dueNow');
  await openCallback(page, id);
  const dialog = page.getByRole('dialog');
  const summary = dialog.getByRole('region', { name: 'L\'appel d\'origine' });
  await expect(summary).toContainText('Monsieur du lundi');
  await expect(summary).toContainText(`${service.name} — Le service peut aider`);
  await expect(summary).toContainText('Attend la réponse du CPAS pour le loyer');
  await expect(summary).toContainText('Vérifier que le service a rappelé');

  // Reached: the follow-up opens in the dialog, its first question focused.
  await page.keyboard.press('Enter'); // "Joint·e" has the focus
  const followUp = page.getByRole('dialog').getByRole('form', { name: 'Suivi' });
  const help = followUp.getByLabel(`${service.name} : l'aide est-elle arrivée ?`);
  await expect(help).toBeFocused();
  await help.selectOption('in_progress');
  await page.keyboard.press('Tab');
  await expect(followUp.getByLabel('Nouvelle demande')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(followUp.getByRole('button', { name: 'Enregistrer le suivi' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Suivi enregistré' })).toBeVisible();
  const stored = core.services.store.database().prepare('SELECT call_id, referrals, new_request, another_callback FROM callback_follow_ups WHERE callback_id = ?').get(id) as { call_id: string; referrals: string; new_request: number; another_callback: number };
  expect([stored.call_id, JSON.parse(stored.referrals)[0].help, stored.new_request, stored.another_callback]).toEqual([callId, 'in_progress', 1, 0]);
  expect(core.services.store.database().prepare('SELECT callback_outcome FROM calls WHERE id = ?').pluck().get(callId)).toBe('reached');
  await h.close();
});
