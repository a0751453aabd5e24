import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppCore } from '../../src/app/appCore.ts';
import { dayOf as brusselsDay, dayStart as brusselsDayStart, nextDayStart as brusselsNextDayStart } from '../../src/domain/brusselsTime.ts';
import { computeTimer } from '../../src/calls/timer.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { callRecordSchema } from '../../src/contract/callSchemas.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createAppCore } from '../../src/app/appCore.ts';
import { newOpenCore, seedResponder, TEST_PASSPHRASE, TEST_SCRYPT } from './helpers/tempStore.ts';

/** The PIN every test responder is given (issue 8: no profile signs in without one). */
const TEST_PIN = '246810';

// Profiles, the shift, calls, timed notes, the record and the history, through the real
// router on real encrypted stores, with a clock moved by hand.

const T0 = '2026-03-16T09:00:00.000Z'; // a Monday, 10:00 in Brussels

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { payload: r.error });
  return r.value as OutputOf<N>;
}

async function fails(core: AppCore, name: OperationName, input: unknown): Promise<{ code: string; message: string; issues?: Array<{ path: string; message: string }> }> {
  const r = await core.router.dispatch(name, input);
  assert.equal(r.ok, false, `${name} should fail`);
  return (r as { ok: false; error: { code: string; message: string } }).error;
}

async function setup(): Promise<{ core: AppCore; clock: ManualClock; me: string }> {
  const clock = new ManualClock(T0);
  const core = await newOpenCore({ clock });
  const p = await seedResponder(core, { displayName: 'Marie', centre: 'CASG Nord', pin: TEST_PIN });
  await op(core, 'profiles.signIn', { profileId: p.id, secret: TEST_PIN });
  return { core, clock, me: p.id };
}

test('profiles: create, list (last signed-in first), sign in sets the session, duplicates refused', async () => {
  const clock = new ManualClock(T0);
  const core = await newOpenCore({ clock });
  assert.deepEqual(await op(core, 'profiles.current', {}), { profile: null });
  const a = await seedResponder(core, { displayName: '  Marie  D. ', centre: 'CASG Nord', pin: TEST_PIN });
  assert.equal(a.displayName, 'Marie D.');
  assert.equal(a.role, 'responder');
  assert.equal(a.hasPin, true, 'a responder profile always has its PIN');
  const b = await seedResponder(core, { displayName: 'Tom', centre: 'CAW Brussel', pin: TEST_PIN });

  clock.advance(1000);
  await op(core, 'profiles.signIn', { profileId: b.id, secret: TEST_PIN });
  assert.equal(core.services.session.profileId, b.id);
  assert.equal(core.services.session.role, 'responder');
  assert.deepEqual((await op(core, 'profiles.list', {})).profiles.map((p) => p.displayName), ['Tom', 'Marie D.']);
  assert.equal((await op(core, 'profiles.current', {})).profile?.id, b.id);
  assert.equal((await fails(core, 'profiles.signIn', { profileId: '00000000-0000-4000-8000-000000000000' })).code, 'NotFound');

  await op(core, 'profiles.signOut', {});
  assert.deepEqual({ profileId: core.services.session.profileId, role: core.services.session.role }, { profileId: null, role: null });

  // profiles.create is a supervisor's (issue 12): duplicates and empty names are refused there too.
  await op(core, 'access.createFirstSupervisor', { displayName: 'Sophie', centre: 'CASG Nord', passphrase: 'supervisor passphrase' });
  const dup = await fails(core, 'profiles.create', { displayName: 'marie d.', centre: 'casg nord', pin: TEST_PIN });
  assert.equal(dup.code, 'Conflict');
  assert.equal((await fails(core, 'profiles.create', { displayName: '', centre: 'x', pin: TEST_PIN })).code, 'InvalidInput');
  core.shutdown();
});

test('call operations need a signed-in profile', async () => {
  const core = await newOpenCore();
  const e = await fails(core, 'calls.start', {});
  assert.equal(e.code, 'Forbidden');
  core.shutdown();
});

test('the timer is computed from the clock: start, hold, resume, end records the duration', async () => {
  const { core, clock } = await setup();
  const call = await op(core, 'calls.start', {});
  assert.equal(call.status, 'active');
  assert.equal(call.timer.elapsedMs, 0);
  assert.equal((await fails(core, 'calls.start', {})).code, 'Conflict', 'one call at a time');

  clock.advance(4 * 60_000 + 12_000);
  assert.equal((await op(core, 'calls.current', {})).call?.timer.elapsedMs, 252_000);
  const paused = await op(core, 'calls.pause', { callId: call.id });
  assert.equal(paused.running, false);
  assert.equal(paused.pausedAt, clock.now().toISOString());
  clock.advance(90_000);
  const onHold = (await op(core, 'calls.current', {})).call!.timer;
  assert.equal(onHold.elapsedMs, 252_000, 'the hold does not count');
  assert.equal(onHold.pausedMs, 90_000);
  await op(core, 'calls.pause', { callId: call.id }); // idempotent
  const resumed = await op(core, 'calls.resume', { callId: call.id });
  assert.equal(resumed.running, true);
  clock.advance(60_000);
  const ended = await op(core, 'calls.end', { callId: call.id });
  assert.equal(ended.status, 'ended');
  assert.equal(ended.durationMs, 312_000);
  assert.equal(ended.timer.elapsedMs, 312_000);
  clock.advance(600_000);
  assert.equal((await op(core, 'calls.get', { callId: call.id })).timer.elapsedMs, 312_000, 'an ended call no longer counts');
  assert.equal((await op(core, 'calls.current', {})).call, null);
  assert.equal((await fails(core, 'calls.end', { callId: call.id })).code, 'Conflict');
  core.shutdown();
});

test('ending a call at its last activity (after a crash) does not count the downtime', async () => {
  const { core, clock } = await setup();
  const call = await op(core, 'calls.start', {});
  clock.advance(120_000);
  await op(core, 'calls.addNote', { callId: call.id, text: 'dernière entrée' });
  clock.advance(3 * 3600_000);
  const ended = await op(core, 'calls.end', { callId: call.id, at: 'lastActivity' });
  assert.equal(ended.durationMs, 120_000);
  core.shutdown();
});

test('timer arithmetic: holds outside the call and an open hold', () => {
  const t = computeTimer(
    {
      startedAt: '2026-01-01T10:00:00.000Z',
      endedAt: null,
      holds: [
        { startedAt: '2026-01-01T10:01:00.000Z', endedAt: '2026-01-01T10:02:00.000Z' },
        { startedAt: '2026-01-01T10:05:00.000Z', endedAt: null },
      ],
    },
    new Date('2026-01-01T10:07:00.000Z'),
  );
  assert.equal(t.elapsedMs, 4 * 60_000);
  assert.equal(t.pausedMs, 3 * 60_000);
  assert.equal(t.pausedAt, '2026-01-01T10:05:00.000Z');
  assert.equal(t.running, false);
});

test('timed notes: stamped with call-relative and wall-clock time, editable until closed', async () => {
  const { core, clock } = await setup();
  const call = await op(core, 'calls.start', {});
  clock.advance(252_000);
  const n1 = await op(core, 'calls.addNote', { callId: call.id, text: 'Madame appelle pour ' });
  assert.equal(n1.offsetMs, 252_000);
  assert.equal(n1.wallAt, clock.now().toISOString());
  assert.equal(n1.seq, 1);
  clock.advance(300);
  const n1b = await op(core, 'calls.updateNote', { callId: call.id, noteId: n1.id, text: 'Madame appelle pour un colis alimentaire ' });
  assert.equal(n1b.text, 'Madame appelle pour un colis alimentaire ', 'text kept as typed, trailing space too');
  assert.equal(n1b.offsetMs, 252_000, 'the stamp stays when the entry is edited');
  clock.advance(60_000);
  const n2 = await op(core, 'calls.addNote', { callId: call.id, text: 'orientée vers le CPAS' });
  assert.equal(n2.seq, 2);
  const n3 = await op(core, 'calls.addNote', { callId: call.id, text: 'x' });
  await op(core, 'calls.deleteNote', { callId: call.id, noteId: n3.id });
  const view = await op(core, 'calls.get', { callId: call.id });
  assert.deepEqual(view.notes.map((n) => n.text), ['Madame appelle pour un colis alimentaire ', 'orientée vers le CPAS']);
  assert.equal((await fails(core, 'calls.updateNote', { callId: call.id, noteId: 99999, text: 'x' })).code, 'NotFound');
  assert.equal((await fails(core, 'calls.addNote', { callId: call.id, text: 'a\u0000b' })).code, 'InvalidInput');
  assert.equal((await fails(core, 'calls.addNote', { callId: call.id, text: 'x'.repeat(10_001) })).code, 'InvalidInput');

  await op(core, 'calls.end', { callId: call.id });
  await op(core, 'calls.addNote', { callId: call.id, text: 'ajout après la fin' });
  await op(core, 'calls.close', { callId: call.id, record: { themes: ['food'], interventions: ['orientation'] } });
  assert.equal((await fails(core, 'calls.updateNote', { callId: call.id, noteId: n1.id, text: 'changed' })).code, 'Conflict');
  assert.equal((await fails(core, 'calls.addNote', { callId: call.id, text: 'late' })).code, 'Conflict');
  core.shutdown();
});

test('a note survives a crash: the core dies without shutdown, a new core on the same folder reopens the call', async () => {
  const clock = new ManualClock(T0);
  const first = await newOpenCore({ clock });
  const p = await seedResponder(first, { displayName: 'Marie', centre: 'CASG Nord', pin: TEST_PIN });
  await op(first, 'profiles.signIn', { profileId: p.id, secret: TEST_PIN });
  const call = await op(first, 'calls.start', {});
  clock.advance(100_000);
  const note = await op(first, 'calls.addNote', { callId: call.id, text: 'premier' });
  await op(first, 'calls.updateNote', { callId: call.id, noteId: note.id, text: 'premier jet' });
  await op(first, 'calls.pause', { callId: call.id });
  clock.advance(30_000);
  // No shutdown: the first core's handle is simply abandoned, as in a crash.
  const second = createAppCore({ dataDir: first.services.store.files.dataDir, shell: 'cli', scrypt: TEST_SCRYPT, validateOutput: true, clock });
  await second.start();
  await op(second, 'store.unlock', { passphrase: TEST_PASSPHRASE });
  await op(second, 'profiles.signIn', { profileId: p.id, secret: TEST_PIN });
  const current = (await op(second, 'calls.current', {})).call;
  assert.equal(current?.id, call.id);
  assert.equal(current?.timer.elapsedMs, 100_000);
  assert.equal(current?.timer.running, false, 'still on hold');
  const view = await op(second, 'calls.get', { callId: call.id });
  assert.deepEqual(view.notes.map((n) => n.text), ['premier jet']);
  second.shutdown();
});

test('the record: draft autosave, closing needs themes and interventions, unknown themes refused', async () => {
  const { core } = await setup();
  const call = await op(core, 'calls.start', {});
  const saved = await op(core, 'calls.saveRecord', {
    callId: call.id,
    record: { callerType: 'relative', language: 'other', languageOther: 'tigrinya', interpreter: true, commune: 'schaerbeek', callerHistory: 'repeat', pseudonym: 'Monsieur X du lundi' },
  });
  assert.equal(saved.complete, false);
  assert.equal((await fails(core, 'calls.saveRecord', { callId: call.id, record: { themes: ['nope_nope'] } })).code, 'InvalidInput');
  assert.equal((await fails(core, 'calls.saveRecord', { callId: call.id, record: { commune: 'paris' } })).code, 'InvalidInput');
  assert.equal((await fails(core, 'calls.saveRecord', { callId: call.id, record: { themes: ['food', 'food'] } })).code, 'InvalidInput');
  assert.equal((await fails(core, 'calls.saveRecord', { callId: call.id, record: { name: 'Jean Dupont' } })).code, 'InvalidInput', 'no field for an identity');
  assert.equal((await fails(core, 'calls.close', { callId: call.id })).code, 'Conflict', 'end first');
  await op(core, 'calls.end', { callId: call.id });
  const missing = await fails(core, 'calls.close', { callId: call.id });
  assert.equal(missing.code, 'InvalidInput');
  assert.deepEqual(missing.issues?.map((i) => i.path), ['record.themes', 'record.interventions']);

  const record = {
    callerType: 'relative' as const,
    language: 'other' as const,
    languageOther: 'tigrinya',
    interpreter: true,
    commune: 'schaerbeek',
    callerHistory: 'repeat' as const,
    pseudonym: 'Monsieur X du lundi',
    heardFrom: 'cpas' as const,
    themes: ['food', 'housing'],
    interventions: ['orientation' as const, 'referral' as const],
    referrals: [{ serviceId: 'svc-1', serviceName: 'Resto du cœur', contacted: true, consent: true, outcome: 'appointment' as const }],
    resolution: 'partly' as const,
    unmetNeed: 'pas de place en hébergement',
    mayQuote: true,
    socialAidContact: 'never' as const,
    barriers: ['non_knowledge' as const, 'non_receipt' as const],
    debrief: true,
    debriefReason: 'situation lourde',
    knowThat: 'Préfère être rappelé le matin',
  };
  assert.ok(callRecordSchema.safeParse(record).success, 'the contract and the form share this schema');
  // Issue 16: a service phoned on the caller's behalf needs the caller's oral consent, ticked.
  const noConsent = { ...record, referrals: [{ ...record.referrals[0]!, consent: false }] };
  assert.equal(callRecordSchema.safeParse(noConsent).success, false, 'the form refuses it too');
  const refused = await fails(core, 'calls.close', { callId: call.id, record: noConsent });
  assert.equal(refused.code, 'InvalidInput');
  assert.deepEqual(refused.issues?.map((i) => i.path), ['record.referrals.0.consent']);
  const closed = await op(core, 'calls.close', { callId: call.id, record });
  assert.equal(closed.status, 'closed');
  assert.equal(closed.complete, true);
  assert.deepEqual(closed.record, { ...record, heardFromOther: null, noRequest: null, lookedFor: null });
  assert.equal(closed.editable, false);
  assert.equal(closed.canReopen, true);
  core.shutdown();
});

test('a referral added from the directory screen joins the record once', async () => {
  const { core } = await setup();
  const call = await op(core, 'calls.start', {});
  await op(core, 'calls.saveRecord', { callId: call.id, record: { referrals: [{ serviceId: 'a', serviceName: 'A', contacted: true, outcome: 'will_help' }] } });
  assert.deepEqual(await op(core, 'calls.addReferral', { callId: call.id, serviceId: 'b', serviceName: 'Service B' }), { added: true, count: 2 });
  assert.deepEqual(await op(core, 'calls.addReferral', { callId: call.id, serviceId: 'b', serviceName: 'Service B' }), { added: false, count: 2 });
  const view = await op(core, 'calls.get', { callId: call.id });
  assert.deepEqual(view.record.referrals, [
    { serviceId: 'a', serviceName: 'A', contacted: true, consent: false, outcome: 'will_help' },
    { serviceId: 'b', serviceName: 'Service B', contacted: false, consent: false, outcome: null },
  ]);
  await op(core, 'calls.end', { callId: call.id });
  const referrals = view.record.referrals.map((r) => ({ ...r, consent: r.contacted }));
  await op(core, 'calls.close', { callId: call.id, record: { themes: ['food'], interventions: ['orientation'], referrals } });
  assert.equal((await fails(core, 'calls.addReferral', { callId: call.id, serviceId: 'c', serviceName: 'C' })).code, 'Conflict');
  core.shutdown();
});

test('a call without request closes in one step, without theme nor intervention (issue 16)', async () => {
  const { core } = await setup();
  const silent = await op(core, 'calls.start', {});
  const closed = await op(core, 'calls.closeWithoutRequest', { callId: silent.id, kind: 'silent' });
  assert.equal(closed.status, 'closed', 'ended and closed at once');
  assert.equal(closed.complete, true);
  assert.equal(closed.record.noRequest, 'silent');
  assert.deepEqual(closed.record.themes, []);
  const other = await op(core, 'calls.start', {});
  const scoped = await op(core, 'calls.closeWithoutRequest', { callId: other.id, kind: 'out_of_scope', lookedFor: 'sa mutuelle' });
  assert.equal(scoped.record.lookedFor, 'sa mutuelle');
  assert.equal(scoped.record.socialAidContact, 'unknown', 'a field not asked reads unknown');
  const list = await op(core, 'calls.list', {});
  assert.deepEqual(list.calls.map((c) => c.noRequest).sort(), ['out_of_scope', 'silent']);
  assert.equal((await fails(core, 'calls.closeWithoutRequest', { callId: other.id, kind: 'test' })).code, 'Conflict', 'already closed');
  assert.equal((await fails(core, 'calls.closeWithoutRequest', { callId: other.id, kind: 'prank' })).code, 'InvalidInput');
  core.shutdown();
});

test('closing is refused while the text holds identifying data, unless confirmed', async () => {
  const { core } = await setup();
  const call = await op(core, 'calls.start', {});
  await op(core, 'calls.addNote', { callId: call.id, text: 'rappeler au 0470 12 34 56' });
  await op(core, 'calls.end', { callId: call.id });
  const e = await fails(core, 'calls.close', { callId: call.id, record: { themes: ['food'], interventions: ['information'], pseudonym: 'jean@gmail.com' } });
  assert.equal(e.code, 'Conflict');
  assert.deepEqual(e.issues, [{ path: 'notes.1', message: 'phone' }, { path: 'record.pseudonym', message: 'email' }]);
  const view = await op(core, 'calls.get', { callId: call.id });
  assert.deepEqual(view.record.themes, ['food'], 'the record was saved even though the close was refused');
  const closed = await op(core, 'calls.close', { callId: call.id, keepFlagged: true });
  assert.equal(closed.status, 'closed');
  core.shutdown();
});

test('reopen: own calls of the current shift only; others\' calls are read-only', async () => {
  const { core, clock, me } = await setup();
  const call = await op(core, 'calls.start', {});
  await op(core, 'calls.end', { callId: call.id });
  await op(core, 'calls.close', { callId: call.id, record: { themes: ['food'], interventions: ['information'] } });
  const reopened = await op(core, 'calls.reopen', { callId: call.id });
  assert.equal(reopened.status, 'ended');
  assert.equal(reopened.editable, true);
  await op(core, 'calls.close', { callId: call.id });

  const tom = await seedResponder(core, { displayName: 'Tom', centre: 'CAW Brussel', pin: TEST_PIN });
  await op(core, 'profiles.signIn', { profileId: tom.id, secret: TEST_PIN });
  assert.equal((await fails(core, 'calls.reopen', { callId: call.id })).code, 'Forbidden');
  const seen = await op(core, 'calls.get', { callId: call.id });
  assert.equal(seen.editable, false);
  assert.equal(seen.canReopen, false);

  await op(core, 'profiles.signIn', { profileId: me, secret: TEST_PIN });
  clock.advance(24 * 3600_000);
  assert.equal((await fails(core, 'calls.reopen', { callId: call.id })).code, 'Forbidden', 'not the current shift any more');
  core.shutdown();
});

test('sign-out and switching responder are refused during a call', async () => {
  const { core } = await setup();
  const other = await seedResponder(core, { displayName: 'Tom', centre: 'CAW Brussel', pin: TEST_PIN });
  const call = await op(core, 'calls.start', {});
  assert.equal((await fails(core, 'profiles.signOut', {})).code, 'Conflict');
  assert.equal((await fails(core, 'profiles.signIn', { profileId: other.id, secret: TEST_PIN })).code, 'Conflict');
  await op(core, 'calls.end', { callId: call.id });
  await op(core, 'profiles.signIn', { profileId: other.id, secret: TEST_PIN });
  core.shutdown();
});

test('history: filters by Brussels date, theme, responder, commune, full-text in notes; the "to finish" list', async () => {
  const { core, clock, me } = await setup();
  const tom = await seedResponder(core, { displayName: 'Tom', centre: 'CAW Brussel', pin: TEST_PIN });
  async function makeCall(profileId: string, at: string, notes: string[], record: Record<string, unknown> | null) {
    clock.set(at);
    await op(core, 'profiles.signIn', { profileId, secret: TEST_PIN });
    const c = await op(core, 'calls.start', {});
    for (const n of notes) await op(core, 'calls.addNote', { callId: c.id, text: n });
    clock.advance(120_000);
    await op(core, 'calls.end', { callId: c.id });
    if (record) await op(core, 'calls.close', { callId: c.id, record: record as never });
    return c.id;
  }
  const a = await makeCall(me, '2026-03-16T08:30:00.000Z', ['Demande de colis alimentaire', 'Orientée vers l’épicerie sociale'], { themes: ['food'], interventions: ['orientation'], commune: 'schaerbeek' });
  const b = await makeCall(tom.id, '2026-03-16T13:00:00.000Z', ['Problème de chômage bloqué au syndicat'], { themes: ['income', 'debt'], interventions: ['information'], commune: 'ixelles' });
  const c = await makeCall(me, '2026-03-17T09:00:00.000Z', ['Écoute, solitude'], null);
  // 23:30 UTC on the 16th is already the 17th in Brussels.
  const d = await makeCall(me, '2026-03-16T23:30:00.000Z', ['Hébergement d’urgence'], { themes: ['shelter'], interventions: ['referral'], commune: 'outside' });

  await op(core, 'profiles.signIn', { profileId: me, secret: TEST_PIN });
  const ids = async (input: InputOf<'calls.list'>) => (await op(core, 'calls.list', input)).calls.map((x) => x.id);
  assert.deepEqual(await ids({}), [c, d, b, a], 'newest first');
  assert.deepEqual(await ids({ from: '2026-03-16', to: '2026-03-16' }), [b, a]);
  assert.deepEqual(await ids({ from: '2026-03-17' }), [c, d]);
  assert.deepEqual(await ids({ theme: 'debt' }), [b]);
  assert.deepEqual(await ids({ profileId: tom.id }), [b]);
  assert.deepEqual(await ids({ commune: 'ixelles' }), [b]);
  assert.deepEqual(await ids({ q: 'alimentaire' }), [a]);
  assert.deepEqual(await ids({ q: 'epicerie' }), [a], 'accents folded');
  assert.deepEqual(await ids({ q: 'chôm synd' }), [b], 'prefixes, every word');
  assert.deepEqual(await ids({ q: '"); DROP TABLE calls; --' }), []);
  assert.deepEqual(await ids({ view: 'toFinish' }), [c]);
  const page = await op(core, 'calls.list', { limit: 2, offset: 1 });
  assert.equal(page.total, 4);
  assert.deepEqual(page.calls.map((x) => x.id), [d, b]);
  const first = (await op(core, 'calls.list', { q: 'alimentaire' })).calls[0]!;
  assert.match(first.excerpt ?? '', /alimentaire/);
  assert.equal(first.noteCount, 2);
  assert.equal(first.responderName, 'Marie');
  assert.deepEqual(first.themes, ['food']);
  core.shutdown();
});

test('Brussels days: boundaries across the DST change', () => {
  assert.equal(brusselsDay(new Date('2026-03-28T23:30:00.000Z')), '2026-03-29');
  assert.equal(brusselsDayStart('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(brusselsNextDayStart('2026-03-29').toISOString(), '2026-03-29T22:00:00.000Z');
});

test('the calls.changed event is emitted on start, end and close', async () => {
  const { core } = await setup();
  const seen: unknown[] = [];
  core.onEvent((name, payload) => {
    if (name === 'calls.changed') seen.push(payload);
  });
  const call = await op(core, 'calls.start', {});
  await op(core, 'calls.end', { callId: call.id });
  await op(core, 'calls.close', { callId: call.id, record: { themes: ['food'], interventions: ['listening'] } });
  assert.deepEqual(seen, [
    { callId: call.id, status: 'active' },
    { callId: call.id, status: 'ended' },
    { callId: call.id, status: 'closed' },
  ]);
  core.shutdown();
});

test('call time display: mm:ss, hh:mm:ss past an hour', async () => {
  const { formatCallTime } = await import('../../src/domain/duration.ts');
  assert.equal(formatCallTime(0), '00:00');
  assert.equal(formatCallTime(252_000), '04:12');
  assert.equal(formatCallTime(252_999), '04:12');
  assert.equal(formatCallTime(3_599_000), '59:59');
  assert.equal(formatCallTime(3_600_000), '01:00:00');
  assert.equal(formatCallTime(2 * 3_600_000 + 3 * 60_000 + 4_000), '02:03:04');
  assert.equal(formatCallTime(-5), '00:00');
  assert.equal(formatCallTime(null), '00:00');
});
