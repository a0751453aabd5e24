import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { DAY, MINUTE } from '../../src/domain/brusselsTime.ts';
import { PURGE_STEPS, purgeAll as runPurge } from '../../src/app/purgeSteps.ts';
import type { Db } from '../../src/store/openDatabase.ts';
import { noConfigState } from '../../src/config/machineConfig.ts';
import { baseSchedule, fails, newCallbacksWorld, op, type CallbacksWorld } from './helpers/callbacksSetup.ts';

// Data minimisation: a closed callback's number is deleted N days after closing (default 30),
// and nothing else in the store changes — every other table, every other row, every other
// column is compared before and after.

const MON_10H = '2026-03-16T09:00:00.000Z';

type Snapshot = Map<string, Array<Record<string, unknown>>>;

/** Every row of every table (FTS shadow tables included), in rowid order where there is one. */
function snapshot(db: Db): Snapshot {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const out: Snapshot = new Map();
  for (const t of tables) {
    const withoutRowid = /WITHOUT ROWID/i.test(db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(t) as string);
    const virtual = /^CREATE VIRTUAL/i.test(db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(t) as string);
    out.set(t, db.prepare(`SELECT * FROM "${t}"${withoutRowid || virtual ? '' : ' ORDER BY rowid'}`).all() as Array<Record<string, unknown>>);
  }
  return out;
}

async function populate(w: CallbacksWorld): Promise<{ old: string[]; recent: string[]; open: string[]; withdrawn: string }> {
  const { core } = w;
  // A call with notes and a record, and a second call, so the other tables hold data.
  await op(core, 'calls.addNote', { callId: w.callId, text: 'Appel au sujet du CPAS, orientée vers le service social.' });
  await op(core, 'calls.saveRecord', { callId: w.callId, record: { themes: ['food'], interventions: ['orientation'], language: 'fr' } }).catch(async () => {
    await op(core, 'calls.saveRecord', { callId: w.callId, record: { interventions: ['orientation'], language: 'fr' } });
  });
  const win = { date: '2026-03-16', from: '10:00' };
  const sched = async (phone: string) => (await op(core, 'callbacks.schedule', { ...baseSchedule, phone, callId: w.callId, window: win })).callback.id;
  const old = [await sched('0470 11 11 11'), await sched('0470 22 22 22')];
  await op(core, 'callbacks.logAttempt', { id: old[0] as string, result: 'reached' });
  await op(core, 'callbacks.logAttempt', { id: old[1] as string, result: 'wrong_number' });
  const withdrawn = await sched('0470 33 33 33');
  await op(core, 'callbacks.withdrawConsent', { id: withdrawn });
  // Two days later: one more completed, and two still open.
  w.clock.advance(2 * DAY);
  const later = { date: '2026-03-19', from: '10:00' };
  const sched2 = async (phone: string) => (await op(core, 'callbacks.schedule', { ...baseSchedule, phone, callId: w.callId, window: later })).callback.id;
  const recent = [await sched2('0470 44 44 44')];
  await op(core, 'callbacks.logAttempt', { id: recent[0] as string, result: 'reached' });
  const open = [await sched2('0470 55 55 55'), await sched2('02 555 66 66')];
  await op(core, 'callbacks.logAttempt', { id: open[0] as string, result: 'no_answer' });
  return { old, recent, open, withdrawn };
}

function assertOnlyNumbersChanged(before: Snapshot, after: Snapshot, purged: string[], now: string): void {
  assert.deepEqual([...after.keys()], [...before.keys()], 'same tables');
  for (const [table, rows] of before) {
    if (table === 'callbacks') continue;
    // The purge's own audit row (issue 8): counts only, checked in access tests.
    if (table === 'audit_log') continue;
    assert.deepEqual(after.get(table), rows, `table ${table} untouched`);
  }
  const b = before.get('callbacks') ?? [];
  const a = after.get('callbacks') ?? [];
  assert.equal(a.length, b.length, 'no callback row deleted');
  for (let i = 0; i < b.length; i++) {
    const rb = b[i] as Record<string, unknown>;
    const ra = a[i] as Record<string, unknown>;
    if (!purged.includes(rb.id as string)) {
      assert.deepEqual(ra, rb, `callback ${rb.id as string} untouched`);
      continue;
    }
    assert.notEqual(rb.phone_e164, null);
    assert.deepEqual(
      { ...ra, phone_e164: rb.phone_e164, number_deleted_at: rb.number_deleted_at, number_deleted_reason: rb.number_deleted_reason, updated_at: rb.updated_at },
      rb,
      'only the number and its deletion stamp change',
    );
    assert.equal(ra.phone_e164, null);
    assert.equal(ra.number_deleted_at, now);
    assert.equal(ra.number_deleted_reason, 'retention');
  }
}

async function world(): Promise<{ w: CallbacksWorld; ids: Awaited<ReturnType<typeof populate>>; db: Db; core: AppCore }> {
  const w = await newCallbacksWorld(MON_10H, { seedDemo: true });
  const ids = await populate(w);
  return { w, ids, db: w.core.services.store.database(), core: w.core };
}

test('30 days after closing, the ticker purges the number, and nothing else in the store changes', async () => {
  const { w, ids, db, core } = await world();
  // Day 29 after the first closings: nothing is due for purge.
  w.clock.set(new Date(Date.parse(MON_10H) + 30 * DAY - MINUTE));
  // Reminders fell due meanwhile: let the engine announce them first, so the snapshots below
  // compare the purge alone.
  core.jobs.reminders.tick();
  const early = snapshot(db);
  const t1 = core.tick();
  assert.equal(t1.purge?.total ?? 0, 0);
  assert.deepEqual(snapshot(db), early);

  // Day 30 (+1 min), more than an hour after the previous purge run.
  w.clock.set(new Date(Date.parse(MON_10H) + 30 * DAY + 2 * 60 * MINUTE));
  const before = snapshot(db);
  const t2 = core.tick();
  assert.ok((before.get('services')?.length ?? 0) > 300, 'the demo directory is there too');
  assert.equal(t2.purge?.total, 2);
  assert.deepEqual(t2.reminders.announced, []);
  assert.deepEqual(t2.purge?.steps.filter((s) => s.step === 'callbacks.numbers').map((s) => [s.step, s.count]), [['callbacks.numbers', 2]]);
  assertOnlyNumbersChanged(before, snapshot(db), ids.old, w.clock.now().toISOString());

  // The purge is logged with its count, never the number.
  const line = w.logs.find((l) => l.includes('"purge.step"'));
  assert.ok(line, 'purge logged');
  assert.deepEqual(JSON.parse(line as string), { t: w.clock.now().toISOString(), level: 'info', event: 'purge.step', step: 'callbacks.numbers', count: 2, dryRun: false });
  assert.ok(!w.logs.some((l) => /4701111|4702222|470 11|\+32/.test(l)));

  // The queue shows the closed callbacks without a number.
  const done = (await op(core, 'callbacks.queue', {})).done;
  for (const id of ids.old) assert.equal(done.find((c) => c.id === id)?.hasNumber, false);
  assert.equal(done.find((c) => c.id === ids.recent[0])?.hasNumber, true);

  // Two days later the one closed on day 2 goes too; the open ones keep theirs whatever their age.
  w.clock.advance(2 * DAY + 60 * MINUTE);
  core.jobs.reminders.tick();
  const before2 = snapshot(db);
  assert.equal(core.tick().purge?.total, 1);
  assertOnlyNumbersChanged(before2, snapshot(db), ids.recent, w.clock.now().toISOString());
  w.clock.advance(300 * DAY);
  core.tick();
  for (const id of ids.open) assert.notEqual(db.prepare('SELECT phone_e164 FROM callbacks WHERE id = ?').pluck().get(id), null);
  core.shutdown();
});

test('a dry run reports what would go and changes nothing; the retention is a setting', async () => {
  const { w, db, core } = await world();
  w.clock.set(new Date(Date.parse(MON_10H) + 10 * DAY));
  core.jobs.reminders.tick();
  const before = snapshot(db);
  const dry = runPurge(db, w.clock.now(), { dryRun: true });
  assert.equal(dry.total, 0);
  core.services.session.role = 'supervisor';
  await op(core, 'callbacks.updateSettings', { numberRetentionDays: 7 });
  const afterSetting = snapshot(db);
  const plan = runPurge(db, w.clock.now(), { dryRun: true });
  assert.equal(plan.dryRun, true);
  assert.deepEqual(plan.steps.filter((s) => s.step === 'callbacks.numbers').map((s) => [s.step, s.count, s.oldest, s.rule]), [['callbacks.numbers', 3, MON_10H, '7 days after the callback was completed or closed']]);
  assert.deepEqual(snapshot(db), afterSetting, 'dry run: nothing written');
  // Only the settings row changed by the setting itself.
  for (const [t, rows] of before) if (t !== 'settings') assert.deepEqual(afterSetting.get(t), rows);
  const done = runPurge(db, w.clock.now());
  assert.equal(done.total, 3);
  assert.equal(runPurge(db, w.clock.now()).total, 0, 'idempotent');
  core.shutdown();
});

test('the machine configuration caps the retention: a supervisor may shorten it, never lengthen it', async () => {
  const base = noConfigState();
  const config = { ...base, values: { ...base.values, purge: { callbackNumberRetentionDays: 10, notesRetentionMonths: 24 } } };
  const w = await newCallbacksWorld(MON_10H, { config });
  const ids = await populate(w);
  const { core } = w;
  assert.equal((await op(core, 'callbacks.settings', {})).numberRetentionDays, 10);
  core.services.session.role = 'supervisor';
  assert.equal((await fails(core, 'callbacks.updateSettings', { numberRetentionDays: 20 })).issues?.[0]?.path, 'numberRetentionDays');
  assert.deepEqual(await op(core, 'callbacks.updateSettings', { numberRetentionDays: 5 }), { noAnswerDelayMinutes: 60, maxFailedAttempts: 3, numberRetentionDays: 5, numberRetentionMaxDays: 10 });
  // Day 6: the two callbacks closed on day 0 lose their number through the ticker.
  w.clock.set(new Date(Date.parse(MON_10H) + 5 * DAY + MINUTE));
  assert.equal(core.tick().purge?.total, 2);
  for (const id of ids.old) assert.equal(core.services.store.database().prepare('SELECT phone_e164 FROM callbacks WHERE id = ?').pluck().get(id), null);
  core.shutdown();
});

test('purge steps are a list other issues extend', () => {
  assert.deepEqual(PURGE_STEPS.map((s) => s.name), ['callbacks.numbers', 'callbacks.otherCentres', 'callbacks.context', 'calls.notes', 'handover.notes', 'reachability.pendingNotes']);
  for (const s of PURGE_STEPS) {
    assert.equal(typeof s.plan, 'function');
    assert.equal(typeof s.apply, 'function');
  }
});
