import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, calendarMonth, dayOf, dayStart, hourOf, isoWeek, isYmd, monthsBefore, nextDayStart, periodDays, previousMonth, timeOf, weekMinuteOf } from '../../src/domain/brusselsTime.ts';

// The one Brussels-time module: calendar days are zone-free, instants are read in Brussels
// whatever the PC's zone (the tests run in the machine's zone, usually UTC).

test('a Brussels day starts at local midnight, 23 or 25 hours long across the transitions', () => {
  assert.equal(dayStart('2026-01-15').toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(dayStart('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
  assert.equal(nextDayStart('2026-03-29').getTime() - dayStart('2026-03-29').getTime(), 23 * 3_600_000);
  assert.equal(nextDayStart('2026-10-25').getTime() - dayStart('2026-10-25').getTime(), 25 * 3_600_000);
});

test('instants read on the Brussels wall clock', () => {
  assert.equal(dayOf('2026-06-30T22:30:00Z'), '2026-07-01');
  assert.equal(timeOf('2026-06-30T22:30:00Z'), '00:30');
  assert.deepEqual(weekMinuteOf(new Date('2026-03-29T01:30:00Z')), { day: 6, minute: 3 * 60 + 30 });
  assert.deepEqual(hourOf('2026-10-25T01:00:00Z'), { day: '2026-10-25', hour: 2, weekday: 6 });
});

test('calendar arithmetic, ISO weeks and months', () => {
  assert.equal(addDays('2026-03-28', 1), '2026-03-29');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(periodDays('2026-01-01', '2026-12-31'), 365);
  assert.equal(isoWeek('2026-01-01'), '2026-W01');
  assert.equal(isoWeek('2027-01-01'), '2026-W53');
  assert.equal(isoWeek('2024-12-30'), '2025-W01');
  assert.deepEqual(previousMonth('2026-03-10'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(previousMonth('2026-01-31'), { from: '2025-12-01', to: '2025-12-31' });
  assert.equal(isYmd('2026-02-29'), false);
  assert.equal(isYmd('2028-02-29'), true);
});

test('calendar months around a day: its own, the one before, a year earlier (leap years, year ends)', () => {
  assert.deepEqual(calendarMonth('2026-03-15'), { from: '2026-03-01', to: '2026-03-31' });
  assert.deepEqual(calendarMonth('2024-03-31', -1), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(calendarMonth('2026-01-31', -1), { from: '2025-12-01', to: '2025-12-31' });
  assert.deepEqual(calendarMonth('2026-01-01', -12), { from: '2025-01-01', to: '2025-01-31' });
  assert.deepEqual(calendarMonth('2025-02-01', -12), { from: '2024-02-01', to: '2024-02-29' });
});

test('N months before an instant (retention cutoffs): month ends clamped, leap years, the same UTC time across daylight-saving time', () => {
  assert.equal(monthsBefore('2026-03-31T10:00:00Z', 1).toISOString(), '2026-02-28T10:00:00.000Z');
  assert.equal(monthsBefore('2028-03-31T23:30:00Z', 1).toISOString(), '2028-02-29T23:30:00.000Z');
  assert.equal(monthsBefore('2026-05-31T00:15:00Z', 1).toISOString(), '2026-04-30T00:15:00.000Z');
  assert.equal(monthsBefore('2026-01-31T10:00:00Z', 2).toISOString(), '2025-11-30T10:00:00.000Z');
  assert.equal(monthsBefore('2028-02-29T10:00:00Z', 12).toISOString(), '2027-02-28T10:00:00.000Z');
  assert.equal(monthsBefore('2026-07-15T22:30:00Z', 6).toISOString(), '2026-01-15T22:30:00.000Z');
});
