import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, ReportTable } from '../../src/contract/reportSchemas.ts';
import { reportSchema } from '../../src/contract/reportSchemas.ts';
import { SENSITIVE_THEME_CODES } from '../../src/domain/taxonomy.ts';
import { protectReport, recoverableCells } from '../../src/reports/disclosureControl.ts';
import { factsFromCalls, type ReportCall } from '../../src/reports/factsFromCalls.ts';
import { durationQuantiles, buildReport, type ReportInput } from '../../src/reports/periodReport.ts';
import { previousPeriod } from '../../src/domain/brusselsTime.ts';
import { buildSpecs } from '../../src/reports/reportSpecs.ts';
import { demoReportCalls, THEMES } from './helpers/reportFixtures.ts';

// The period report from facts: totals that add up, and the public flavour's disclosure
// control checked cell by cell against the internal one.

function input(calls: ReportCall[], from: string, to: string): ReportInput {
  const p = previousPeriod(from, to);
  return {
    current: factsFromCalls(calls, from, to),
    previous: factsFromCalls(calls, p.from, p.to),
    themes: THEMES,
    centres: ['CASG Test'],
    taxonomyVersion: 'test',
    generatedAt: '2026-04-01T08:00:00.000Z',
    generator: 'Relais test',
    quotes: [],
  };
}

const table = (r: Report, id: string): ReportTable => {
  const t = r.tables.find((x) => x.id === id);
  assert.ok(t, `table ${id}`);
  return t;
};

test('internal report: calls and requests counted apart, every table adds up to its total', () => {
  const calls = demoReportCalls(900, 75, '2026-03-31', 1);
  const r = buildReport(input(calls, '2026-03-01', '2026-03-31'), 'internal');
  assert.equal(reportSchema.safeParse(r).success, true);
  const inPeriod = calls.filter((c) => c.startedAt >= '2026-02-28T23:00:00.000Z' && c.startedAt < '2026-03-31T22:00:00.000Z');
  // Issue 16: calls without a request are counted apart, never as calls with requests.
  const n = inPeriod.filter((c) => !c.noRequest).length;
  const without = inPeriod.length - n;
  assert.ok(without > 0, 'the demo has calls without request');
  assert.equal(r.headline.calls.v, n, 'calls = the calls with a request started in the period (Brussels days)');
  assert.equal(table(r, 'withoutRequest').rows.find((x) => x.total)!.cells[0]!.v, without, 'calls without request: their own table');
  assert.equal(table(r, 'withoutRequest').rows.find((x) => x.key === 'silent')!.cells[0]!.v, inPeriod.filter((c) => c.noRequest === 'silent').length);
  const barriers = table(r, 'barriers');
  assert.equal(barriers.rows.find((x) => x.key === 'non_knowledge')!.cells[0]!.v, inPeriod.filter((c) => !c.noRequest && c.barriers?.includes('non_knowledge')).length);
  assert.ok((r.headline.requests.v as number) >= (r.headline.calls.v as number), 'requests ≥ calls');
  for (const t of r.tables) {
    if (t.internalOnly) continue;
    const total = t.rows.find((x) => x.total);
    assert.ok(total, `${t.id} has a total row`);
    t.columns.forEach((c, j) => {
      if (c.format !== 'count') return;
      const sum = t.rows.filter((x) => !x.total).reduce((a, x) => a + (x.cells[j]!.v as number), 0);
      assert.equal(sum, total.cells[j]!.v, `${t.id}.${c.key} rows add up to the total`);
    });
  }
  for (const id of ['communes', 'callerTypes', 'durationBands', 'resolution', 'volume_day', 'heardFrom', 'socialAid', 'debrief']) {
    const t = table(r, id);
    assert.equal(t.rows.find((x) => x.total)!.cells[0]!.v, n, `${id}: total = calls`);
  }
  assert.equal(table(r, 'themes').rows.find((x) => x.total)!.cells[0]!.v, r.headline.requests.v, 'themes add up to requests');
  assert.equal(table(r, 'communeTheme').rows.find((x) => x.total)!.cells[0]!.v, r.headline.requests.v);
  const heat = table(r, 'heatmap');
  assert.equal(heat.rows.reduce((a, x) => a + x.cells.reduce((b, c) => b + (c.v as number), 0), 0), n, 'the weekday × hour grid holds every call');
  assert.ok(['volume_day', 'volume_week', 'volume_month'].every((id) => r.tables.some((t) => t.id === id)));
});

test('public report: every count 1…t-1 hidden, zeros shown, hidden percentages, nothing recoverable, no heatmap', () => {
  for (const [calls, days, seed] of [
    [120, 40, 2],
    [900, 75, 3],
    [3000, 400, 4],
  ] as const) {
    const inp = input(demoReportCalls(calls, days, '2026-03-31', seed), '2026-03-01', '2026-03-31');
    const internal = buildReport(inp, 'internal');
    const pub = buildReport(inp, 'public');
    assert.equal(reportSchema.safeParse(pub).success, true);
    assert.ok(!pub.tables.some((t) => t.internalOnly), 'no internal-only table in a public report');
    assert.equal(pub.tables.filter((t) => t.section === 'volume').length, 1, 'one time scale');
    let hidden = 0;
    for (const pt of pub.tables) {
      const it = table(internal, pt.id);
      pt.rows.forEach((row, i) => {
        row.cells.forEach((cell, j) => {
          const col = pt.columns[j]!;
          const exact = it.rows[i]!.cells[j]!;
          if (col.format === 'count') {
            const v = exact.v as number;
            const sensitive = pt.id === 'communeTheme' || pt.id === 'languages' || (['themes', 'unmetByTheme'].includes(pt.id) && SENSITIVE_THEME_CODES.has(row.key)) || (pt.id === 'communeTheme' && SENSITIVE_THEME_CODES.has(col.key));
            const threshold = sensitive && !row.total && !(pt.id === 'communeTheme' && col.key === 'total') && !(pt.id === 'languages' && col.key === 'total') ? 10 : 5;
            if (v === 0) assert.deepEqual(cell, { v: 0 }, `${pt.id}/${row.key}/${col.key}: zero stays 0`);
            else if (v < threshold) assert.equal(cell.v, null, `${pt.id}/${row.key}/${col.key}=${v} must be hidden (<${threshold})`);
            else if (cell.v !== null) assert.equal(cell.v, v, 'a published count is exact');
            if (cell.v === null) {
              hidden++;
              assert.ok(cell.h === 'below' || cell.h === 'secondary');
              if (cell.h === 'below') assert.ok(v < (cell.t as number), 'a <t mark is true');
            }
          }
        });
        // A percentage or change of a hidden count is hidden.
        pt.columns.forEach((col, j) => {
          if (col.format === 'count') return;
          const countIdx = pt.columns.findIndex((c) => c.key === (col.key === 'pctOfTheme' ? 'unmet' : col.key === 'perCall' ? 'calls' : 'current'));
          if (countIdx >= 0 && row.cells[countIdx]!.v === null) assert.equal(row.cells[j]!.v, null, `${pt.id}/${row.key}/${col.key} from a hidden count`);
        });
      });
    }
    assert.ok(hidden > 0);
    const specs = buildSpecs({ current: inp.current, previous: inp.previous, themes: inp.themes, flavour: 'public' });
    const { status, links } = protectReport(specs);
    assert.deepEqual(recoverableCells(specs, status, links), [], 'no hidden cell recoverable from the published values');
    assert.ok(pub.method.paragraphs.fr.some((p) => p.includes('<5') && p.includes('<10')), 'the method note states the rule and thresholds');
    assert.ok(internal.method.paragraphs.fr.some((p) => /usage interne/i.test(p)));
  }
});

test('call length: median and quartiles from the histogram', () => {
  assert.deepEqual(durationQuantiles({ '60': 1, '120': 1, '180': 1, '240': 1, _none: 3 }), { n: 4, median: 150, q1: 105, q3: 195 });
  assert.deepEqual(durationQuantiles({}), { n: 0, median: null, q1: null, q3: null });
  assert.equal(durationQuantiles({ '300': 5, '900': 1 }).median, 300);
});
