import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import type { CallbackView } from '../../src/contract/callbacksContract.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { queueResync } from '../../src/sync/hubResync.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';
import { signInResponder } from './helpers/tempStore.ts';

// Issue 15: `relais-admin hub resync` replays this PC's part of the shared callbacks. A hub
// restored from an older dump gets back what it lost (a callback it never heard of, attempts,
// the outcome, the follow-up, a withdrawal and the number's erasure), nothing twice; a PC
// restored from an old backup ends with no duplicate and nothing lost, on the hub or here.

async function ok<T>(core: AppCore, name: string, input: unknown = {}): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const MON_10H = '2026-03-16T09:00:00.000Z';
type State = { status: string; attempts: Array<{ uid: string; result: string }>; followUp: { referrals: unknown[] } | null; number: string | null; holder: { name: string } | null; numberErasedReason: string | null };

for (const engine of ENGINES) {
  describe(`hub resync replays shared callbacks (${engine})`, () => {
    const clock = new ManualClock(MON_10H);
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    let reached = '';
    let withdrawn = '';
    const states = async () =>
      new Map(
        (await hub.ctx.db.query<{ id: string; payload: unknown }>(`SELECT id, payload FROM hub_items WHERE kind = 'callback' ORDER BY id`)).map((r) => [r.id, (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as State]),
      );
    const tables = ['callbacks', 'callback_attempts', 'callback_follow_ups', 'sync_outbox'] as const;
    const snapshot = (core: AppCore) => {
      const db = core.services.store.database();
      return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>]));
    };
    /** Puts A's callback tables (and outbox) back as a backup taken then holds them. */
    const restore = (core: AppCore, snap: ReturnType<typeof snapshot>) => {
      const db = core.services.store.database();
      db.transaction(() => {
        for (const t of [...tables].reverse()) db.prepare(`DELETE FROM ${t}`).run();
        for (const t of tables) {
          for (const row of snap[t] ?? []) {
            const cols = Object.keys(row);
            db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
          }
        }
      })();
    };

    before(async () => {
      line = await startTwoPcLine(engine, { hubClock: clock, clockA: clock, clockB: clock, centreB: 'CAW Brussel', deviceB: 'Brussel 1' });
      ({ hub, a, b } = line);
      await signInResponder(b, 'Bart', 'CAW Brussel');
    });
    after(() => line.stop());

    test('a hub restored from an older dump gets back A\'s callbacks, attempts, outcome, follow-up and withdrawal — once', async () => {
      const { id: serviceId, name: serviceName } = a.services.store.database().prepare('SELECT id, name FROM services ORDER BY id LIMIT 1').get() as { id: string; name: string };
      const call = await ok<{ id: string }>(a, 'calls.start');
      await ok(a, 'calls.end', { callId: call.id });
      await ok(a, 'calls.close', { callId: call.id, record: { themes: ['housing'], interventions: ['referral'], referrals: [{ serviceId, serviceName, contacted: true, consent: true, outcome: 'will_help' }] } });
      const window = { date: '2026-03-16', from: '10:00', to: '12:00' };
      reached = (await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId: call.id, consent: true, phone: '0470 98 76 54', window, language: 'fr', reason: 'Suivi logement', assignTo: 'me' })).callback.id;
      withdrawn = (await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId: call.id, consent: true, phone: '0470 11 22 33', window, language: 'fr', reason: 'Autre demande', assignTo: 'team' })).callback.id;
      await ok(a, 'hub.syncNow');
      const dump = await hub.ctx.db.query<{ id: string; payload: unknown }>(`SELECT id, payload FROM hub_items WHERE kind = 'callback' AND id = $1`, [reached]);

      clock.advance(30 * 60_000);
      await ok(a, 'callbacks.logAttempt', { id: reached, result: 'no_answer' });
      await ok(a, 'callbacks.logAttempt', { id: reached, result: 'reached' });
      await ok(a, 'callbacks.followUp', { id: reached, referrals: [{ serviceId, help: 'arrived' }], newRequest: false, anotherCallback: false });
      await ok(a, 'callbacks.withdrawConsent', { id: withdrawn });
      await ok(a, 'hub.syncNow');
      const full = await states();
      assert.deepEqual([full.get(reached)?.status, full.get(reached)?.attempts.length, Boolean(full.get(reached)?.followUp)], ['done', 2, true]);
      assert.deepEqual([full.get(withdrawn)?.status, full.get(withdrawn)?.number], ['withdrawn', null]);

      // The hub is restored from the dump taken before: the first callback as it was then, the second never heard of.
      await hub.ctx.db.query(`UPDATE hub_items SET payload = $2 WHERE kind = 'callback' AND id = $1`, [reached, JSON.stringify(dump[0]?.payload)]);
      await hub.ctx.db.query(`DELETE FROM hub_items WHERE kind = 'callback' AND id = $1`, [withdrawn]);
      assert.equal((await states()).get(reached)?.attempts.length, 0);

      const queued = queueResync(a.services.store.database());
      assert.ok(queued.callbackOps >= 6, `create ×2, attempts ×2, follow-up, withdraw, erase: ${queued.callbackOps}`);
      assert.equal((await ok<{ pending: number }>(a, 'hub.syncNow')).pending, 0);
      const back = await states();
      const r = back.get(reached);
      assert.deepEqual([r?.status, r?.attempts.map((x) => x.result), r?.followUp?.referrals.length, r?.holder?.name], ['done', ['no_answer', 'reached'], 1, 'Sophie']);
      const w = back.get(withdrawn);
      assert.deepEqual([w?.status, w?.number, w?.numberErasedReason], ['withdrawn', null, 'consent_withdrawn'], 'the lost callback is back, without its number');

      // Again: nothing doubles, nothing changes.
      queueResync(a.services.store.database());
      await ok(a, 'hub.syncNow');
      assert.deepEqual(await states(), back);
      // B sees the outcome (and never a second copy).
      await ok(b, 'hub.syncNow');
      const onB = await ok<{ callback: CallbackView }>(b, 'callbacks.get', { id: reached });
      assert.deepEqual([onB.callback.status, onB.callback.attempts.length], ['done', 2]);
      assert.equal(b.services.store.database().prepare('SELECT count(*) FROM callbacks').pluck().get(), 2);
    });

    test('A restored from an old backup: resync loses nothing on the hub and brings A back up to date, with no duplicate', async () => {
      const old = snapshot(a);
      // After the backup: B takes the open part of the story on — a new callback from A, reached on B.
      const callId = a.services.store.database().prepare('SELECT id FROM calls LIMIT 1').pluck().get() as string;
      const later = (await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId, consent: true, phone: '0470 55 66 77', window: { date: '2026-03-16', from: '14:00' }, language: 'nl', reason: 'Na de back-up', assignTo: 'team' })).callback.id;
      await ok(a, 'hub.syncNow');
      await ok(b, 'hub.syncNow');
      await ok(b, 'callbacks.assign', { id: later, to: 'me' });
      await ok(b, 'callbacks.logAttempt', { id: later, result: 'reached' });
      await ok(b, 'hub.syncNow');
      const before = await states();

      restore(a, old);
      assert.equal(a.services.store.database().prepare('SELECT count(*) FROM callbacks WHERE id = ?').pluck().get(later), 0, 'the backup predates it');
      queueResync(a.services.store.database());
      assert.equal((await ok<{ pending: number }>(a, 'hub.syncNow')).pending, 0);
      const afterResync = await states();
      assert.deepEqual(afterResync, before, 'the hub lost nothing and doubled nothing');
      const db = a.services.store.database();
      const row = db.prepare('SELECT status, origin FROM callbacks WHERE id = ?').get(later) as { status: string; origin: string } | undefined;
      assert.deepEqual(row, { status: 'done', origin: 'hub' }, 'A learns what happened since its backup');
      assert.equal(db.prepare('SELECT count(*) FROM callback_attempts').pluck().get(), db.prepare('SELECT count(DISTINCT uid) FROM callback_attempts').pluck().get(), 'no attempt twice');
      assert.deepEqual(db.prepare('SELECT status FROM callbacks WHERE id = ?').pluck().get(reached), 'done');
    });
  });
}
