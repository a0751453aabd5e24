import assert from 'node:assert/strict';
import { test } from 'node:test';
import crypto from 'node:crypto';
import { callLink } from '../../src/callbacks/callLink.ts';
import { callbacksRepository } from '../../src/callbacks/callbacksRepository.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import { seedDemoDirectory } from '../../src/directory/demo/seedDemoDirectory.ts';
import { collectPeriods } from '../../src/reports/collectFacts.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { cachedPeriods } from '../../src/reports/factsCache.ts';
import { canonicalFacts } from '../../src/reports/periodFacts.ts';
import type { Db } from '../../src/store/openDatabase.ts';
import { newOpenStore } from './helpers/tempStore.ts';

// The per-day facts cache: a report from cached days equals the report read from the calls,
// before and after every kind of change the triggers of migration 005 must catch.

const NOW = new Date('2026-03-18T15:30:00.000Z');
const PERIODS = [
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-01-04', to: '2026-01-31' },
];

function same(db: Db, label: string): void {
  const cached = cachedPeriods(db, PERIODS);
  const direct = collectPeriods(db, PERIODS);
  cached.facts.forEach((f, i) => assert.deepEqual(canonicalFacts(f), canonicalFacts(direct.facts[i]!), `${label}: period ${i}`));
  assert.deepEqual(cached.centres, direct.centres, `${label}: centres`);
}

const cachedDays = (db: Db) => db.prepare('SELECT count(*) FROM report_day_facts').pluck().get() as number;
const isCached = (db: Db, day: string) => db.prepare('SELECT count(*) FROM report_day_facts WHERE day = ?').pluck().get(day) === 1;

test('report_day_facts: cold, warm, and after every change the triggers catch', async () => {
  const session = await newOpenStore();
  const db = session.database();
  seedDemoDirectory(db, NOW);
  seedDemoCalls(db, { calls: 1200, days: 80, now: NOW, seed: 3 });
  assert.equal(cachedDays(db), 0);
  same(db, 'cold');
  assert.equal(cachedDays(db), 28 + 28, 'every day of both periods is kept');
  same(db, 'warm');

  const repo = callsRepository(db);
  const onFeb10 = db.prepare(`SELECT id FROM calls WHERE started_at >= '2026-02-10T00:00:00Z' AND started_at < '2026-02-10T20:00:00Z' LIMIT 1`).pluck().get() as string;
  const record = repo.record(onFeb10);
  repo.saveRecord(onFeb10, { ...record, commune: 'evere', themes: ['violence', 'food'], referrals: [] }, NOW);
  assert.equal(isCached(db, '2026-02-10'), false, 'a changed record drops its day');
  assert.equal(isCached(db, '2026-02-12'), true, 'other days stay');
  same(db, 'record changed');

  // A call started at 00:30 in Brussels is on the previous UTC date: both dates are dropped.
  const profile = db.prepare('SELECT id FROM profiles LIMIT 1').pluck().get() as string;
  const late = repo.start(profile, new Date('2026-02-14T23:30:00.000Z'));
  repo.saveRecord(late, { themes: ['housing'], interventions: ['listening'], referrals: [] }, NOW);
  repo.end(late, new Date('2026-02-15T00:10:00.000Z'), 40 * 60_000, NOW);
  assert.equal(isCached(db, '2026-02-15'), false);
  same(db, 'a late-night call added');

  // Callbacks: a new one on an old call, then closed; a snooze (due time only) keeps the day.
  const onJan20 = db.prepare(`SELECT id, started_at FROM calls WHERE started_at >= '2026-01-20T08:00:00Z' AND started_at < '2026-01-20T17:00:00Z' LIMIT 1`).get() as { id: string; started_at: string };
  same(db, 'before the callback');
  const cbId = crypto.randomUUID();
  callbacksRepository(db).insert({
    id: cbId,
    callId: onJan20.id,
    phoneE164: '+32470000000',
    consentAt: onJan20.started_at,
    language: 'fr',
    reason: 'Vérifier',
    windowStart: '2026-01-21T09:00:00.000Z',
    windowEnd: null,
    dueAt: '2026-01-21T09:00:00.000Z',
    assigneeProfileId: null,
    createdByProfileId: profile,
    createdAt: onJan20.started_at,
  });
  assert.equal(isCached(db, '2026-01-20'), false);
  same(db, 'callback scheduled');
  callbacksRepository(db).setDue(cbId, '2026-01-22T09:00:00.000Z', 0, NOW.toISOString());
  assert.equal(isCached(db, '2026-01-20'), true, 'a snooze does not change what is counted');
  callbacksRepository(db).close(cbId, 'unreachable', 3, NOW.toISOString());
  callLink(db).setCallbackOutcome(onJan20.id, 'unreachable', NOW);
  same(db, 'callback closed');

  // The directory: a service's first theme can change a referral's kind — every day goes.
  db.prepare(`UPDATE services SET themes = '["health"]' WHERE id = (SELECT service_id FROM call_referrals LIMIT 1)`).run();
  assert.equal(cachedDays(db), 0);
  same(db, 'directory changed');

  // A version bump recomputes.
  db.prepare('UPDATE report_day_facts SET version = 0').run();
  same(db, 'older version');
  assert.equal(db.prepare('SELECT count(*) FROM report_day_facts WHERE version = 0').pluck().get(), 0);
  session.close();
});
