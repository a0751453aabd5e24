import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { ENGINES } from './helpers/hubDatabases.ts';
import { startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';

// Issue 15: a workstation older than its hub. A pulled change of a kind it does not know (or of
// a known kind in a shape it does not know) must neither make it refuse the page forever nor be
// skipped: the pull applies what comes before, stops just before it with the cursor there, and
// the sync status says "update Relais" (not "offline"). And what a round pulls is announced at
// once (event hub.pulled) so screens refresh without waiting for their minute.

async function ok<T>(core: AppCore, name: string, input: unknown = {}): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

interface Status {
  offlineSince: string | null;
  updateNeeded: string | null;
  lastError: string | null;
}

for (const engine of ENGINES) {
  describe(`pulling what this Relais does not know (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    const pulledEvents: Array<Record<string, number>> = [];
    const cursorOf = (core: AppCore) => core.services.store.database().prepare('SELECT cursor FROM hub_link').pluck().get() as number;
    const handoversOn = (core: AppCore) => core.services.store.database().prepare('SELECT text FROM shared_handover_notes ORDER BY created_at').pluck().all() as string[];
    /** A change written straight into the hub, as a newer hub would hold it. */
    const futureItem = async (kind: string, id: string, payload: unknown) => {
      await hub.ctx.db.transaction(async (tx) => {
        const [row] = await tx.query<{ value: string }>('UPDATE hub_sequence SET value = value + 1 WHERE id = 1 RETURNING value');
        await tx.query('INSERT INTO hub_items (kind, id, seq, payload) VALUES ($1, $2, $3, $4)', [kind, id, Number(row?.value), JSON.stringify(payload)]);
      });
    };

    before(async () => {
      line = await startTwoPcLine(engine, { centreB: 'CAW Brussel', deviceB: 'Brussel 1' });
      ({ hub, a, b } = line);
      await ok(b, 'hub.syncNow');
      b.onEvent((name, payload) => {
        if (name === 'hub.pulled') pulledEvents.push(payload as Record<string, number>);
      });
    });
    after(() => line.stop());

    test('a pulled handover note is announced at once (hub.pulled), for the home board to refresh', async () => {
      await ok(a, 'reports.handover.add', { text: 'Première note.' });
      await ok(a, 'hub.syncNow');
      pulledEvents.length = 0;
      await ok(b, 'hub.syncNow');
      assert.deepEqual(handoversOn(b), ['Première note.']);
      assert.deepEqual(pulledEvents, [{ notes: 0, services: 0, callbacks: 0, handovers: 1, callerMarks: 0 }]);
      await ok(b, 'hub.syncNow');
      assert.equal(pulledEvents.length, 1, 'nothing pulled, nothing announced');
    });

    test('an unknown kind stops the pull just before it: what came before is applied, the cursor waits there, the status says update Relais', async () => {
      await ok(a, 'reports.handover.add', { text: 'Avant.' });
      await ok(a, 'hub.syncNow');
      await futureItem('callbackTemplate', 'x1', { anything: 1 });
      await ok(a, 'reports.handover.add', { text: 'Après.' });
      // A is as old as B: its pull stops too, but its push went through ("sending goes on").
      assert.equal((await a.router.dispatch('hub.syncNow', {})).ok, false);
      assert.equal((await ok<{ pending: number }>(a, 'hub.status')).pending, 0);
      const [seqBefore] = await hub.ctx.db.query<{ seq: string }>(`SELECT seq FROM hub_items WHERE kind = 'callbackTemplate'`);
      pulledEvents.length = 0;

      for (let round = 0; round < 2; round++) {
        const r = await b.router.dispatch('hub.syncNow', {});
        assert.equal(r.ok, false);
        assert.equal((r as { error: { code: string; reason?: string } }).error.reason, 'hub.updateRelais');
        assert.deepEqual(handoversOn(b), ['Première note.', 'Avant.'], 'applied up to the unknown item, nothing after it, nothing twice');
        assert.equal(cursorOf(b), Number(seqBefore?.seq) - 1, 'the cursor stops just before it');
        const s = await ok<Status>(b, 'hub.status');
        assert.equal(s.updateNeeded, 'callbackTemplate');
        assert.equal(s.offlineSince, null, 'not offline: out of date');
        assert.match(s.lastError ?? '', /update Relais/);
      }
      assert.deepEqual(pulledEvents, [{ notes: 0, services: 0, callbacks: 0, handovers: 1, callerMarks: 0 }], 'what was applied before the stop is announced');

      // Once the workstation understands it (here: the hub no longer holds it), the pull goes on from the same place and loses nothing.
      await hub.ctx.db.query(`DELETE FROM hub_items WHERE kind = 'callbackTemplate'`);
      await ok(b, 'hub.syncNow');
      assert.deepEqual(handoversOn(b), ['Première note.', 'Avant.', 'Après.']);
      assert.equal((await ok<Status>(b, 'hub.status')).updateNeeded, null);
    });

    test('a known kind in a shape this version does not know stops the pull the same way (not silently skipped)', async () => {
      const [one] = await hub.ctx.db.query<{ payload: unknown }>(`SELECT payload FROM hub_items WHERE kind = 'handover' ORDER BY seq LIMIT 1`);
      const payload = { ...((typeof one?.payload === 'string' ? JSON.parse(one.payload) : one?.payload) as Record<string, unknown>), uid: crypto.randomUUID(), priority: 'high' };
      await futureItem('handover', String(payload.uid), payload);
      const r = await b.router.dispatch('hub.syncNow', {});
      assert.equal((r as { error: { reason?: string } }).error.reason, 'hub.updateRelais');
      assert.equal((await ok<Status>(b, 'hub.status')).updateNeeded, 'handover (format)');
      await hub.ctx.db.query(`DELETE FROM hub_items WHERE kind = 'handover' AND payload ? 'priority'`);
      await ok(b, 'hub.syncNow');
    });
  });
}
