import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { AppCore } from '../../src/app/appCore.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { formatDay } from '../../src/domain/brusselsTime.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { seedDemoCalls } from '../../src/reports/demoSeed.ts';
import { folderFileSaver } from '../../src/services/exportFile.ts';
import type { FileToSave } from '../../src/services/fileSaver.ts';
import { listAudit } from '../../src/store/auditLog.ts';
import { pdfStreamsText } from './helpers/pdfText.ts';
import { savedBytes } from './helpers/savedFile.ts';
import { newOpenCore, signInSupervisor, tempDir } from './helpers/tempStore.ts';

// Main writes export files itself (issue 13, point 7): every export operation hands its bytes to
// the shell's saver (a save dialog in the app, a folder here) and answers where the file went —
// never the bytes. A cancelled save writes and audits nothing; a failed write says why.

const NOW = '2026-03-18T15:30:00.000Z';
const FEBRUARY = { from: '2026-02-01', to: '2026-02-28' };

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

async function world(saved = tempDir('relais-saved-')): Promise<{ core: AppCore; saved: string }> {
  const core = await newOpenCore({ clock: new ManualClock(NOW), saveFile: folderFileSaver(saved) });
  // A year and a half of calls: February is compared with January and with February a year earlier.
  seedDemoCalls(core.services.store.database(), { calls: 900, days: 420, now: new Date(NOW), seed: 4 });
  await signInSupervisor(core);
  return { core, saved };
}

const exportEntries = (core: AppCore) => listAudit(core.services.store.database(), { limit: 500 }).entries.filter((e) => e.action.startsWith('export.'));

test('each export operation saves a real file in the saver\'s folder, and answers its name, place and size — no bytes', async () => {
  const { core, saved } = await world();
  const pdf = await op(core, 'reports.export', { ...FEBRUARY, format: 'pdf', delimiter: ';', lang: 'fr' });
  assert.deepEqual(Object.keys(pdf).sort(), ['bytes', 'fileName', 'flavour', 'mimeType', 'savedTo']);
  assert.equal(pdf.savedTo, path.join(saved, 'bilan-2026-02-01_2026-02-28-interne.pdf'));
  assert.equal(savedBytes(pdf).subarray(0, 5).toString('latin1'), '%PDF-');

  const xlsx = await op(core, 'reports.exportPublic', { ...FEBRUARY, format: 'xlsx', delimiter: ';', lang: 'fr' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(savedBytes(xlsx) as unknown as ArrayBuffer);
  assert.ok(wb.worksheets.length > 10, `${wb.worksheets.length} sheets`);

  const csv = await op(core, 'reports.export', { ...FEBRUARY, format: 'csv', delimiter: ';', lang: 'fr' });
  const rows = parse(savedBytes(csv), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
  assert.deepEqual(rows[0], ['Bilan des appels — Allo ? Aide sociale — 0800 35 243', 'Usage interne — ne pas diffuser']);
  assert.ok(rows.length > 50, `${rows.length} CSV rows`);

  const directory = await op(core, 'directory.export', { format: 'csv', delimiter: ',' });
  const services = parse(savedBytes(directory), { columns: true, bom: true }) as Array<Record<string, string>>;
  assert.equal(services.length, directory.count);

  const auditCsv = await op(core, 'audit.exportCsv', {});
  const auditRows = parse(savedBytes(auditCsv), { bom: true, relax_column_count: true, delimiter: [';', ','] }) as string[][];
  assert.equal(auditRows.length - 1, auditCsv.rows, 'a header and one row per entry');
  assert.ok(auditRows.flat().includes('export.directory'));

  // Same name again: saved beside the first, never over it.
  const again = await op(core, 'reports.export', { ...FEBRUARY, format: 'pdf', delimiter: ';', lang: 'fr' });
  assert.equal(again.savedTo, path.join(saved, 'bilan-2026-02-01_2026-02-28-interne (2).pdf'));
  assert.equal(fs.readdirSync(saved).length, 6);
  // Every saved export is audited once, after it was written.
  assert.deepEqual(exportEntries(core).map((e) => e.action).sort(), ['export.audit', 'export.directory', 'export.report', 'export.report', 'export.report', 'export.report']);
  core.shutdown();
});

test('a cancelled save answers savedTo null, writes nothing and records no export', async () => {
  const { core } = await world();
  const offered: FileToSave[] = [];
  core.services.saveFile = async (file) => {
    offered.push(file);
    return null;
  };
  const before = exportEntries(core).length;
  for (const [name, input] of [
    ['reports.export', { ...FEBRUARY, format: 'pdf' }],
    ['reports.exportPublic', { ...FEBRUARY, format: 'csv' }],
    ['directory.export', { format: 'xlsx' }],
    ['audit.exportCsv', {}],
  ] as const) {
    const out = (await op(core, name, input as never)) as { savedTo: string | null; fileName: string; bytes: number };
    assert.equal(out.savedTo, null, name);
    assert.ok(out.bytes > 0, `${name}: the file was made, then not saved`);
  }
  assert.deepEqual(offered.map((f) => f.fileName), ['bilan-2026-02-01_2026-02-28-interne.pdf', 'bilan-2026-02-01_2026-02-28-public.csv', offered[2]?.fileName, 'relais-audit-2026-03-18.csv']);
  assert.match(offered[2]?.fileName ?? '', /\.xlsx$/);
  assert.equal(exportEntries(core).length, before, 'nothing left the app: nothing audited');
  core.shutdown();
});

test('a write that fails gives a clear reason and leaves no file; nothing is audited', async () => {
  const missing = path.join(tempDir('relais-saved-'), 'gone');
  const { core } = await world(missing);
  const before = exportEntries(core).length;
  const r = await core.router.dispatch('reports.export', { ...FEBRUARY, format: 'csv' });
  assert.equal(r.ok, false);
  const error = (r as { ok: false; error: { code: string; reason?: string; params?: Record<string, unknown>; message: string } }).error;
  assert.deepEqual([error.code, error.reason, error.params?.file, error.params?.detail], ['ReadOnly', 'export.cannotWrite', path.join(missing, 'bilan-2026-02-01_2026-02-28-interne.csv'), 'ENOENT']);
  assert.match(error.message, /Could not save .*bilan-2026-02-01_2026-02-28-interne\.csv \(ENOENT\)/);
  assert.equal(fs.existsSync(missing), false, 'no folder, no stray file');
  assert.equal(exportEntries(core).length, before);
  // A shell that saves nothing (no saver) refuses instead of losing the file.
  core.services.saveFile = null;
  const none = await core.router.dispatch('directory.export', { format: 'csv' });
  assert.equal(none.ok ? 'ok' : none.error.reason, 'export.noSaver');
  core.shutdown();
});

test('the PDF carries what the report page shows: headline figures (a year earlier, callbacks), periods in words, day rows, service names, internal mark and page numbers', async () => {
  const { core } = await world();
  const report = await op(core, 'reports.period', { ...FEBRUARY, flavour: 'internal' });
  const pdf = savedBytes(await op(core, 'reports.export', { ...FEBRUARY, format: 'pdf', delimiter: ';', lang: 'fr' }));
  const pages = pdfStreamsText(pdf);
  const all = pages.join('\n');
  pages.forEach((t, i) => {
    assert.match(t, /USAGE INTERNE/, `page ${i + 1}: the internal mark`);
    assert.match(t, new RegExp(`Page ${i + 1} / ${pages.length}`), `page ${i + 1}: numbered`);
  });
  const cover = pages[0] ?? '';
  assert.ok(report.headline.yearEarlierCalls, 'February is a calendar month: compared with a year earlier');
  for (const words of ['Bilan des appels', 'Appels, même mois un an plus tôt', 'Évolution sur un an', 'Appels avec rappel', 'Même mois un an plus tôt']) assert.ok(cover.includes(words), `cover: ${words}`);
  // (The standard PDF fonts write the en dash as WinAnsi 0x96.)
  assert.ok(cover.includes(`${formatDay(FEBRUARY.from, 'fr')} \x96 ${formatDay(FEBRUARY.to, 'fr')}`), 'the period in words');
  assert.ok(cover.includes('Produit le 18 mars 2026, 16:30'), 'made at, in Brussels time');
  assert.ok(cover.includes(String(report.headline.yearEarlierCalls.v)), 'the year-earlier count');
  // Category and service names as the tables name them.
  const themes = report.tables.find((t) => t.id === 'themes');
  for (const row of themes?.rows ?? []) assert.ok(all.includes(row.label.fr), `theme row ${row.label.fr}`);
  const services = report.tables.find((t) => t.id === 'barometerServices');
  assert.ok(services && services.rows.length > 1);
  for (const row of services.rows) assert.ok(all.includes(row.label.fr.slice(0, 12)), `service ${row.label.fr}`);
  if (report.quotes.length === 0) assert.ok(all.includes('Aucun extrait approuvé pour cette période.'));
  // A week is counted day by day: its rows read dd/mm/yyyy, as on screen.
  const week = { from: '2026-03-02', to: '2026-03-08' };
  const daily = (await op(core, 'reports.period', { ...week, flavour: 'internal' })).tables.find((t) => t.rows.some((r) => /^\d{4}-\d\d-\d\d$/.test(r.label.fr)));
  assert.ok(daily, 'a week has a table of days');
  const weekPdf = pdfStreamsText(savedBytes(await op(core, 'reports.export', { ...week, format: 'pdf', delimiter: ';', lang: 'fr' }))).join('\n');
  for (const day of ['02/03/2026', '05/03/2026', '08/03/2026']) assert.ok(weekPdf.includes(day), day);
  assert.ok(!/2026-03-05/.test(weekPdf), 'no ISO day row');
  core.shutdown();
});
