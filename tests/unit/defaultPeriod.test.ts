import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import type { OutputOf } from '../../src/contract/index.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newOpenCore, seedResponder } from './helpers/tempStore.ts';

// Bilans opens on the last complete month that has calls (issue 16, point 10), at main's clock;
// a line without any call before this month opens on the month so far.

test('the default period: the month so far without earlier calls, else the last complete month that has calls (Brussels months)', async () => {
  const clock = new ManualClock('2026-03-10T10:00:00.000Z');
  const core = await newOpenCore({ clock });
  const db = core.services.store.database();
  const rita = await seedResponder(core, { displayName: 'Rita', centre: 'CASG Nord', pin: '246810' });
  const period = async (): Promise<OutputOf<'reports.defaultPeriod'>> => {
    const r = await core.router.dispatch('reports.defaultPeriod', {});
    assert.ok(r.ok, 'signed in, a responder may ask');
    return r.value as OutputOf<'reports.defaultPeriod'>;
  };
  const refused = await core.router.dispatch('reports.defaultPeriod', {});
  assert.equal(refused.ok, false, 'nobody signed in: refused by the router');
  const signed = await core.router.dispatch('profiles.signIn', { profileId: rita.id, secret: '246810' });
  assert.ok(signed.ok);

  assert.deepEqual(await period(), { from: '2026-03-01', to: '2026-03-10', rule: 'monthSoFar' }, 'a new line');
  const repo = callsRepository(db);
  const callAt = (iso: string, end = true) => {
    const at = new Date(iso);
    const id = repo.start(rita.id, at);
    if (end) repo.end(id, new Date(at.getTime() + 60_000), 60_000, new Date(at.getTime() + 60_000));
    return id;
  };
  callAt('2026-03-02T10:00:00.000Z');
  assert.equal((await period()).rule, 'monthSoFar', "this month's calls do not make a complete month");
  callAt('2026-01-12T10:00:00.000Z');
  assert.deepEqual(await period(), { from: '2026-01-01', to: '2026-01-31', rule: 'lastMonthWithCalls' }, 'February had no call: January');
  callAt('2026-02-10T10:00:00.000Z', false);
  assert.deepEqual((await period()).from, '2026-01-01', 'a call still in progress does not count');
  // 31 January 23:30 UTC is 1 February 00:30 in Brussels: February's.
  callAt('2026-01-31T23:30:00.000Z');
  assert.deepEqual(await period(), { from: '2026-02-01', to: '2026-02-28', rule: 'lastMonthWithCalls' });
  // Main's clock decides: ten months later, March 2026 (its call on the 2nd) is the last month with calls.
  clock.set(new Date('2027-01-05T10:00:00.000Z'));
  assert.deepEqual(await period(), { from: '2026-03-01', to: '2026-03-31', rule: 'lastMonthWithCalls' });
});
