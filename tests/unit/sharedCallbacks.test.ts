import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import type { CallbackView } from '../../src/contract/callbacksContract.ts';
import { DAY, dayOf } from '../../src/domain/brusselsTime.ts';
import type { Device } from '../../src/hub/devices.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { followUpCounts } from '../../src/hub/followUpCounts.ts';
import { openHub } from '../../src/hub/hubService.ts';
import { pushChanges } from '../../src/hub/push.ts';
import { ManualClock, systemClock } from '../../src/platform/clock.ts';
import { generateLineKey, sealWithLineKey } from '../../src/sync/lineKey.ts';
import type { ChangeWire } from '../../src/sync/wire.ts';
import { ENGINES, tempHubLocation } from './helpers/hubDatabases.ts';
import { startTestHub, startTwoPcLine, type TestHub, type TwoPcLine } from './helpers/hubServer.ts';
import { newOpenCore, signInResponder, signInSupervisor } from './helpers/tempStore.ts';

// Issue 15 points 1–5 through a real hub (Fastify + PostgreSQL, and PGlite) and two
// workstation cores in one process: the separate-process versions of these scenarios run on
// the federation harness once it lands (docs/federation.md).

async function ok<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const NUMBER = '0470 98 76 54';
const E164 = '+32470987654';
const REASON = 'RAISON-SECRETE rappeler pour le dossier logement';
const FOR_NEXT = 'POUR-QUI-RAPPELLERA attend la réponse du CPAS';
const PSEUDO = 'PSEUDO-Marcel';

type Queue = { dueNow: CallbackView[]; overdue: CallbackView[]; upcoming: CallbackView[]; done: CallbackView[] };
const all = (q: Queue) => [...q.dueNow, ...q.overdue, ...q.upcoming, ...q.done];
const hubCallbacks = async (hub: { ctx: { db: { query<R extends object>(t: string, p?: unknown[]): Promise<R[]> } } }) =>
  (await hub.ctx.db.query<{ id: string; payload: unknown }>(`SELECT id, payload FROM hub_items WHERE kind = 'callback' ORDER BY id`)).map((r) => ({ id: r.id, payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown> }));

for (const engine of ENGINES) {
  describe(`shared callbacks through the hub (${engine})`, () => {
    let line: TwoPcLine;
    let hub: TestHub;
    let a: AppCore;
    let b: AppCore;
    const clockA = new ManualClock(Date.now());
    let serviceId = '';
    let serviceName = '';
    let callId = '';
    let cbId = '';
    let bart = '';

    before(async () => {
      line = await startTwoPcLine(engine, { clockA, centreB: 'CAW Brussel', deviceB: 'Brussel 1' });
      ({ hub, a, b } = line);
      bart = await signInResponder(b, 'Bart', 'CAW Brussel');
      const row = a.services.store.database().prepare('SELECT id, name FROM services ORDER BY id LIMIT 1').get() as { id: string; name: string };
      [serviceId, serviceName] = [row.id, row.name];
      // A call on A with themes, a referral and a pseudonym, and notes that must never leave A.
      const db = a.services.store.database();
      const repo = callsRepository(db);
      const t0 = clockA.now();
      callId = repo.start(a.services.session.profileId as string, t0);
      repo.addNote(callId, 'NOTE-SECRETE rue de la Loi 16', 1000, t0);
      repo.end(callId, new Date(t0.getTime() + 60_000), 60_000, new Date(t0.getTime() + 60_000));
      repo.saveRecord(callId, { themes: ['logement'], interventions: ['referral'], pseudonym: PSEUDO, resolution: 'partly', referrals: [{ serviceId, serviceName, contacted: true, consent: true, outcome: 'will_help' }] } as never, t0);
      repo.close(callId, new Date(t0.getTime() + 120_000));
    });
    after(() => line.stop());

    test('scheduled on A, it reaches B with its number, reason, "pour qui rappellera" and call; the hub holds ciphertext only', async () => {
      const tomorrow = new Date(clockA.now().getTime() + DAY).toISOString().slice(0, 10);
      const r = await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId, consent: true, phone: NUMBER, window: { date: tomorrow, from: '10:00', to: '12:00' }, language: 'fr', reason: REASON, forNext: FOR_NEXT, assignTo: 'team' });
      cbId = r.callback.id;
      assert.equal(r.callback.shared, true);
      assert.deepEqual(r.callback.call?.themes, ['logement']);
      await ok(a, 'hub.syncNow', {});
      const [onHub] = await hubCallbacks(hub);
      assert.equal(onHub?.id, cbId);
      const text = JSON.stringify(onHub);
      for (const secret of [E164, '470987654', 'RAISON-SECRETE', 'POUR-QUI', 'PSEUDO-Marcel', 'NOTE-SECRETE', 'logement']) assert.ok(!text.includes(secret), `${secret} is not readable on the hub`);
      // Metadata the hub needs to order and arbitrate, in clear.
      assert.equal(onHub?.payload.status, 'pending');
      assert.equal(onHub?.payload.centre, 'CASG Nord');
      assert.match(String(onHub?.payload.number), /^lk1\./);

      await ok(b, 'hub.syncNow', {});
      const got = await ok<{ callback: CallbackView }>(b, 'callbacks.get', { id: cbId });
      const c = got.callback;
      assert.deepEqual([c.origin, c.originCentre, c.callId, c.phone, c.reason, c.forNext], ['hub', 'CASG Nord', null, E164, REASON, FOR_NEXT]);
      assert.deepEqual(c.call?.themes, ['logement']);
      assert.equal(c.call?.pseudonym, PSEUDO);
      assert.deepEqual(c.call?.referrals.map((x) => [x.serviceId, x.outcome]), [[serviceId, 'will_help']]);
      assert.equal(c.createdBy, 'Sophie');
      const queue = await ok<Queue>(b, 'callbacks.queue', {});
      assert.ok(all(queue).some((x) => x.id === cbId), 'in B\'s queue');
    });

    test('take conflict: both take it offline, the hub keeps exactly one holder; the other sees who and when, and keeps its attempts', async () => {
      // Both take it before either syncs (the same holder revision seen by both).
      const onB = await ok<CallbackView>(b, 'callbacks.assign', { id: cbId, to: 'me' });
      assert.equal(onB.take?.state, 'provisional');
      const onA = await ok<CallbackView>(a, 'callbacks.assign', { id: cbId, to: 'me' });
      assert.equal(onA.take?.state, 'provisional');
      // B tries once while offline: its attempt is recorded here, kept whatever the hub decides.
      await ok(b, 'callbacks.logAttempt', { id: cbId, result: 'no_answer' });
      await ok(a, 'hub.syncNow', {});
      await ok(b, 'hub.syncNow', {});
      await ok(a, 'hub.syncNow', {});
      const [state] = await hubCallbacks(hub);
      const holder = state?.payload.holder as { name: string; centre: string };
      assert.deepEqual([holder.name, holder.centre], ['Sophie', 'CASG Nord'], 'A pushed first: A holds it');
      const seenByB = (await ok<{ callback: CallbackView }>(b, 'callbacks.get', { id: cbId })).callback;
      assert.equal(seenByB.take?.state, 'refused');
      assert.deepEqual([seenByB.take?.by?.name, seenByB.take?.by?.centre], ['Sophie', 'CASG Nord']);
      assert.ok(seenByB.take?.by?.at, 'when it was taken');
      assert.equal(seenByB.mine, false);
      assert.deepEqual([seenByB.holder?.name, seenByB.holder?.centre], ['Sophie', 'CASG Nord']);
      const seenByA = (await ok<{ callback: CallbackView }>(a, 'callbacks.get', { id: cbId })).callback;
      assert.deepEqual([seenByA.take?.state, seenByA.mine], ['confirmed', true]);
      // B's attempt is on the hub and on A.
      assert.equal((state?.payload.attempts as unknown[]).length, 1);
      assert.deepEqual(seenByA.attempts.map((x) => [x.result, x.by]), [['no_answer', 'Bart (CAW Brussel)']]);
      assert.equal(seenByA.failedAttempts, 1);
    });

    test('taken over and reached on B with a follow-up: A sees the outcome; the follow-up counts on the hub', async () => {
      // B takes it over knowingly (it saw A's take): accepted.
      await ok(b, 'callbacks.assign', { id: cbId, to: 'me' });
      await ok(b, 'hub.syncNow', {});
      assert.equal((await ok<{ callback: CallbackView }>(b, 'callbacks.get', { id: cbId })).callback.take?.state, 'confirmed');
      await ok(b, 'callbacks.logAttempt', { id: cbId, result: 'reached' });
      const f = await ok<{ referrals: { help: string }[] }>(b, 'callbacks.followUp', { id: cbId, referrals: [{ serviceId, help: 'arrived' }], newRequest: true, anotherCallback: false });
      assert.deepEqual(f.referrals.map((x) => x.help), ['arrived']);
      await ok(b, 'hub.syncNow', {});
      await ok(a, 'hub.syncNow', {});
      const onA = await ok<{ callback: CallbackView; followUp: { referrals: { serviceId: string; serviceName: string; help: string }[]; centre: string; newRequest: boolean } | null }>(a, 'callbacks.get', { id: cbId });
      assert.equal(onA.callback.status, 'done');
      assert.deepEqual(onA.callback.attempts.map((x) => x.result), ['no_answer', 'reached']);
      assert.equal(onA.followUp?.centre, 'CAW Brussel');
      assert.deepEqual(onA.followUp?.referrals, [{ serviceId, serviceName, help: 'arrived' }]);
      const outcome = a.services.store.database().prepare('SELECT callback_outcome FROM calls WHERE id = ?').pluck().get(callId);
      assert.equal(outcome, 'reached', 'the call on A records how its callback ended');
      const counts = await followUpCounts(hub.ctx, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
      assert.deepEqual([counts.followUps, counts.newRequests, counts.anotherCallback, counts.overall.arrived, counts.overall.total, counts.overall.arrivedRate], [1, 1, 0, 1, 1, 1]);
      assert.deepEqual(counts.byService.map((s) => [s.serviceId, s.arrived]), [[serviceId, 1]]);
      assert.deepEqual(counts.byCentre, [{ centre: 'CAW Brussel', followUps: 1 }]);
      // A's own Bilans: the follow-up recorded on B counts for A's call, in the "did help arrive" table.
      const day = dayOf(new Date(clockA.now().getTime() + 3_600_000));
      const from = dayOf(new Date(clockA.now().getTime() - 2 * DAY));
      const report = await ok<{ tables: Array<{ id: string; columns: { key: string }[]; rows: Array<{ key: string; total?: boolean; cells: Array<{ v: number | null }> }> }> }>(a, 'reports.period', { from, to: day, flavour: 'internal' });
      const help = report.tables.find((t) => t.id === 'helpArrived');
      assert.ok(help, 'the bilan has the help-arrived table');
      const col = (k: string) => help.columns.findIndex((c) => c.key === k);
      const total = help.rows.find((r) => r.total);
      assert.deepEqual([total?.cells[col('total')]?.v, total?.cells[col('arrived')]?.v, total?.cells[col('arrivedPct')]?.v], [1, 1, 1]);
      void bart;
    });

    test('purge: at the retention limit the number is erased on A, on the hub (ciphertext gone) and on B', async () => {
      const days = (await ok<{ numberRetentionDays: number }>(a, 'callbacks.settings', {})).numberRetentionDays;
      clockA.advance((days + 1) * DAY);
      await ok(a, 'retention.apply', {});
      const numberOn = (core: AppCore) => core.services.store.database().prepare('SELECT phone_e164 FROM callbacks WHERE id = ?').pluck().get(cbId);
      assert.equal(numberOn(a), null);
      await ok(a, 'hub.syncNow', {});
      const [state] = await hubCallbacks(hub);
      assert.equal(state?.payload.number, null, 'ciphertext deleted on the hub');
      assert.equal(state?.payload.numberErasedReason, 'retention');
      await ok(b, 'hub.syncNow', {});
      assert.equal(numberOn(b), null, 'erased on B');
      assert.equal(b.services.store.database().prepare('SELECT count(*) FROM sync_outbox').pluck().get(), 0, 'B does not echo the erase back');
    });

    test('a revoked workstation can no longer pull new callbacks', async () => {
      const devices = await ok<{ devices: { id: string; thisDevice: boolean; centre: string }[] }>(a, 'hub.devices', {});
      const bDevice = devices.devices.find((d) => d.centre === 'CAW Brussel');
      assert.ok(bDevice);
      await ok(a, 'hub.revokeDevice', { deviceId: bDevice.id });
      const day = new Date(clockA.now().getTime() + DAY).toISOString().slice(0, 10);
      const r = await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId, consent: true, phone: '0470 11 22 33', window: { date: day, from: '10:00' }, language: 'fr', reason: 'après révocation', assignTo: 'team' });
      await ok(a, 'hub.syncNow', {});
      const refused = await b.router.dispatch('hub.syncNow', {});
      assert.equal(refused.ok, false);
      assert.equal((refused as { error: { code: string } }).error.code, 'HubRefused');
      assert.equal(b.services.store.database().prepare('SELECT count(*) FROM callbacks WHERE id = ?').pluck().get(r.callback.id), 0);
    });
  });
}

test('two takes pushed at the same moment on PostgreSQL (two connections): exactly one holder', async () => {
  const temp = await tempHubLocation('postgres');
  const hub = await openHub(temp.location, systemClock);
  try {
    const key = generateLineKey();
    const id = crypto.randomUUID();
    const origin: Device = { id: 'dev-a', centre: 'CASG Nord', name: 'A', role: 'founder' };
    const create: ChangeWire = {
      id: crypto.randomUUID(),
      kind: 'callback',
      callbackId: id,
      op: { type: 'create', callId: 'c1', consentAt: '2026-03-02T09:00:00.000Z', language: 'fr', windowStart: '2026-03-03T09:00:00.000Z', windowEnd: null, dueAt: '2026-03-03T09:00:00.000Z', createdAt: '2026-03-02T09:00:00.000Z', createdBy: 'Sophie', holder: null, number: sealWithLineKey(key, E164, `callback:${id}:number`), context: sealWithLineKey(key, '{}', `callback:${id}:context`) },
    };
    await pushChanges(hub, origin, [create]);
    const takers = Array.from({ length: 6 }, (_, i) => ({ device: { id: `dev-${i}`, centre: `Centre ${i}`, name: `PC ${i}`, role: 'member' as const }, profileId: crypto.randomUUID() }));
    const results = await Promise.all(
      takers.map((t, i) => pushChanges(hub, t.device, [{ id: crypto.randomUUID(), kind: 'callback', callbackId: id, op: { type: 'take', holder: { profileId: t.profileId, name: `Responder ${i}`, at: '2026-03-03T09:01:00.000Z' }, expectRev: 0 } }])),
    );
    const outcomes = results.map((r) => r[0]?.outcome);
    assert.equal(outcomes.filter((o) => o === 'accepted').length, 1, `one winner: ${outcomes.join(', ')}`);
    assert.equal(outcomes.filter((o) => o === 'refused').length, 5);
    const winner = takers[outcomes.indexOf('accepted')];
    const [row] = await hub.db.query<{ payload: { holder: { profileId: string }; holderRev: number } }>(`SELECT payload FROM hub_items WHERE kind = 'callback' AND id = $1`, [id]);
    assert.equal(row?.payload.holder.profileId, winner?.profileId);
    assert.equal(row?.payload.holderRev, 1);
    for (const r of results.filter((x) => x[0]?.outcome === 'refused')) assert.match(String(r[0]?.reason), /"code":"taken"/);
  } finally {
    await hub.close();
    await temp.drop();
  }
});

test('callbacks promised before the PC joined the hub are shared when it joins (PostgreSQL)', async () => {
  const hub = await startTestHub('postgres');
  const a = await newOpenCore({ seedDemo: true });
  try {
    await signInSupervisor(a);
    const db = a.services.store.database();
    const repo = callsRepository(db);
    const t0 = new Date();
    const callId = repo.start(a.services.session.profileId as string, t0);
    repo.end(callId, t0, 1000, t0);
    const day = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const before = await ok<{ callback: CallbackView }>(a, 'callbacks.schedule', { callId, consent: true, phone: NUMBER, window: { date: day, from: '10:00' }, language: 'nl', reason: 'Opvolging van de aanvraag', assignTo: 'me' });
    assert.equal(before.callback.shared, false);
    const { code } = await createFoundingCode(hub.ctx);
    await ok(a, 'hub.join', { url: hub.url, code, deviceName: 'Coordination' });
    assert.equal((await ok<{ callback: CallbackView }>(a, 'callbacks.get', { id: before.callback.id })).callback.shared, true);
    await ok(a, 'hub.syncNow', {});
    const [onHub] = await hubCallbacks(hub);
    assert.equal(onHub?.id, before.callback.id);
    assert.equal((onHub?.payload.holder as { name: string } | null)?.name, 'Sophie');
    assert.ok(!JSON.stringify(onHub).includes('Opvolging'));
  } finally {
    a.shutdown();
    await hub.stop();
  }
});
