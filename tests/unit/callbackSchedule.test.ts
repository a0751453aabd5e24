import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketOf, DUE_GRACE_MS, resolveWindow, sortQueue, wasMissed } from '../../src/callbacks/callbackSchedule.ts';
import {
  addDays as addCalendarDays,
  dayOf as localDateOf,
  HOUR,
  MINUTE,
  timeOf as localTimeOf,
  tomorrowAt,
  zonedToInstant,
} from '../../src/domain/brusselsTime.ts';

// Brussels wall-clock times → instants, across both daylight-saving transitions of 2026:
// spring forward on Sunday 29 March (02:00 CET → 03:00 CEST), fall back on Sunday 25 October
// (03:00 CEST → 02:00 CET).

test('an ordinary winter and summer time', () => {
  assert.deepEqual(zonedToInstant('2026-01-15', '10:00'), { at: new Date('2026-01-15T09:00:00Z'), adjustment: 'none' });
  assert.deepEqual(zonedToInstant('2026-07-01', '10:00'), { at: new Date('2026-07-01T08:00:00Z'), adjustment: 'none' });
});

test('spring forward: 02:30 does not exist and moves to 03:30 summer time', () => {
  const r = zonedToInstant('2026-03-29', '02:30');
  assert.equal(r.at.toISOString(), '2026-03-29T01:30:00.000Z');
  assert.equal(r.adjustment, 'skipped');
  assert.equal(localTimeOf(r.at), '03:30');
  assert.equal(zonedToInstant('2026-03-29', '02:00').at.toISOString(), '2026-03-29T01:00:00.000Z');
  // Either side of the gap is exact.
  assert.deepEqual(zonedToInstant('2026-03-29', '01:59'), { at: new Date('2026-03-29T00:59:00Z'), adjustment: 'none' });
  assert.deepEqual(zonedToInstant('2026-03-29', '03:00'), { at: new Date('2026-03-29T01:00:00Z'), adjustment: 'none' });
});

test('fall back: 02:30 happens twice and the earlier (summer time) is taken', () => {
  const r = zonedToInstant('2026-10-25', '02:30');
  assert.equal(r.at.toISOString(), '2026-10-25T00:30:00.000Z');
  assert.equal(r.adjustment, 'repeated');
  assert.equal(localTimeOf(r.at), '02:30');
  // The second 02:30 is an hour later and reads the same on the wall.
  assert.equal(localTimeOf(new Date(r.at.getTime() + HOUR)), '02:30');
  assert.deepEqual(zonedToInstant('2026-10-25', '01:59'), { at: new Date('2026-10-24T23:59:00Z'), adjustment: 'none' });
  assert.deepEqual(zonedToInstant('2026-10-25', '03:00'), { at: new Date('2026-10-25T02:00:00Z'), adjustment: 'none' });
});

test('"tomorrow 10:00" stays 10:00 across each transition (23 h, then 25 h later)', () => {
  const sat1 = new Date('2026-03-28T09:00:00Z'); // Saturday 10:00 CET
  const spring = tomorrowAt(sat1, '10:00');
  assert.equal(spring.at.toISOString(), '2026-03-29T08:00:00.000Z');
  assert.equal(spring.at.getTime() - sat1.getTime(), 23 * HOUR);
  assert.equal(localTimeOf(spring.at), '10:00');

  const sat2 = new Date('2026-10-24T08:00:00Z'); // Saturday 10:00 CEST
  const autumn = tomorrowAt(sat2, '10:00');
  assert.equal(autumn.at.toISOString(), '2026-10-25T09:00:00.000Z');
  assert.equal(autumn.at.getTime() - sat2.getTime(), 25 * HOUR);
  assert.equal(localTimeOf(autumn.at), '10:00');

  // Late in the evening UTC is already tomorrow in Brussels.
  assert.equal(localDateOf(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
  assert.equal(tomorrowAt(new Date('2026-06-30T22:30:00Z'), '10:00').at.toISOString(), '2026-07-02T08:00:00.000Z');
});

test('calendar arithmetic crosses months, years and leap days', () => {
  assert.equal(addCalendarDays('2026-03-31', 1), '2026-04-01');
  assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
  assert.throws(() => zonedToInstant('2026-02-30', '10:00'), RangeError);
  assert.throws(() => zonedToInstant('2026-02-10', '24:00'), RangeError);
});

test('a preferred window: resolved, or refused with a reason', () => {
  const now = new Date('2026-03-16T09:00:00Z'); // 10:00 Brussels
  const ok = resolveWindow({ date: '2026-03-16', from: '14:00', to: '16:00' }, now);
  assert.ok(ok.ok);
  assert.equal(ok.window.start.toISOString(), '2026-03-16T13:00:00.000Z');
  assert.equal(ok.window.end?.toISOString(), '2026-03-16T15:00:00.000Z');
  assert.deepEqual(resolveWindow({ date: '2026-03-16', from: '14:00', to: '13:00' }, now), { ok: false, problem: 'end-before-start' });
  assert.deepEqual(resolveWindow({ date: '2026-03-15', from: '14:00' }, now), { ok: false, problem: 'in-the-past' });
  assert.deepEqual(resolveWindow({ date: '2026-09-16', from: '14:00' }, now), { ok: false, problem: 'too-far' });
  // Started but not over: due at once.
  assert.ok(resolveWindow({ date: '2026-03-16', from: '09:00', to: '11:00' }, now).ok);
  // The spring-forward gap in a window: both ends reported.
  const gap = resolveWindow({ date: '2026-03-29', from: '02:30', to: '04:00' }, now);
  assert.ok(gap.ok);
  assert.deepEqual(gap.window.adjustments, { from: 'skipped', to: 'none' });
  assert.equal(gap.window.end!.getTime() - gap.window.start.getTime(), 30 * MINUTE);
});

test('queue buckets: upcoming, due now within the window or the grace, then overdue; done when closed', () => {
  const c = { status: 'pending' as const, dueAt: '2026-03-16T13:00:00.000Z', windowEnd: '2026-03-16T15:00:00.000Z' };
  assert.equal(bucketOf(c, new Date('2026-03-16T12:59:59Z')), 'upcoming');
  assert.equal(bucketOf(c, new Date('2026-03-16T13:00:00Z')), 'dueNow');
  assert.equal(bucketOf(c, new Date('2026-03-16T14:59:00Z')), 'dueNow');
  assert.equal(bucketOf(c, new Date('2026-03-16T15:00:00Z')), 'overdue');
  const noWindow = { ...c, windowEnd: null };
  assert.equal(bucketOf(noWindow, new Date(Date.parse(c.dueAt) + DUE_GRACE_MS - 1)), 'dueNow');
  assert.equal(bucketOf(noWindow, new Date(Date.parse(c.dueAt) + DUE_GRACE_MS)), 'overdue');
  assert.equal(bucketOf({ ...c, status: 'done' }, new Date('2026-03-16T14:00:00Z')), 'done');
});

test('the queue sorts overdue by how late (latest first), the rest by due time, done by closing', () => {
  const now = new Date('2026-03-16T15:00:00Z');
  const mk = (id: string, dueAt: string, status: 'pending' | 'done' = 'pending', closedAt: string | null = null) => ({ id, status, dueAt, windowEnd: null, closedAt });
  const q = sortQueue(
    [
      mk('late1h', '2026-03-16T14:00:00Z'),
      mk('late5h', '2026-03-16T10:00:00Z'),
      mk('late2h', '2026-03-16T13:00:00Z'),
      mk('now', '2026-03-16T14:50:00Z'),
      mk('later', '2026-03-17T09:00:00Z'),
      mk('soon', '2026-03-16T16:00:00Z'),
      mk('d1', '2026-03-16T08:00:00Z', 'done', '2026-03-16T09:00:00Z'),
      mk('d2', '2026-03-16T08:00:00Z', 'done', '2026-03-16T11:00:00Z'),
    ],
    now,
  );
  assert.deepEqual(q.overdue.map((c) => c.id), ['late5h', 'late2h', 'late1h']);
  assert.deepEqual(q.dueNow.map((c) => c.id), ['now']);
  assert.deepEqual(q.upcoming.map((c) => c.id), ['soon', 'later']);
  assert.deepEqual(q.done.map((c) => c.id), ['d2', 'd1']);
});

test('an announcement more than 5 minutes late is a missed reminder', () => {
  assert.equal(wasMissed('2026-03-16T10:00:00Z', new Date('2026-03-16T10:00:15Z')), false);
  assert.equal(wasMissed('2026-03-16T10:00:00Z', new Date('2026-03-16T10:06:00Z')), true);
});
