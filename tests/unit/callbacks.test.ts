import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventPayload } from '../../src/contract/index.ts';
import { HOUR, MINUTE } from '../../src/domain/brusselsTime.ts';
import { baseSchedule, eventsNamed, fails, newCallbacksWorld, op, signInAs } from './helpers/callbacksSetup.ts';

// Callbacks through the real router on real encrypted stores, time moved by a ManualClock and
// the reminder engine driven by core.tick(), as the shells' tickers do.

const MON_10H = '2026-03-16T09:00:00.000Z'; // Monday 16 March 2026, 10:00 in Brussels
type Due = EventPayload<'callbacks.due'>;
type Badge = EventPayload<'callbacks.badge'>;

test('scheduling needs the oral consent, a valid number, a clean reason, a known call and a signed-in profile', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const input = { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '14:00', to: '16:00' } };

  const noConsent = await fails(w.core, 'callbacks.schedule', { ...input, consent: false });
  assert.equal(noConsent.code, 'InvalidInput');
  assert.equal(noConsent.issues?.[0]?.path, 'consent');
  const badPhone = await fails(w.core, 'callbacks.schedule', { ...input, phone: '0470 12 34' });
  assert.equal(badPhone.issues?.[0]?.path, 'phone');
  const identifying = await fails(w.core, 'callbacks.schedule', { ...input, reason: 'Rappeler Mme au 0470 98 76 54' });
  assert.equal(identifying.issues?.[0]?.path, 'reason');
  assert.equal((await fails(w.core, 'callbacks.schedule', { ...input, reason: 'mail à jean.dupont@example.be' })).issues?.[0]?.path, 'reason');
  assert.equal((await fails(w.core, 'callbacks.schedule', { ...input, reason: '' })).code, 'InvalidInput');
  assert.equal((await fails(w.core, 'callbacks.schedule', { ...input, reason: 'x'.repeat(201) })).code, 'InvalidInput');
  assert.equal((await fails(w.core, 'callbacks.schedule', { ...input, extra: 1 })).code, 'InvalidInput');
  assert.equal((await fails(w.core, 'callbacks.schedule', { ...input, callId: '00000000-0000-4000-8000-000000000000' })).code, 'NotFound');
  const past = await fails(w.core, 'callbacks.schedule', { ...input, window: { date: '2026-03-15', from: '14:00' } });
  assert.equal(past.issues?.[0]?.path, 'window.from');
  const reversed = await fails(w.core, 'callbacks.schedule', { ...input, window: { date: '2026-03-16', from: '14:00', to: '13:00' } });
  assert.equal(reversed.issues?.[0]?.path, 'window.to');

  const r = await op(w.core, 'callbacks.schedule', { ...input, phone: '02/555.12.34', assignTo: 'me' });
  assert.equal(r.callback.phone, '+3225551234');
  assert.equal(r.callback.phoneDisplay, '02 555 12 34');
  assert.equal(r.callback.windowStart, '2026-03-16T13:00:00.000Z');
  assert.equal(r.callback.windowEnd, '2026-03-16T15:00:00.000Z');
  assert.equal(r.callback.bucket, 'upcoming');
  assert.deepEqual(r.callback.holder, { profileId: w.me, name: 'Marie D.' });
  assert.equal(r.callback.mine, true);
  assert.deepEqual(r.adjustments, { from: 'none', to: 'none' });

  await op(w.core, 'calls.end', { callId: w.callId });
  await op(w.core, 'profiles.signOut', {});
  assert.equal((await fails(w.core, 'callbacks.schedule', input)).code, 'Forbidden');
  assert.equal((await fails(w.core, 'callbacks.queue', {})).code, 'Forbidden');
  // The badge count too is for a signed-in profile (issue 8: every operation names its roles).
  assert.equal((await fails(w.core, 'callbacks.badge', {})).code, 'Forbidden');
  // No number in any log line.
  assert.ok(!w.logs.some((l) => /5551234|555 12|\+32/.test(l)), w.logs.join('\n'));
  w.core.shutdown();
});

test('due: nothing before the time, one due event and the badge at the time, nothing more on later ticks', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const { callback } = await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '11:00', to: '12:00' } });
  const mark = w.events.length;
  w.clock.set('2026-03-16T09:59:59.000Z');
  assert.deepEqual(w.core.tick().reminders.announced, []);
  assert.deepEqual(eventsNamed(w, 'callbacks.due', mark), []);

  w.clock.set('2026-03-16T10:00:05.000Z');
  const tick = w.core.tick();
  assert.deepEqual(tick.reminders.announced, [callback.id]);
  const [due] = eventsNamed<Due>(w, 'callbacks.due', mark);
  assert.equal(due?.count, 1);
  assert.equal(due?.missed, 0);
  assert.deepEqual(due?.callbacks[0], { id: callback.id, dueAt: '2026-03-16T10:00:00.000Z', windowEnd: '2026-03-16T11:00:00.000Z', language: 'fr', assigneeProfileId: null, missed: false });
  assert.doesNotMatch(JSON.stringify(due), /\+32|0470|12 34 56/, 'no number in the event');
  assert.ok(!JSON.stringify(due).includes('CPAS'), 'no reason in the event');
  assert.deepEqual(eventsNamed<Badge>(w, 'callbacks.badge', mark), [{ due: 1, overdue: 0 }]);

  for (let i = 0; i < 5; i++) {
    w.clock.advance(15_000);
    w.core.tick();
  }
  assert.equal(eventsNamed(w, 'callbacks.due', mark).length, 1, 'announced once');
  assert.equal(eventsNamed(w, 'callbacks.badge', mark).length, 1, 'badge sent only when it changes');

  const q = await op(w.core, 'callbacks.queue', {});
  assert.deepEqual(q.counts, { dueNow: 1, overdue: 0, upcoming: 0, done: 0 });

  // Past the window's end it turns overdue: the badge says so.
  w.clock.set('2026-03-16T11:00:00.000Z');
  w.core.tick();
  assert.deepEqual(eventsNamed<Badge>(w, 'callbacks.badge', mark).at(-1), { due: 1, overdue: 1 });
  assert.equal((await op(w.core, 'callbacks.queue', {})).overdue[0]?.latenessMs, HOUR);
  w.core.shutdown();
});

test('snooze: the reminder leaves the due list and is announced again when the snooze ends', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const { callback } = await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '10:30' } });
  w.clock.set('2026-03-16T09:30:00.000Z');
  w.core.tick();
  const mark = w.events.length;
  const s = await op(w.core, 'callbacks.snooze', { id: callback.id, minutes: 15 });
  assert.equal(s.callback.dueAt, '2026-03-16T09:45:00.000Z');
  assert.equal(s.callback.bucket, 'upcoming');
  assert.deepEqual(eventsNamed<Badge>(w, 'callbacks.badge', mark), [{ due: 0, overdue: 0 }]);

  w.clock.set('2026-03-16T09:44:00.000Z');
  w.core.tick();
  assert.equal(eventsNamed(w, 'callbacks.due', mark).length, 0);
  w.clock.set('2026-03-16T09:45:00.000Z');
  w.core.tick();
  const due = eventsNamed<Due>(w, 'callbacks.due', mark);
  assert.equal(due.length, 1);
  assert.equal(due[0]?.callbacks[0]?.dueAt, '2026-03-16T09:45:00.000Z');

  // Snooze to a Brussels time; the past and both forms at once are refused.
  const later = await op(w.core, 'callbacks.snooze', { id: callback.id, until: { date: '2026-03-17', time: '09:30' } });
  assert.equal(later.callback.dueAt, '2026-03-17T08:30:00.000Z');
  assert.equal((await fails(w.core, 'callbacks.snooze', { id: callback.id, until: { date: '2026-03-16', time: '09:00' } })).code, 'InvalidInput');
  assert.equal((await fails(w.core, 'callbacks.snooze', { id: callback.id, minutes: 5, until: { date: '2026-03-17', time: '09:30' } })).code, 'InvalidInput');
  assert.equal((await fails(w.core, 'callbacks.snooze', { id: callback.id })).code, 'InvalidInput');
  w.core.shutdown();
});

test('no answer reschedules after the configured delay; three failures close it as unreachable and the call record says so', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const { callback } = await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '10:00' } });
  w.core.tick();

  const first = await op(w.core, 'callbacks.logAttempt', { id: callback.id, result: 'no_answer' });
  assert.equal(first.outcome, 'rescheduled');
  assert.equal(first.callback.dueAt, new Date(Date.parse(MON_10H) + 60 * MINUTE).toISOString(), 'default delay: 60 minutes');
  assert.equal(first.callback.failedAttempts, 1);
  assert.equal(first.callback.bucket, 'upcoming');
  assert.deepEqual(first.callback.attempts.map((a) => [a.result, a.by]), [['no_answer', 'Marie D.']]);

  // The delay is a setting (supervisors only).
  assert.equal((await fails(w.core, 'callbacks.updateSettings', { noAnswerDelayMinutes: 30 })).code, 'Forbidden');
  w.core.services.session.role = 'supervisor';
  assert.deepEqual(await op(w.core, 'callbacks.updateSettings', { noAnswerDelayMinutes: 30 }), { noAnswerDelayMinutes: 30, maxFailedAttempts: 3, numberRetentionDays: 30, numberRetentionMaxDays: 30 });
  assert.equal((await fails(w.core, 'callbacks.updateSettings', { maxFailedAttempts: 0 })).code, 'InvalidInput');
  w.core.services.session.role = 'responder';

  w.clock.set(first.callback.dueAt);
  const mark = w.events.length;
  w.core.tick();
  assert.equal(eventsNamed<Due>(w, 'callbacks.due', mark)[0]?.callbacks[0]?.id, callback.id, 'the rescheduled attempt is announced');

  const second = await op(w.core, 'callbacks.logAttempt', { id: callback.id, result: 'voicemail' });
  assert.equal(second.outcome, 'rescheduled');
  assert.equal(Date.parse(second.callback.dueAt) - w.clock.now().getTime(), 30 * MINUTE);
  assert.equal(second.callback.failedAttempts, 2);

  w.clock.set(second.callback.dueAt);
  const third = await op(w.core, 'callbacks.logAttempt', { id: callback.id, result: 'no_answer' });
  assert.equal(third.outcome, 'unreachable');
  assert.equal(third.callback.status, 'unreachable');
  assert.equal(third.callback.bucket, 'done');
  assert.equal(third.callback.failedAttempts, 3);
  assert.equal(third.callback.phone, null, 'a closed callback no longer shows its number');
  assert.equal(third.callback.hasNumber, true, '…which is kept until the retention purge');
  assert.equal(third.callback.attempts.length, 3);
  const outcome = w.core.services.store.database().prepare('SELECT callback_outcome FROM calls WHERE id = ?').pluck().get(w.callId);
  assert.equal(outcome, 'unreachable');

  assert.equal((await fails(w.core, 'callbacks.logAttempt', { id: callback.id, result: 'reached' })).code, 'Conflict');
  const q = await op(w.core, 'callbacks.queue', {});
  assert.deepEqual(q.counts, { dueNow: 0, overdue: 0, upcoming: 0, done: 1 });
  w.core.shutdown();
});

test('reached completes; a wrong number closes at once; the limit of failures is a setting', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const win = { date: '2026-03-16', from: '10:00' };
  const a = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: win })).callback;
  const reached = await op(w.core, 'callbacks.logAttempt', { id: a.id, result: 'reached' });
  assert.equal(reached.outcome, 'done');
  assert.equal(reached.callback.status, 'done');
  assert.equal(reached.callback.closedAt, MON_10H);

  const b = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: win })).callback;
  const wrong = await op(w.core, 'callbacks.logAttempt', { id: b.id, result: 'wrong_number' });
  assert.equal(wrong.outcome, 'unreachable');
  assert.equal(wrong.callback.failedAttempts, 1);

  w.core.services.session.role = 'supervisor';
  await op(w.core, 'callbacks.updateSettings', { maxFailedAttempts: 1 });
  const c = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: win })).callback;
  assert.equal((await op(w.core, 'callbacks.logAttempt', { id: c.id, result: 'no_answer' })).outcome, 'unreachable');
  assert.equal((await fails(w.core, 'callbacks.logAttempt', { id: '00000000-0000-4000-8000-000000000000', result: 'reached' })).code, 'NotFound');
  w.core.shutdown();
});

test('missed while closed: at the next start the reminders come out at once, flagged missed, as overdue', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const a = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '11:00' } })).callback;
  const b = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '15:00', to: '16:00' } })).callback;
  const c = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-17', from: '10:00' } })).callback;
  w.core.shutdown(); // the PC goes off at 10:00

  // Next morning, 09:00 Brussels: a new process opens the same store.
  const next = await newCallbacksWorld('2026-03-17T08:00:00.000Z', { dataDir: w.dataDir });
  const due = eventsNamed<Due>(next, 'callbacks.due');
  assert.equal(due.length, 1, 'announced as soon as the store opened, before any ticker beat');
  assert.equal(due[0]?.count, 2);
  assert.equal(due[0]?.missed, 2);
  assert.deepEqual(due[0]?.callbacks.map((x) => [x.id, x.missed]), [[a.id, true], [b.id, true]]);
  assert.deepEqual(eventsNamed<Badge>(next, 'callbacks.badge').at(-1), { due: 2, overdue: 2 });
  const q = await op(next.core, 'callbacks.queue', {});
  assert.deepEqual(q.overdue.map((x) => x.id), [a.id, b.id], 'most late first');
  assert.deepEqual(q.upcoming.map((x) => x.id), [c.id]);
  assert.equal(q.overdue[0]?.latenessMs, 22 * HOUR);
  // The screen asks for a page at a time: the totals stay in `counts`.
  const page = await op(next.core, 'callbacks.queue', { limit: 1 });
  assert.deepEqual(page.overdue.map((x) => x.id), [a.id]);
  assert.deepEqual(page.counts, { dueNow: 0, overdue: 2, upcoming: 1, done: 0 });
  next.core.tick();
  assert.equal(eventsNamed(next, 'callbacks.due').length, 1, 'not announced twice');
  next.core.shutdown();
});

test('handover: the next shift sees every open callback and who holds it, and can take one over', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const mine = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, assignTo: 'me', window: { date: '2026-03-16', from: '16:00' } })).callback;
  const team = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '16:30' } })).callback;
  await op(w.core, 'calls.end', { callId: w.callId });
  await op(w.core, 'profiles.signOut', {});

  // 17:00 — the next shift.
  w.clock.set('2026-03-16T16:00:00.000Z');
  const tom = await signInAs(w.core, 'Tom', 'CAW Brussel');
  const q = await op(w.core, 'callbacks.queue', {});
  const byId = new Map([...q.dueNow, ...q.overdue, ...q.upcoming].map((x) => [x.id, x]));
  assert.equal(byId.size, 2);
  assert.deepEqual(byId.get(mine.id)?.holder, { profileId: w.me, name: 'Marie D.' });
  assert.equal(byId.get(mine.id)?.mine, false);
  assert.equal(byId.get(team.id)?.holder, null);
  assert.deepEqual((await op(w.core, 'callbacks.queue', { holder: 'team' })).overdue.map((x) => x.id), [team.id]);
  assert.deepEqual((await op(w.core, 'callbacks.queue', { holder: 'mine' })).counts, { dueNow: 0, overdue: 0, upcoming: 0, done: 0 });

  const taken = await op(w.core, 'callbacks.assign', { id: mine.id, to: 'me' });
  assert.deepEqual(taken.holder, { profileId: tom, name: 'Tom' });
  assert.equal(taken.mine, true);
  assert.deepEqual((await op(w.core, 'callbacks.queue', { holder: 'mine' })).overdue.map((x) => x.id), [mine.id]);
  const back = await op(w.core, 'callbacks.assign', { id: mine.id, to: 'team' });
  assert.equal(back.holder, null);
  w.core.shutdown();
});

test('withdrawn consent deletes the number at once and closes the callback; logs never carry it', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const a = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, phone: '0499 87 65 43', callId: w.callId, window: { date: '2026-03-16', from: '14:00' } })).callback;
  const r = await op(w.core, 'callbacks.withdrawConsent', { id: a.id });
  assert.equal(r.status, 'withdrawn');
  assert.equal(r.hasNumber, false);
  assert.equal(r.numberDeletedReason, 'consent_withdrawn');
  assert.equal(r.numberDeletedAt, MON_10H);
  const db = w.core.services.store.database();
  assert.equal(db.prepare('SELECT phone_e164 FROM callbacks WHERE id = ?').pluck().get(a.id), null);
  assert.equal(db.prepare('SELECT callback_outcome FROM calls WHERE id = ?').pluck().get(w.callId), 'withdrawn');
  assert.equal(db.prepare(`SELECT count(*) FROM callbacks WHERE phone_e164 LIKE '%49987%'`).pluck().get(), 0);
  assert.ok(!w.logs.join('\n').includes('49987'));
  // Withdrawing after a callback was completed deletes the number too.
  const b = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '14:00' } })).callback;
  await op(w.core, 'callbacks.logAttempt', { id: b.id, result: 'reached' });
  const rb = await op(w.core, 'callbacks.withdrawConsent', { id: b.id });
  assert.equal(rb.status, 'done');
  assert.equal(rb.hasNumber, false);
  w.core.shutdown();
});

test('both DST transitions through the operations: 02:30 on each Sunday and "tomorrow 10:00" across each', async () => {
  const w = await newCallbacksWorld('2026-03-28T09:00:00.000Z'); // Saturday 28 March, 10:00 CET
  const spring = await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-29', from: '02:30' } });
  assert.equal(spring.callback.dueAt, '2026-03-29T01:30:00.000Z', '03:30 CEST: the gap is skipped forward');
  assert.deepEqual(spring.adjustments, { from: 'skipped', to: null });
  const tomorrow = await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-29', from: '10:00' } });
  assert.equal(tomorrow.callback.dueAt, '2026-03-29T08:00:00.000Z', 'tomorrow 10:00 CEST is 23 hours later');

  const mark = w.events.length;
  w.clock.set('2026-03-29T01:29:59.000Z');
  w.core.tick();
  assert.equal(eventsNamed(w, 'callbacks.due', mark).length, 0);
  w.clock.set('2026-03-29T01:30:00.000Z');
  w.core.tick();
  assert.deepEqual(eventsNamed<Due>(w, 'callbacks.due', mark)[0]?.callbacks.map((c) => c.id), [spring.callback.id]);
  w.clock.set('2026-03-29T08:00:00.000Z');
  w.core.tick();
  assert.deepEqual(eventsNamed<Due>(w, 'callbacks.due', mark)[1]?.callbacks.map((c) => c.id), [tomorrow.callback.id]);
  // Snoozed to "tomorrow 10:00" from the spring-forward Sunday: 10:00 CEST Monday.
  const snoozed = await op(w.core, 'callbacks.snooze', { id: tomorrow.callback.id, until: { date: '2026-03-30', time: '10:00' } });
  assert.equal(snoozed.callback.dueAt, '2026-03-30T08:00:00.000Z');
  w.core.shutdown();

  const v = await newCallbacksWorld('2026-10-24T08:00:00.000Z'); // Saturday 24 October, 10:00 CEST
  const autumn = await op(v.core, 'callbacks.schedule', { ...baseSchedule, callId: v.callId, window: { date: '2026-10-25', from: '02:30', to: '03:30' } });
  assert.equal(autumn.callback.dueAt, '2026-10-25T00:30:00.000Z', 'the first 02:30 (CEST)');
  assert.equal(autumn.callback.windowEnd, '2026-10-25T02:30:00.000Z', '03:30 CET');
  assert.deepEqual(autumn.adjustments, { from: 'repeated', to: 'none' });
  const tomorrowAutumn = await op(v.core, 'callbacks.schedule', { ...baseSchedule, callId: v.callId, window: { date: '2026-10-25', from: '10:00' } });
  assert.equal(tomorrowAutumn.callback.dueAt, '2026-10-25T09:00:00.000Z', 'tomorrow 10:00 CET is 25 hours later');
  const vm = v.events.length;
  v.clock.set('2026-10-25T00:30:00.000Z');
  v.core.tick();
  assert.deepEqual(eventsNamed<Due>(v, 'callbacks.due', vm)[0]?.callbacks.map((c) => c.id), [autumn.callback.id]);
  // During the repeated hour (the second 02:30, CET) it is still due: the window runs to 03:30 CET.
  v.clock.set('2026-10-25T01:30:00.000Z');
  assert.equal((await op(v.core, 'callbacks.queue', {})).dueNow[0]?.id, autumn.callback.id);
  v.clock.set('2026-10-25T08:59:00.000Z');
  v.core.tick();
  assert.equal(eventsNamed(v, 'callbacks.due', vm).length, 1);
  v.clock.set('2026-10-25T09:00:00.000Z');
  v.core.tick();
  assert.deepEqual(eventsNamed<Due>(v, 'callbacks.due', vm)[1]?.callbacks.map((c) => c.id), [tomorrowAutumn.callback.id]);
  v.core.shutdown();
});

test('the call console lists the callbacks of a call', async () => {
  const w = await newCallbacksWorld(MON_10H);
  const a = (await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '14:00' } })).callback;
  assert.deepEqual((await op(w.core, 'callbacks.forCall', { callId: w.callId })).callbacks.map((c) => c.id), [a.id]);
  assert.equal((await fails(w.core, 'callbacks.forCall', { callId: '00000000-0000-4000-8000-000000000000' })).code, 'NotFound');
  w.core.shutdown();
});
