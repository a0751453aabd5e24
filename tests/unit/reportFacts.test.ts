import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoDirectory } from '../../src/directory/demo/seedDemoDirectory.ts';
import { collectFacts, collectPeriods, periodCentres } from '../../src/reports/collectFacts.ts';
import { factsFromCalls, type ReportCall } from '../../src/reports/factsFromCalls.ts';
import { canonicalFacts } from '../../src/reports/periodFacts.ts';
import { plannedDemoCalls, seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { serviceKind } from '../../src/reports/serviceKinds.ts';
import { newOpenStore } from './helpers/tempStore.ts';

// The SQL aggregation against the call-by-call reference, on a store filled through the call
// console's and the callbacks' repositories.

const NOW = new Date('2026-03-18T15:30:00.000Z'); // a Wednesday afternoon in Brussels

test('demo seed writes realistic calls; collectFacts equals the call-by-call count for several periods', async () => {
  const session = await newOpenStore();
  const db = session.database();
  seedDemoDirectory(db, NOW);
  const opts = { calls: 1500, days: 70, now: NOW, seed: 5 };
  const res = seedDemoCalls(db, opts);
  assert.equal(res.calls, 1500);
  assert.equal(db.prepare(`SELECT count(*) FROM calls`).pluck().get(), 1500);
  assert.ok((db.prepare(`SELECT count(*) FROM callbacks`).pluck().get() as number) > 100);
  const planned = plannedDemoCalls(opts);
  const records: ReportCall[] = planned.map((d) => ({
    ...d,
    status: d.unfinished ? 'ended' : 'closed',
    referrals: d.referrals.map((r) => ({ serviceId: r.serviceId, serviceName: r.serviceName, kind: serviceKind(r.serviceId, r.serviceName, r.firstTheme), contacted: r.contacted, outcome: r.outcome })),
    callbacks: d.callback ? [d.callback.status] : [],
  }));
  for (const [from, to] of [
    ['2026-01-08', '2026-03-18'],
    ['2026-02-01', '2026-02-28'],
    ['2026-03-16', '2026-03-16'],
    ['2026-03-29', '2026-04-05'],
  ] as const) {
    const sql = canonicalFacts(collectFacts(db, from, to));
    const ref = canonicalFacts(factsFromCalls(records, from, to));
    assert.deepEqual(sql, ref, `${from}…${to}`);
    assert.ok(sql.requests >= sql.calls, 'requests ≥ calls');
  }
  // Two periods in one pass: the same as each on its own, centres included.
  const both = collectPeriods(db, [
    { from: '2026-02-01', to: '2026-02-28' },
    { from: '2026-01-04', to: '2026-01-31' },
  ]);
  assert.deepEqual(canonicalFacts(both.facts[0]!), canonicalFacts(collectFacts(db, '2026-02-01', '2026-02-28')));
  assert.deepEqual(canonicalFacts(both.facts[1]!), canonicalFacts(collectFacts(db, '2026-01-04', '2026-01-31')));
  assert.deepEqual(both.centres[0], periodCentres(db, '2026-02-01', '2026-02-28'));
  const explain = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ s: '2026-01-01', e: '2026-02-01' }) as Array<{ detail: string }>).map((p) => p.detail).join(' ');
  const cols = 'c.id, c.profile_id, substr(c.started_at, 1, 13), c.duration_ms, c.caller_type, c.language, c.interpreter, c.commune, c.caller_history, c.heard_from, c.resolution, (c.unmet_need IS NOT NULL)';
  const range = "c.started_at >= @s AND c.started_at < @e AND c.status <> 'active'";
  assert.match(explain(`SELECT ${cols} FROM calls c INDEXED BY calls_for_reports WHERE ${range} ORDER BY c.id`), /SCAN c USING COVERING INDEX calls_for_reports$/, 'a long period reads the covering index once, in id order, no sort');
  assert.match(explain('SELECT call_id, theme_code FROM call_themes ORDER BY call_id'), /COVERING INDEX/);
  assert.match(explain(`SELECT ${cols} FROM calls c WHERE ${range}`), /SEARCH c USING INDEX calls_by_start/, 'a short period reads its calls by date');
  // Food aid in about one call in four.
  const all = collectFacts(db, '2026-01-08', '2026-03-18');
  const foodShare = (all.themes.food ?? 0) / all.calls;
  assert.ok(foodShare > 0.2 && foodShare < 0.33, `food share ${foodShare}`);
  assert.ok(periodCentres(db, '2026-01-08', '2026-03-18').length >= 3);
  session.close();
});
