import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { exportReport } from '../../src/reports/exportReport.ts';
import { factsFromCalls } from '../../src/reports/factsFromCalls.ts';
import { previousPeriod } from '../../src/domain/brusselsTime.ts';
import { readReportDocument } from '../../src/reports/reportJson.ts';
import { bundleFromInput } from '../../src/reports/reportService.ts';
import { pdfStreamsText } from './helpers/pdfText.ts';
import { demoReportCalls, THEMES } from './helpers/reportFixtures.ts';

// The four files of one report: formula-looking text neutralised, Belgian CSV conventions,
// XLSX read back, PDF pages, JSON schema — with a taxonomy addition and a centre name that a
// spreadsheet would take for formulas.

const calls = demoReportCalls(700, 70, '2026-03-31', 12).map((c, i) => (i % 5 === 0 ? { ...c, themes: [...c.themes, 'sneaky'] } : c));
const themes = [...THEMES, { code: 'sneaky', labels: { fr: '=HYPERLINK("http://x","clic")', nl: '+SUM(A1)', en: '@cmd' }, sensitive: false }];
const prev = previousPeriod('2026-03-01', '2026-03-31');
const input = {
  current: factsFromCalls(calls, '2026-03-01', '2026-03-31'),
  previous: factsFromCalls(calls, prev.from, prev.to),
  themes,
  centres: ['-2+3+cmd|calc', 'CASG Nord'],
  taxonomyVersion: 'tx-test',
  generatedAt: '2026-04-01T08:00:00.000Z',
  generator: 'Relais test',
  quotes: [{ theme: 'food', text: '=1+1 dit la dame' }],
};

test('CSV: BOM, ; and decimal comma, or , and decimal point; formula-looking text neutralised, numbers left as numbers', async () => {
  for (const flavour of ['internal', 'public'] as const) {
    const bundle = bundleFromInput(input, flavour, ['s']);
    const semi = (await exportReport(bundle, { format: 'csv', delimiter: ';', lang: 'fr' })).bytes.toString('utf8');
    assert.ok(semi.startsWith('\ufeff'));
    assert.ok(semi.includes('\r\n'));
    assert.match(semi, /;"?'=HYPERLINK/, 'a label starting with = gets a leading quote');
    assert.match(semi, /'-2\+3\+cmd\|calc/);
    assert.match(semi, /'=1\+1 dit la dame/);
    assert.doesNotMatch(semi, /(^|;)=/m, 'no cell starts with =');
    assert.match(semi, /;\d+,\d(;|\r\n)/, 'decimal comma');
    assert.match(semi, /;-\d+,\d(;|\r\n)/, 'negative changes stay numbers');
    const comma = (await exportReport(bundle, { format: 'csv', delimiter: ',', lang: 'nl' })).bytes.toString('utf8');
    assert.ok(!comma.startsWith('\ufeff'));
    assert.match(comma, /,"?'\+SUM\(A1\)/);
    assert.match(comma, /,\d+\.\d(,|\n)/, 'decimal point');
    if (flavour === 'internal') assert.match(semi.split('\r\n')[0]!, /Usage interne/);
  }
});

test('XLSX: text cells neutralised, counts as numbers, a frozen header on every table sheet', async () => {
  const bundle = bundleFromInput(input, 'public', ['s']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportReport(bundle, { format: 'xlsx', delimiter: ';', lang: 'fr' })).bytes as unknown as ArrayBuffer);
  const themesSheet = wb.worksheets.find((w) => w.name.startsWith('Thématiques'))!;
  const labels: string[] = [];
  themesSheet.eachRow((row) => labels.push(String(row.getCell(1).value)));
  assert.ok(labels.includes('\'=HYPERLINK("http://x","clic")'));
  let formulas = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    if (ws.name !== 'Note méthodologique') assert.equal(ws.views[0]?.state, 'frozen', `${ws.name} frozen`);
  }
  assert.equal(formulas, 0);
});

test('PDF: A4, numbered pages, the method note; JSON: schema-versioned and read back', async () => {
  const bundle = bundleFromInput(input, 'public', ['s']);
  const pdf = (await exportReport(bundle, { format: 'pdf', delimiter: ';', lang: 'fr' })).bytes;
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const texts = pdfStreamsText(pdf);
  assert.ok(texts.length >= 8);
  texts.forEach((t, i) => assert.match(t, new RegExp(`Page ${i + 1} / ${texts.length}`)));
  assert.ok(texts.some((t) => t.includes('Note méthodologique') && t.includes('<10')), 'the method note states the thresholds');
  assert.ok(!texts.some((t) => /USAGE INTERNE/.test(t)), 'a public PDF carries no internal mark');
  const json = (await exportReport(bundle, { format: 'json', delimiter: ';', lang: 'fr' })).bytes;
  const doc = readReportDocument(json, 'r.json');
  assert.equal(doc.schema, 'relais.report');
  assert.equal(doc.schemaVersion, 1);
  assert.equal(doc.flavour, 'public');
  assert.equal(doc.facts, null);
});
