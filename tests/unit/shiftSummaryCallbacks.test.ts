import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseSchedule, newCallbacksWorld, op } from './helpers/callbacksSetup.ts';

// The shift summary's callback counts (issue 16 walkthrough: "Vandaag gepland" counted
// tomorrow's callback). "Due that day" counts the callbacks planned for the day; "scheduled"
// those arranged during it, whatever day they are for.

test('shift summary: callbacks due that day are those planned for it, not those arranged that day for tomorrow', async () => {
  const w = await newCallbacksWorld('2026-03-16T09:00:00.000Z'); // Monday 16 March, 10:00 in Brussels
  await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-16', from: '14:00', to: '16:00' } });
  await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-17', from: '10:00', to: '12:00' } });
  const monday = (await op(w.core, 'reports.shiftSummary', {})).callbacks;
  assert.equal(monday.dueThatDay, 1, 'only the afternoon callback is planned for Monday');
  assert.equal(monday.scheduled, 2, 'both were arranged on Monday');
  const tuesday = (await op(w.core, 'reports.shiftSummary', { day: '2026-03-17' })).callbacks;
  assert.deepEqual([tuesday.dueThatDay, tuesday.scheduled], [1, 0]);
  // A callback due at 00:30 Brussels time on the 18th is the 18th's (a UTC day would say the 17th).
  await op(w.core, 'callbacks.schedule', { ...baseSchedule, callId: w.callId, window: { date: '2026-03-18', from: '00:30' } });
  const wednesday = (await op(w.core, 'reports.shiftSummary', { day: '2026-03-18' })).callbacks;
  assert.equal(wednesday.dueThatDay, 1);
  assert.equal((await op(w.core, 'reports.shiftSummary', { day: '2026-03-17' })).callbacks.dueThatDay, 1);
});
