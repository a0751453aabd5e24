import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CallbackView } from '../../src/contract/callbacksContract.ts';
import { dayOf } from '../../src/domain/brusselsTime.ts';
import { followUpCounts } from '../../src/hub/followUpCounts.ts';
import type { HubContext } from '../../src/hub/hubContext.ts';
import { lineReportBundle } from '../../src/hub/lineReport.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type Federation, type HubProcess, startFederation, type WorkstationProcess } from '../federation/harness.ts';

// Issue 15's "done when" with SEPARATE PROCESSES (tests/federation/harness.ts): `relais-hub serve`
// and three workstation cores, each its own OS process, on a throwaway PostgreSQL database.
// In-process versions of the same scenarios, on PostgreSQL and PGlite: sharedCallbacks.test.ts.

const E164 = '+32470556677';
type Got = { callback: CallbackView; followUp: { centre: string | null; referrals: { serviceId: string; help: string }[] } | null };

describe('shared callbacks in separate processes (PostgreSQL)', () => {
  let fed: Federation;
  let hub: HubProcess;
  let a: WorkstationProcess;
  let b: WorkstationProcess;
  let c: WorkstationProcess;
  let service = { id: '', name: '' };
  let callId = '';

  /** A closed call on A with one referral, and a callback from it held by the team. */
  async function callbackOnA(reason: string, phone = '0470 55 66 77'): Promise<string> {
    const tomorrow = dayOf(new Date(Date.now() + 86_400_000));
    const r = await a.call<{ callback: CallbackView }>('callbacks.schedule', { callId, consent: true, phone, window: { date: tomorrow, from: '10:00', to: '12:00' }, language: 'fr', reason, forNext: 'Attend la réponse du CPAS', assignTo: 'team' });
    return r.callback.id;
  }
  const numberOn = async (ws: WorkstationProcess, id: string) => (await ws.sql<{ phone_e164: string | null }>('SELECT phone_e164 FROM callbacks WHERE id = ?', [id]))[0]?.phone_e164;

  before(async () => {
    fed = await startFederation({ engine: 'postgres' });
    hub = await fed.startHub();
    [a, b, c] = await Promise.all([
      fed.startWorkstation('A', { centre: 'CASG Nord' }),
      fed.startWorkstation('B', { centre: 'CAW Brussel', displayName: 'Bart' }),
      fed.startWorkstation('C', { centre: 'CPAS Anderlecht' }),
    ]);
    await fed.enrolFounder(a, hub);
    await fed.enrol(b, { inviter: a, hub });
    await fed.enrol(c, { inviter: a, hub });
    service = (await a.sql<{ id: string; name: string }>('SELECT id, name FROM services ORDER BY id LIMIT 1'))[0] as { id: string; name: string };
    const call = await a.call<{ id: string }>('calls.start', {});
    await a.call('calls.end', { callId: call.id });
    await a.call('calls.close', { callId: call.id, record: { themes: ['housing'], interventions: ['orientation'], referrals: [{ serviceId: service.id, serviceName: service.name, contacted: true, consent: true, outcome: 'will_help' }] } });
    callId = call.id;
  });
  after(async () => {
    await fed?.close();
  });

  test('a callback scheduled on A is taken and reached on B; A sees the outcome; the follow-up counts in the hub\'s bilan', async () => {
    const id = await callbackOnA('Vérifier que le CPAS a rappelé');
    await a.call('hub.syncNow');
    await b.call('hub.syncNow');
    const onB = (await b.call<Got>('callbacks.get', { id })).callback;
    assert.deepEqual([onB.origin, onB.originCentre, onB.phone, onB.forNext], ['hub', 'CASG Nord', E164, 'Attend la réponse du CPAS']);
    assert.deepEqual(onB.call?.referrals.map((r) => r.serviceId), [service.id]);

    const taken = await b.call<CallbackView>('callbacks.assign', { id, to: 'me' });
    assert.equal(taken.take?.state, 'provisional');
    await b.call('hub.syncNow');
    assert.equal((await b.call<Got>('callbacks.get', { id })).callback.take?.state, 'confirmed');
    await b.call('callbacks.logAttempt', { id, result: 'reached' });
    await b.call('callbacks.followUp', { id, referrals: [{ serviceId: service.id, help: 'arrived' }], newRequest: false, anotherCallback: true });
    await b.call('hub.syncNow');

    await a.call('hub.syncNow');
    const onA = await a.call<Got>('callbacks.get', { id });
    assert.equal(onA.callback.status, 'done');
    assert.deepEqual([onA.callback.holder?.name, onA.callback.holder?.centre], ['Bart', 'CAW Brussel']);
    assert.deepEqual(onA.callback.attempts.map((x) => [x.result, x.by]), [['reached', 'Bart (CAW Brussel)']]);
    assert.deepEqual([onA.followUp?.centre, onA.followUp?.referrals], ['CAW Brussel', [{ serviceId: service.id, serviceName: service.name, help: 'arrived' }]]);
    assert.equal((await a.sql<{ callback_outcome: string }>('SELECT callback_outcome FROM calls WHERE id = ?', [callId]))[0]?.callback_outcome, 'reached');

    // The hub's bilan (issue 14's "Bilan de la ligne" reads these counts).
    const hubCtx = { db: { query: (text: string, params?: readonly unknown[]) => fed.hubSql(text, params ? [...params] : undefined) }, clock: systemClock } as unknown as HubContext;
    const counts = await followUpCounts(hubCtx, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    assert.deepEqual([counts.followUps, counts.anotherCallback, counts.overall.arrived, counts.overall.arrivedRate], [1, 1, 1, 1]);
    assert.deepEqual(counts.byCentre, [{ centre: 'CAW Brussel', followUps: 1 }]);
    // …and the line report's "did help arrive?" table counts it for A's call.
    // The line report counts Brussels days: near midnight the UTC date is another day.
    const today = dayOf(new Date());
    const bundle = await lineReportBundle(hubCtx, { from: today, to: today, flavour: 'internal', generator: 'test' });
    const help = bundle.report.tables.find((t) => t.id === 'helpArrived');
    const total = help?.rows.find((r) => r.total);
    const col = (k: string) => help?.columns.findIndex((c) => c.key === k) ?? -1;
    assert.deepEqual([total?.cells[col('total')]?.v, total?.cells[col('arrived')]?.v], [1, 1]);
  });

  test('a take conflict resolves to exactly one holder, on the hub and on every PC', async () => {
    const id = await callbackOnA('Suivi du dossier logement');
    await a.call('hub.syncNow');
    await Promise.all([b.call('hub.syncNow'), c.call('hub.syncNow')]);
    // B and C take it at the same moment, each having seen it held by nobody.
    await Promise.all([b.call('callbacks.assign', { id, to: 'me' }), c.call('callbacks.assign', { id, to: 'me' })]);
    await Promise.all([b.call('hub.syncNow'), c.call('hub.syncNow')]);
    await Promise.all([a.call('hub.syncNow'), b.call('hub.syncNow'), c.call('hub.syncNow')]);
    const [state] = await fed.hubSql<{ payload: { holder: { name: string; centre: string } | null; holderRev: number } }>(`SELECT payload FROM hub_items WHERE kind = 'callback' AND id = $1`, [id]);
    assert.equal(state?.payload.holderRev, 1, 'one take accepted');
    const winner = state?.payload.holder?.centre;
    assert.ok(winner === 'CAW Brussel' || winner === 'CPAS Anderlecht');
    const views = await Promise.all([a, b, c].map(async (ws) => (await ws.call<Got>('callbacks.get', { id })).callback));
    for (const v of views) assert.equal(v.holder?.centre ?? (v.mine ? winner : null), winner, 'every PC shows the same holder');
    const [onB, onC] = [views[1] as CallbackView, views[2] as CallbackView];
    const loser = winner === 'CAW Brussel' ? onC : onB;
    const won = winner === 'CAW Brussel' ? onB : onC;
    assert.deepEqual([won.mine, won.take?.state], [true, 'confirmed']);
    assert.deepEqual([loser.mine, loser.take?.state, loser.take?.by?.centre], [false, 'refused', winner]);
  });

  test('a purge erases the number on A, B and the hub', async () => {
    const id = await callbackOnA('Rappeler pour le rendez-vous', '0470 11 22 99');
    await a.call('hub.syncNow');
    await b.call('hub.syncNow');
    assert.equal(await numberOn(b, id), '+32470112299');
    await a.call('callbacks.logAttempt', { id, result: 'reached' });
    // Closed longer ago than the retention (30 days by default).
    await a.sql(`UPDATE callbacks SET closed_at = '2020-01-01T10:00:00.000Z' WHERE id = ?`, [id]);
    await a.call('retention.apply', {});
    assert.equal(await numberOn(a, id), null);
    await a.call('hub.syncNow');
    const [state] = await fed.hubSql<{ payload: { number: string | null; numberErasedReason: string } }>(`SELECT payload FROM hub_items WHERE kind = 'callback' AND id = $1`, [id]);
    assert.deepEqual([state?.payload.number, state?.payload.numberErasedReason], [null, 'retention']);
    await b.call('hub.syncNow');
    assert.equal(await numberOn(b, id), null);
  });

  test('a revoked workstation can no longer pull new callbacks', async () => {
    const devices = await a.call<{ devices: { id: string; centre: string }[] }>('hub.devices', {});
    await a.call('hub.revokeDevice', { deviceId: devices.devices.find((d) => d.centre === 'CPAS Anderlecht')?.id });
    const id = await callbackOnA('Après la révocation');
    await a.call('hub.syncNow');
    const r = await c.dispatch('hub.syncNow');
    assert.equal(r.ok, false);
    assert.equal((await c.sql('SELECT id FROM callbacks WHERE id = ?', [id])).length, 0);
    await b.call('hub.syncNow');
    assert.equal((await b.sql('SELECT id FROM callbacks WHERE id = ?', [id])).length, 1, 'the others still do');
  });
});
