import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, ReportTable } from '../../src/contract/reportSchemas.ts';
import { reportSchema } from '../../src/contract/reportSchemas.ts';
import { protectReport, recoverableCells } from '../../src/reports/disclosureControl.ts';
import { factsFromCalls, type ReportCall } from '../../src/reports/factsFromCalls.ts';
import { buildReport, type ReportInput } from '../../src/reports/periodReport.ts';
import { comparisonFor } from '../../src/reports/comparisonPeriods.ts';
import { buildSpecs } from '../../src/reports/reportSpecs.ts';
import { demoReportCalls, THEMES } from './helpers/reportFixtures.ts';

// Issue 17, point 6: the barometer — referrals, contacted on the caller's behalf and
// "unreachable" per kind of service and per named service, under the same disclosure control
// as every table, checked for recoverability against every other published table.

function input(calls: ReportCall[], from: string, to: string): ReportInput {
  const c = comparisonFor({ from, to });
  return {
    current: factsFromCalls(calls, from, to),
    previous: factsFromCalls(calls, c.previous.from, c.previous.to),
    yearEarlier: c.yearEarlier ? factsFromCalls(calls, c.yearEarlier.from, c.yearEarlier.to) : null,
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
const col = (t: ReportTable, key: string): number => t.columns.findIndex((c) => c.key === key);
const value = (t: ReportTable, row: string, key: string): number | null => t.rows.find((r) => r.key === row)?.cells[col(t, key)]?.v ?? null;

/** Calls in March 2026 with referrals to named services, some unreachable. */
function barometerCalls(): ReportCall[] {
  const base = demoReportCalls(600, 75, '2026-03-31', 7);
  const cpas = { serviceId: 'cpas-x', serviceName: 'CPAS de X', kind: 'cpas' };
  const extra: ReportCall[] = [];
  for (let i = 0; i < 14; i++) {
    extra.push({
      ...(base[0] as ReportCall),
      startedAt: `2026-03-${String(2 + i).padStart(2, '0')}T10:00:00.000Z`,
      status: 'ended',
      referrals: [{ ...cpas, contacted: i < 9, outcome: i < 6 ? 'unreachable' : 'will_help' }],
    });
  }
  return [...base, ...extra];
}

test('internal: per kind and per named service, referrals, contacted and unreachable add up to the referral tables', () => {
  const r = buildReport(input(barometerCalls(), '2026-03-01', '2026-03-31'), 'internal');
  assert.equal(reportSchema.safeParse(r).success, true);
  const kinds = table(r, 'barometerKinds');
  const services = table(r, 'barometerServices');
  const referralKinds = table(r, 'referralKinds');
  const outcomes = table(r, 'referralOutcomes');
  // Totals agree with the referral tables.
  assert.equal(value(kinds, 'total', 'referrals'), value(referralKinds, 'total', 'total'));
  assert.equal(value(kinds, 'total', 'contacted'), value(referralKinds, 'total', 'contacted'));
  assert.equal(value(kinds, 'total', 'unreachable'), value(outcomes, 'unreachable', 'current'));
  assert.equal(value(services, 'total', 'referrals'), value(kinds, 'total', 'referrals'));
  for (const row of kinds.rows.filter((x) => !x.total)) {
    assert.equal(value(kinds, row.key, 'referrals'), value(referralKinds, row.key, 'total') ?? 0, row.key);
    assert.equal(value(kinds, row.key, 'contacted'), value(referralKinds, row.key, 'contacted') ?? 0, row.key);
  }
  // "CPAS de X: 14 orientations, 6 injoignables", named by its name.
  const x = services.rows.find((row) => row.label.fr === 'CPAS de X');
  assert.ok(x, 'the named service has its row');
  assert.deepEqual([value(services, x.key, 'referrals'), value(services, x.key, 'contacted'), value(services, x.key, 'unreachable')], [14, 9, 6]);
  assert.ok(Math.abs((value(services, x.key, 'pctUnreachable') as number) - 6 / 14) < 1e-9);
  // Help arrived (issue 15's follow-ups carry the referral's service id): counted per kind and
  // per named service, the same total in both tables.
  assert.equal(services.columns[col(services, 'helpArrived')]!.format, 'count');
  assert.equal(kinds.columns[col(kinds, 'helpArrived')]!.format, 'count');
  assert.equal(value(services, 'total', 'helpArrived'), value(kinds, 'total', 'helpArrived'));
  // A chart beside it, and the method note says what "unreachable" means.
  assert.deepEqual(kinds.chart, { kind: 'hbars', columns: ['referrals', 'unreachable'] });
  assert.ok(r.method.paragraphs.fr.some((p) => p.startsWith('Baromètre') && p.includes('injoignable')));
  assert.ok(r.method.paragraphs.nl.some((p) => p.startsWith('Barometer') && p.includes('onbereikbaar')));
  assert.ok(r.method.paragraphs.en.some((p) => p.startsWith('Barometer') && p.includes('unreachable')));
});

test('public: small counts hidden, only services with enough referrals named, nothing recoverable from any other table', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const calls = [...barometerCalls(), ...demoReportCalls(150, 40, '2026-03-31', 100 + seed)];
    const inp = input(calls, '2026-03-01', '2026-03-31');
    const r = buildReport(inp, 'public');
    const services = table(r, 'barometerServices');
    const internal = table(buildReport(inp, 'internal'), 'barometerServices');
    for (const row of services.rows) {
      for (const [i, c] of row.cells.entries()) {
        if (services.columns[i]!.format !== 'count' || c.v === null) continue;
        assert.ok(c.v === 0 || c.v >= 5, `published ${c.v} in ${row.key}/${services.columns[i]!.key}`);
      }
      if (row.key !== '_other' && !row.total) assert.ok((internal.rows.find((x) => x.key === row.key)?.cells[0]?.v ?? 0) >= 5, `${row.key} named with under 5 referrals`);
      assert.ok(internal.rows.some((x) => x.key === row.key), 'the same rows as the internal report');
    }
    // The same check buildReport runs, stated here: every hidden cell of every table stays hidden.
    const specs = buildSpecs({ current: inp.current, previous: inp.previous, themes: THEMES, flavour: 'public' });
    const { status, links } = protectReport(specs);
    assert.deepEqual(recoverableCells(specs, status, links), [], `seed ${seed}`);
    // Linked copies share one status: a kind's referrals are hidden in both tables or in neither.
    const kinds = table(r, 'barometerKinds');
    const referralKinds = table(r, 'referralKinds');
    for (const row of kinds.rows.filter((x) => !x.total)) {
      const a = kinds.rows.find((x) => x.key === row.key)!.cells[col(kinds, 'referrals')]!.v === null;
      const b = referralKinds.rows.find((x) => x.key === row.key)?.cells[col(referralKinds, 'total')]?.v === null;
      if (referralKinds.rows.some((x) => x.key === row.key)) assert.equal(a, b, `${row.key}, seed ${seed}`);
    }
  }
});

test('the period rule is said in the method note and a calendar month shows the same month a year earlier', () => {
  const calls = demoReportCalls(900, 500, '2026-03-31', 3);
  const month = buildReport(input(calls, '2026-03-01', '2026-03-31'), 'internal');
  assert.equal(month.comparisonRule, 'calendarMonth');
  assert.deepEqual(month.previous, { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(month.yearEarlier, { from: '2025-03-01', to: '2025-03-31' });
  assert.equal(typeof month.headline.yearEarlierCalls?.v, 'number');
  assert.ok(month.method.paragraphs.fr.some((p) => p.includes('mois civil précédent') && p.includes('un an plus tôt')));
  const year = buildReport(input(calls, '2025-01-01', '2025-12-31'), 'internal');
  assert.equal(year.comparisonRule, 'calendarYear');
  assert.deepEqual(year.previous, { from: '2024-01-01', to: '2024-12-31' });
  assert.ok(year.method.paragraphs.nl.some((p) => p.includes('vorige kalenderjaar')));
  const free = buildReport(input(calls, '2026-03-10', '2026-03-16'), 'internal');
  assert.equal(free.comparisonRule, 'sameLength');
  assert.equal(free.yearEarlier, null);
  assert.ok(free.method.paragraphs.en.some((p) => p.includes('same length (7 days)')));
});

test('help arrived per named service: the follow-ups\' service ids fill the service rows, the rest add up in "Other services", nothing recoverable in public', () => {
  const inp = input(barometerCalls(), '2026-03-01', '2026-03-31');
  // Follow-ups of the period's calls: 7 said help arrived at CPAS de X, 3 elsewhere.
  inp.current.helpByKind = { 'cpas:arrived': 7, 'cpas:refused': 2, 'other:arrived': 3 };
  inp.current.helpArrivedByService = { 'cpas-x': 7, 'svc-elsewhere': 3 };
  const r = buildReport(inp, 'internal');
  const services = table(r, 'barometerServices');
  const x = services.rows.find((row) => row.label.fr === 'CPAS de X')!;
  assert.equal(value(services, x.key, 'helpArrived'), 7);
  assert.equal(value(services, 'total', 'helpArrived'), 10);
  assert.equal(value(services, '_other', 'helpArrived'), 3);
  assert.equal(value(table(r, 'helpArrived'), 'total', 'arrived'), 10, 'the same total as the help-arrived table');
  const specs = buildSpecs({ current: inp.current, previous: inp.previous, themes: THEMES, flavour: 'public' });
  const { status, links } = protectReport(specs);
  assert.deepEqual(recoverableCells(specs, status, links), []);
  const pub = table(buildReport(inp, 'public'), 'barometerServices');
  assert.equal(pub.rows.find((row) => row.key === '_other')?.cells[col(pub, 'helpArrived')]?.v, null, '3 is under the threshold: hidden');
});

test('a service the report has no name for (the hub\'s directory lacks it) is said so, with its id', () => {
  const inp = input(barometerCalls(), '2026-03-01', '2026-03-31');
  delete inp.current.serviceNames['cpas-x'];
  const services = table(buildReport(inp, 'internal'), 'barometerServices');
  const row = services.rows.find((r) => r.key === 'cpas-x')!;
  assert.deepEqual(row.label, { fr: 'Service hors répertoire (cpas-x)', nl: 'Dienst buiten de sociale kaart (cpas-x)', en: 'Service not in the directory (cpas-x)' });
});
