import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runHubCli } from '../../hub/cli.ts';
import type { AppCore } from '../../src/app/appCore.ts';
import { purgeAll } from '../../src/app/purgeSteps.ts';
import type { CallbackView } from '../../src/contract/callbacksContract.ts';
import { DAY } from '../../src/domain/brusselsTime.ts';
import { DEFAULT_HUB_RETENTION, purgeHub } from '../../src/hub/hubPurge.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';
import { newOpenCore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

// Issue 15, retention of what is shared: the hub purges on its own (a callback's sealed number
// and context N days after it closed, handover text after its relay period, caller marks after
// the notes retention), without the scheduling workstation — which here is gone (it never
// syncs or purges again); and a workstation purges the callbacks of other centres it pulled by
// the rule of its own numbers. On PostgreSQL and PGlite; on PostgreSQL `relais-hub serve` does
// the hub's purge by itself at start.

async function ok<T>(core: AppCore, name: string, input: unknown = {}): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const MON_10H = '2026-03-16T09:00:00.000Z';
const NUMBER = '0470 98 76 54';

for (const engine of ENGINES) {
  describe(`retention of shared callbacks, handover notes and caller marks (${engine})`, () => {
    const hubClock = new ManualClock(MON_10H);
    const clockA = new ManualClock(MON_10H);
    const clockB = new ManualClock(MON_10H);
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    let cbId = '';
    const hubRow = async (kind: string, id?: string) =>
      (await hub.ctx.db.query<{ id: string; deleted: boolean; seq: string; payload: unknown }>(`SELECT id, deleted, seq, payload FROM hub_items WHERE kind = $1 ${id ? 'AND id = $2' : ''} ORDER BY seq`, id ? [kind, id] : [kind])).map((r) => ({
        ...r,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> | null,
      }));
    const advanceAll = (ms: number) => {
      for (const c of [hubClock, clockA, clockB]) c.advance(ms);
    };

    before(async () => {
      line = await startTwoPcLine(engine, { hubClock, clockA, clockB, centreB: 'CAW Brussel', deviceB: 'Brussel 1' });
      ({ hub, a, b } = line);
      await signInResponder(b, 'Bart', 'CAW Brussel');
    });
    after(() => line.stop());

    test('A schedules a callback, writes a handover note and a pseudonymous call; B pulls them and reaches the caller; then A is gone', async () => {
      const call = await ok<{ id: string }>(a, 'calls.start');
      await ok(a, 'calls.end', { callId: call.id });
      const cb = await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId: call.id, consent: true, phone: NUMBER, window: { date: '2026-03-17', from: '10:00', to: '12:00' }, language: 'fr', reason: 'Rappeler pour le logement', forNext: 'Attend la réponse du CPAS', assignTo: 'team' });
      cbId = cb.callback.id;
      await ok(a, 'calls.close', { callId: call.id, record: { themes: ['housing'], interventions: ['orientation'], pseudonym: 'Monsieur Lundi', knowThat: 'Parle mieux néerlandais' } });
      await ok(a, 'reports.handover.add', { text: 'Le CPAS de Forest rappelle Madame demain matin.' });
      assert.equal((await ok<{ pending: number }>(a, 'hub.syncNow')).pending, 0);

      await ok(b, 'hub.syncNow');
      await ok(b, 'callbacks.logAttempt', { id: cbId, result: 'reached' });
      await ok(b, 'hub.syncNow');
      const [state] = await hubRow('callback', cbId);
      assert.equal(state?.payload?.status, 'done');
      assert.match(String(state?.payload?.number), /^lk1\./);
      const bDb = b.services.store.database();
      assert.equal(bDb.prepare('SELECT count(*) FROM shared_handover_notes').pluck().get(), 1);
      assert.equal(bDb.prepare('SELECT count(*) FROM shared_caller_marks').pluck().get(), 1);
      // A closes its lid for good: it neither syncs nor purges from here on.
    });

    test('the hub purges by itself N days after the callback closed: number and context leave its row; idempotent', async () => {
      advanceAll((DEFAULT_HUB_RETENTION.callbackDays - 1) * DAY);
      assert.deepEqual(await purgeHub(hub.ctx), { callbacks: 0, handovers: 0, callerMarks: 0 }, 'not before the limit');
      advanceAll(2 * DAY);
      const seqBefore = Number((await hubRow('callback', cbId))[0]?.seq);
      if (engine === 'postgres') {
        // `relais-hub serve` purges at start (then hourly): a second hub process on the same database.
        const out: string[] = [];
        let stop = () => undefined as void;
        const stopped = new Promise<void>((r) => (stop = r));
        const io = { out: (t: string) => (out.push(t), t.startsWith('listening') ? stop() : undefined), err: (t: string) => void out.push(t) };
        const code = await runHubCli(['--database-url', (hub.location as { url: string }).url, 'serve', '--port', '0'], { io, clock: hubClock, stopSignal: stopped });
        assert.equal(code, 0, out.join('\n'));
        assert.ok(out.some((l) => l.startsWith('Hub purge: 1 callbacks')), out.join('\n'));
      } else {
        assert.deepEqual(await purgeHub(hub.ctx), { callbacks: 1, handovers: 1, callerMarks: 0 });
      }
      const [state] = await hubRow('callback', cbId);
      assert.equal(state?.payload?.number, null, 'number ciphertext gone');
      assert.equal(state?.payload?.context, null, 'context ciphertext gone');
      assert.equal(state?.payload?.numberErasedReason, 'retention');
      assert.equal(state?.payload?.status, 'done', 'metadata stays');
      assert.ok(Number(state?.seq) > seqBefore, 'a new sequence number: every workstation pulls the erasure');
      const [handover] = await hubRow('handover');
      assert.deepEqual([handover?.deleted, handover?.payload], [true, null], 'handover text left after its relay period');
      assert.deepEqual(await purgeHub(hub.ctx), { callbacks: 0, handovers: 0, callerMarks: 0 }, 'idempotent');
      assert.equal(Number((await hubRow('callback', cbId))[0]?.seq), Number(state?.seq), 'a second run changes nothing');
    });

    test('B pulls the erasure and its own purge removes the other centre\'s callback whole; it keeps its handover copy', async () => {
      await ok(b, 'hub.syncNow');
      const bDb = b.services.store.database();
      assert.equal(bDb.prepare('SELECT phone_e164 FROM callbacks WHERE id = ?').pluck().get(cbId), null, 'number erased at the pull');
      assert.ok(bDb.prepare('SELECT reason FROM callbacks WHERE id = ?').pluck().get(cbId), 'the row is still here until B purges');
      const report = purgeAll(bDb, clockB.now());
      assert.equal(report.steps.find((s) => s.step === 'callbacks.otherCentres')?.count, 1);
      for (const table of ['callbacks WHERE id = ?', 'callback_attempts WHERE callback_id = ?', 'callback_follow_ups WHERE callback_id = ?']) {
        assert.equal(bDb.prepare(`SELECT count(*) FROM ${table}`).pluck().get(cbId), 0, table);
      }
      assert.equal(purgeAll(bDb, clockB.now()).steps.find((s) => s.step === 'callbacks.otherCentres')?.count, 0, 'idempotent');
      assert.equal(bDb.prepare('SELECT count(*) FROM shared_handover_notes').pluck().get(), 1, 'a workstation keeps what it pulled until the notes retention');
    });

    test('a workstation joining after the purge does not get the closed callback (nothing sealed left to open)', async () => {
      const c = await newOpenCore({ seedDemo: true, clock: new ManualClock(hubClock.now()) });
      try {
        await signInSupervisor(c);
        // Invited from A's store (a supervisor's act; A still sends nothing of its own).
        const inv = await ok<{ code: string }>(a, 'hub.invite', { centre: 'CPAS Forest' });
        await ok(c, 'hub.join', { url: hub.url, code: inv.code, deviceName: 'Forest 1' });
        await ok(c, 'hub.syncNow');
        assert.equal(c.services.store.database().prepare('SELECT count(*) FROM callbacks').pluck().get(), 0);
        assert.equal(c.services.store.database().prepare('SELECT count(*) FROM shared_caller_marks').pluck().get(), 1, 'the caller mark is still within its retention');
      } finally {
        c.shutdown();
      }
    });

    test('caller marks: withdrawn by the hub after their retention, and dropped by every workstation at its next pull', async () => {
      hubClock.advance(DEFAULT_HUB_RETENTION.callerMarkMonths * 31 * DAY);
      assert.deepEqual(await purgeHub(hub.ctx), { callbacks: 0, handovers: 0, callerMarks: 1 });
      const [mark] = await hubRow('callerMark');
      assert.deepEqual([mark?.deleted, mark?.payload], [true, null]);
      await ok(b, 'hub.syncNow');
      assert.equal(b.services.store.database().prepare('SELECT count(*) FROM shared_caller_marks').pluck().get(), 0);
      assert.deepEqual(await purgeHub(hub.ctx), { callbacks: 0, handovers: 0, callerMarks: 0 }, 'idempotent');
    });
  });
}

test('a workstation\'s own callbacks lose their reason and "pour qui rappellera" with the call\'s notes; handover notes go at the notes retention', async () => {
  const clock = new ManualClock(MON_10H);
  const core = await newOpenCore({ seedDemo: true, clock });
  try {
    await signInSupervisor(core);
    const call = await ok<{ id: string }>(core, 'calls.start');
    await ok(core, 'calls.end', { callId: call.id });
    const cb = await ok<{ callback: CallbackView }>(core, 'callbacks.schedule', { callId: call.id, consent: true, phone: NUMBER, window: { date: '2026-03-17', from: '10:00' }, language: 'fr', reason: 'Rappeler pour le logement', forNext: 'Attend la réponse du CPAS', assignTo: 'team' });
    const open = await ok<{ callback: CallbackView }>(core, 'callbacks.schedule', { callId: call.id, consent: true, phone: '0470 11 22 33', window: { date: '2026-03-17', from: '10:00' }, language: 'fr', reason: 'Toujours ouvert', assignTo: 'team' });
    await ok(core, 'calls.close', { callId: call.id, record: { themes: ['housing'], interventions: ['orientation'] } });
    await ok(core, 'callbacks.logAttempt', { id: cb.callback.id, result: 'reached' });
    await ok(core, 'reports.handover.add', { text: 'Note de passation.' });
    const db = core.services.store.database();
    clock.advance(23 * 31 * DAY);
    assert.equal(purgeAll(db, clock.now()).steps.find((s) => s.step === 'callbacks.context')?.count, 0, 'not before the notes retention');
    clock.advance(2 * 31 * DAY);
    const report = purgeAll(db, clock.now());
    assert.deepEqual(['callbacks.context', 'handover.notes'].map((n) => report.steps.find((s) => s.step === n)?.count), [1, 1]);
    const row = db.prepare('SELECT reason, for_next, status FROM callbacks WHERE id = ?').get(cb.callback.id) as { reason: string; for_next: string | null; status: string };
    assert.deepEqual(row, { reason: '—', for_next: null, status: 'done' }, 'the callback stays, its text goes');
    assert.equal(db.prepare('SELECT reason FROM callbacks WHERE id = ?').pluck().get(open.callback.id), 'Toujours ouvert', 'an open callback keeps its reason');
    assert.equal(db.prepare('SELECT count(*) FROM handover_notes').pluck().get(), 0);
    assert.equal(purgeAll(db, clock.now()).total, 0, 'idempotent');
  } finally {
    core.shutdown();
  }
});
