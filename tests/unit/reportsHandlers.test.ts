import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { listAudit } from '../../src/store/auditLog.ts';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { reportSchema } from '../../src/contract/reportSchemas.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { readReportDocument } from '../../src/reports/reportJson.ts';
import { setProfileRole } from '../../src/reports/supervisorRole.ts';
import { pdfStreamsText } from './helpers/pdfText.ts';
import { savedBytes } from './helpers/savedFile.ts';
import { newOpenCore, seedResponder } from './helpers/tempStore.ts';

/** The PIN every test responder is given (issue 8: no profile signs in without one). */
const TEST_PIN = '246810';

// Reports through the real router on a real encrypted store filled by the demo seed: who may
// export what (enforced in main), the four formats read back, excerpts and handover notes.

const NOW = '2026-03-18T15:30:00.000Z'; // Wednesday, 16:30 in Brussels

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), { payload: r.error });
  return r.value as OutputOf<N>;
}

async function refusal(core: AppCore, name: OperationName, input: unknown): Promise<{ code: string; message: string; issues?: Array<{ path: string; message: string }> }> {
  const r = await core.router.dispatch(name, input);
  assert.equal(r.ok, false, `${name} should be refused`);
  return (r as { ok: false; error: { code: string; message: string } }).error;
}

let shared: Promise<{ core: AppCore; responder: string; supervisor: string }> | null = null;
function world() {
  shared ??= (async () => {
    const core = await newOpenCore({ clock: new ManualClock(NOW) });
    const db = core.services.store.database();
    seedDemoCalls(db, { calls: 1200, days: 60, now: new Date(NOW), seed: 9 });
    const responder = await seedResponder(core, { displayName: 'Rita', centre: 'CASG Nord', pin: TEST_PIN });
    const supervisor = await seedResponder(core, { displayName: 'Sam', centre: 'CASG Nord', pin: TEST_PIN });
    setProfileRole(db, supervisor.id, 'supervisor');
    return { core, responder: responder.id, supervisor: supervisor.id };
  })();
  return shared;
}

async function signIn(core: AppCore, profileId: string) {
  await op(core, 'profiles.signIn', { profileId, secret: TEST_PIN });
}

const PERIOD = { from: '2026-02-16', to: '2026-03-15' };

test('a responder may see and export the internal report, but a public export is refused by main', async () => {
  const { core, responder } = await world();
  await signIn(core, responder);
  const err = await refusal(core, 'reports.exportPublic', { ...PERIOD, format: 'pdf' });
  assert.equal(err.code, 'Forbidden');
  assert.equal((await refusal(core, 'reports.quotes.approve', { callId: '00000000-0000-4000-8000-000000000000', theme: 'food', text: 'x' })).code, 'Forbidden');
  const internal = await op(core, 'reports.export', { ...PERIOD, format: 'csv' });
  assert.equal(internal.flavour, 'internal');
  const text = savedBytes(internal).toString('utf8');
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 BOM for Belgian Excel');
  assert.match(text.split('\r\n')[0]!, /Usage interne/);
  const report = await op(core, 'reports.period', { ...PERIOD });
  assert.equal(report.flavour, 'internal');
  assert.ok((report.headline.requests.v as number) >= (report.headline.calls.v as number));
});

test('signed out: every report operation is refused', async () => {
  const { core } = await world();
  await op(core, 'profiles.signOut', {});
  assert.equal((await refusal(core, 'reports.period', PERIOD)).code, 'Forbidden');
  assert.equal((await refusal(core, 'reports.export', { ...PERIOD, format: 'json' })).code, 'Forbidden');
  assert.equal((await refusal(core, 'reports.shiftSummary', {})).code, 'Forbidden');
});

test('a supervisor exports the public report in four formats; each reads back', async () => {
  const { core, supervisor } = await world();
  await signIn(core, supervisor);
  const pub = await op(core, 'reports.period', { ...PERIOD, flavour: 'public' });
  assert.equal(reportSchema.safeParse(pub).success, true);

  const csv = await op(core, 'reports.exportPublic', { ...PERIOD, format: 'csv', delimiter: ';' });
  const csvText = savedBytes(csv).toString('utf8');
  assert.equal(csv.fileName, 'bilan-2026-02-16_2026-03-15-public.csv');
  assert.doesNotMatch(csvText, /usage interne/i);
  assert.match(csvText, /;<5(;|\r\n)|;<10(;|\r\n)/, 'small counts shown as <5 / <10');
  assert.match(csvText, /\d+,\d/, 'decimal comma with ;');
  const comma = savedBytes(await op(core, 'reports.exportPublic', { ...PERIOD, format: 'csv', delimiter: ',' })).toString('utf8');
  assert.ok(!comma.startsWith('\ufeff'));
  assert.match(comma, /,\d+\.\d/, 'decimal point with ,');

  const xlsx = await op(core, 'reports.exportPublic', { ...PERIOD, format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(savedBytes(xlsx) as unknown as ArrayBuffer);
  assert.equal(wb.worksheets.length, 2 + pub.tables.length + (pub.quotes.length ? 1 : 0), 'cover, method note, one sheet per table');
  const themes = wb.worksheets.find((w) => w.name.startsWith('Thématiques'));
  assert.ok(themes, 'a sheet per table, named after it');
  assert.equal(themes.views[0]?.state, 'frozen');
  assert.equal(themes.views[0]?.ySplit, 3, 'header row frozen');
  assert.equal(themes.getRow(4).getCell(2).numFmt, '#,##0');
  assert.equal(typeof themes.getRow(4).getCell(2).value, 'number', 'counts are numbers');

  const pdf = savedBytes(await op(core, 'reports.exportPublic', { ...PERIOD, format: 'pdf' }));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  assert.ok(pages >= 8 && pages <= 20, `${pages} pages`);
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');

  const json = readReportDocument(savedBytes(await op(core, 'reports.exportPublic', { ...PERIOD, format: 'json' })), 'public.json');
  assert.equal(json.flavour, 'public');
  assert.equal(json.facts, null, 'a public file carries no unsuppressed counts');
  const internalJson = readReportDocument(savedBytes(await op(core, 'reports.export', { ...PERIOD, format: 'json' })), 'internal.json');
  assert.equal(internalJson.flavour, 'internal');
  assert.equal(internalJson.facts?.current.calls, internalJson.headline.calls.v);
});

test('internal XLSX and PDF say "usage interne" on every sheet and every page', async () => {
  const { core, supervisor } = await world();
  await signIn(core, supervisor);
  const xlsx = await op(core, 'reports.export', { ...PERIOD, format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(savedBytes(xlsx) as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    assert.match(String(ws.getRow(1).getCell(1).value), /usage interne/i, `sheet ${ws.name}: title row`);
    assert.match(ws.headerFooter.oddHeader ?? '', /USAGE INTERNE/, `sheet ${ws.name}: printed header`);
  }
  const pdf = savedBytes(await op(core, 'reports.export', { ...PERIOD, format: 'pdf' }));
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  const texts = pdfStreamsText(pdf);
  assert.equal(texts.length, pages, 'one content stream per page');
  texts.forEach((t, i) => {
    assert.match(t, /USAGE INTERNE/, `page ${i + 1} carries the internal mark`);
    assert.match(t, new RegExp(`Page ${i + 1} / ${pages}`), `page ${i + 1} is numbered`);
  });
});

test('excerpts: the detector blocks identifying data; approved ones reach the public report, grouped by theme', async () => {
  const { core, supervisor } = await world();
  await signIn(core, supervisor);
  const { candidates } = await op(core, 'reports.quotes.list', { ...PERIOD });
  assert.ok(candidates.length > 0, 'calls flagged "may be quoted"');
  const flagged = candidates.find((c) => c.findings.length > 0);
  if (flagged) {
    assert.ok(flagged.suggested.includes('['), 'identifying data replaced by a mark in the suggestion');
    const err = await refusal(core, 'reports.quotes.approve', { callId: flagged.callId, theme: flagged.themes[0]!, text: flagged.original });
    assert.equal(err.code, 'InvalidInput');
    // Issue 20: a supervisor may override explicitly; the override is audited, the excerpt kept.
    const forced = await op(core, 'reports.quotes.approve', { callId: flagged.callId, theme: flagged.themes[0]!, text: flagged.original.slice(0, 1000), override: true });
    const audit = listAudit(core.services.store.database(), { limit: 5, action: 'guard.override' }).entries;
    assert.equal(audit[0]?.detail.kind, 'quote');
    await op(core, 'reports.quotes.revoke', { id: forced.id });
  }
  const c = candidates.find((x) => x.findings.length === 0)!;
  const excerpt = c.original.split('\n')[0]!;
  const { id } = await op(core, 'reports.quotes.approve', { callId: c.callId, theme: c.themes[0]!, text: excerpt });
  const pub = await op(core, 'reports.period', { ...PERIOD, flavour: 'public' });
  assert.deepEqual(pub.quotes.map((q) => q.text), [excerpt]);
  assert.equal(pub.quotes[0]!.theme, c.themes[0]);
  assert.equal((await refusal(core, 'reports.quotes.approve', { callId: c.callId, theme: 'violence', text: excerpt })).code === 'InvalidInput' || c.themes.includes('violence'), true, 'only under one of the call\'s themes');
  await op(core, 'reports.quotes.revoke', { id });
  assert.deepEqual((await op(core, 'reports.period', { ...PERIOD, flavour: 'public' })).quotes, []);
});

test('shift summary: calls and requests apart, callbacks, calls to finish, handover notes (no identifying data)', async () => {
  const { core, responder } = await world();
  await signIn(core, responder);
  const bad = await refusal(core, 'reports.handover.add', { text: 'Rappeler Mme au 0470 12 34 56' });
  assert.equal(bad.code, 'InvalidInput');
  await op(core, 'reports.handover.add', { text: 'Le CPAS de Forest ne répond plus au téléphone depuis lundi.' });
  const s = await op(core, 'reports.shiftSummary', { day: '2026-03-16' });
  assert.equal(s.day, '2026-03-16');
  assert.ok(s.calls.total > 0);
  assert.ok(s.requests >= s.calls.total, 'requests ≥ calls');
  assert.equal(s.themes.reduce((a, t) => a + t.count, 0) <= s.requests, true);
  assert.ok(s.interventions.length > 0);
  const today = await op(core, 'reports.shiftSummary', {});
  assert.equal(today.day, '2026-03-18');
  assert.deepEqual(today.handover.map((h) => [h.text, h.author]), [['Le CPAS de Forest ne répond plus au téléphone depuis lundi.', 'Rita']]);
  assert.ok(today.callbacks.pending >= today.callbacks.overdue + today.callbacks.dueNow);
  assert.equal(today.toFinish.length, today.calls.toFinish);
  assert.equal((await refusal(core, 'reports.shiftSummary', { day: '2026-02-30' })).code, 'InvalidInput');
  assert.equal((await refusal(core, 'reports.period', { from: '2026-03-10', to: '2026-03-01' })).code, 'InvalidInput');
  const mine = await op(core, 'reports.shiftSummary', { scope: 'me' });
  assert.equal(mine.calls.total, 0, 'Rita took no call');
});

test('a handover note left, an excerpt approved or withdrawn is announced (reports.changed, no text); a refused one is not', async () => {
  const { core, responder, supervisor } = await world();
  const heard: unknown[] = [];
  const off = core.onEvent((name, payload) => {
    if (name === 'reports.changed') heard.push(payload);
  });
  try {
    await signIn(core, responder);
    await refusal(core, 'reports.handover.add', { text: 'Rappeler Mme au 0470 12 34 56' });
    assert.deepEqual(heard, [], 'nothing changed, nothing announced');
    await op(core, 'reports.handover.add', { text: 'La permanence de jeudi commence à 10 h.' });
    assert.deepEqual(heard, [{ what: 'handover' }]);
    await signIn(core, supervisor);
    const c = (await op(core, 'reports.quotes.list', { ...PERIOD })).candidates.find((x) => x.findings.length === 0)!;
    const { id } = await op(core, 'reports.quotes.approve', { callId: c.callId, theme: c.themes[0]!, text: c.original.split('\n')[0]! });
    await op(core, 'reports.quotes.revoke', { id });
    assert.deepEqual(heard, [{ what: 'handover' }, { what: 'quote' }, { what: 'quote' }]);
  } finally {
    off();
  }
});
