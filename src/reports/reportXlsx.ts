import ExcelJS from 'exceljs';
import type { Report, ReportTable } from '../contract/reportSchemas.ts';
import { hiddenMark } from '../domain/reportFormat.ts';
import {
  CATEGORY_LABEL,
  CENTRES_LABEL,
  COLUMN_LABELS,
  GENERATED_LABEL,
  HEADLINE_LABELS,
  HIDDEN_LEGEND,
  INTERNAL_MARK,
  LINE_NAME,
  METHOD_TITLE,
  PREVIOUS_PERIOD_LABEL,
  PUBLIC_MARK,
  SECTION_LABELS,
} from '../domain/reportLabels.ts';
import type { Lang } from '../domain/taxonomy.ts';
import { neutralise } from './reportCsv.ts';

// The report as a workbook: a cover sheet (headline figures), the method note, then one sheet
// per table — title in row 1 (with "usage interne" on internal files), period in row 2, the
// header in row 3 frozen with the label column, numbers as numbers with formats (counts,
// percentages, changes, ratios), hidden cells as right-aligned text `<5`, `<10`, `s`, `–`.
// Every sheet of an internal file also prints "usage interne" in its page header.

const NUM_FMT: Record<string, string> = {
  count: '#,##0',
  percent: '0.0%',
  change: '+0%;-0%;0%',
  ratio: '0.00',
  seconds: '0',
};

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Table';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function decorate(sheet: ExcelJS.Worksheet, report: Report, lang: Lang): void {
  const mark = report.flavour === 'internal' ? INTERNAL_MARK[lang].toUpperCase() : PUBLIC_MARK[lang];
  sheet.headerFooter.oddHeader = `&L${report.title[lang]} ${report.period.from} – ${report.period.to}&R&"-,Bold"${mark.replace(/&/g, '&&')}`;
  sheet.headerFooter.oddFooter = `&L${LINE_NAME[lang].replace(/&/g, '&&')}&R&P / &N`;
  sheet.pageSetup.paperSize = 9; // A4
  sheet.pageSetup.orientation = 'landscape';
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
}

function titleRows(sheet: ExcelJS.Worksheet, report: Report, lang: Lang, title: string): void {
  const internal = report.flavour === 'internal';
  const r1 = sheet.addRow([neutralise(internal ? `${title} — ${INTERNAL_MARK[lang]}` : title)]);
  r1.font = { bold: true, size: 13, ...(internal ? { color: { argb: 'FFB00020' } } : {}) };
  sheet.addRow([`${COLUMN_LABELS.period[lang]} ${report.period.from} – ${report.period.to} (${PREVIOUS_PERIOD_LABEL[lang].toLowerCase()} ${report.previous.from} – ${report.previous.to})`]).font = { italic: true };
}

function addTableSheet(wb: ExcelJS.Workbook, report: Report, table: ReportTable, lang: Lang, used: Set<string>): void {
  const sheet = wb.addWorksheet(sheetName(table.title[lang], used), { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
  decorate(sheet, report, lang);
  titleRows(sheet, report, lang, table.title[lang]);
  const header = sheet.addRow([CATEGORY_LABEL[lang], ...table.columns.map((c) => neutralise(c.label[lang]))]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(1).width = Math.min(48, Math.max(16, ...table.rows.map((r) => r.label[lang].length + 2)));
  table.columns.forEach((c, j) => {
    const col = sheet.getColumn(j + 2);
    col.width = table.columns.length > 12 ? 9 : 16;
    col.numFmt = NUM_FMT[c.format] ?? 'General';
    col.alignment = { horizontal: 'right' };
  });
  for (const r of table.rows) {
    const row = sheet.addRow([neutralise(r.label[lang]), ...r.cells.map((c) => hiddenMark(c) ?? (c.v as number))]);
    if (r.total) row.font = { bold: true };
  }
  if (report.flavour === 'public') sheet.addRow([]).getCell(1).value = HIDDEN_LEGEND[lang];
}

export async function reportToXlsx(report: Report, opts: { lang: Lang }): Promise<Buffer> {
  const { lang } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = report.generator;
  wb.created = new Date(report.generatedAt);
  wb.title = `${report.title[lang]} ${report.period.from} – ${report.period.to}`;
  const used = new Set<string>();

  const cover = wb.addWorksheet(sheetName(report.title[lang], used), { views: [{ state: 'frozen', ySplit: 3 }] });
  decorate(cover, report, lang);
  titleRows(cover, report, lang, `${report.title[lang]} — ${LINE_NAME[lang]}`);
  cover.addRow([report.flavour === 'internal' ? INTERNAL_MARK[lang] : PUBLIC_MARK[lang]]).font = { bold: true };
  cover.getColumn(1).width = 42;
  cover.getColumn(2).width = 18;
  cover.getColumn(3).width = 18;
  const h = report.headline;
  const line = (label: string, cell: Report['headline']['calls'], fmt: string, prev?: Report['headline']['calls']) => {
    const row = cover.addRow([label, hiddenMark(cell) ?? (cell.v as number), prev ? (hiddenMark(prev) ?? (prev.v as number)) : null]);
    row.getCell(2).numFmt = fmt;
    row.getCell(3).numFmt = fmt;
  };
  cover.addRow(['', COLUMN_LABELS.period[lang], COLUMN_LABELS.previous[lang]]).font = { bold: true };
  line(HEADLINE_LABELS.calls[lang], h.calls, NUM_FMT.count!, h.previousCalls);
  line(HEADLINE_LABELS.requests[lang], h.requests, NUM_FMT.count!, h.previousRequests);
  line(HEADLINE_LABELS.perCall[lang], h.perCall, NUM_FMT.ratio!);
  line(COLUMN_LABELS.change[lang], h.callsChange, NUM_FMT.change!);
  line(`${HEADLINE_LABELS.median[lang]} (s)`, h.medianSeconds, '0');
  line('Q1 (s)', h.q1Seconds, '0');
  line('Q3 (s)', h.q3Seconds, '0');
  line(HEADLINE_LABELS.callsWithCallback[lang], h.callsWithCallback, NUM_FMT.count!);
  cover.addRow([]);
  cover.addRow([CENTRES_LABEL[lang], neutralise(report.centres.join(', '))]);
  cover.addRow([GENERATED_LABEL[lang], report.generatedAt]);

  const method = wb.addWorksheet(sheetName(METHOD_TITLE[lang], used), { views: [{ state: 'frozen', ySplit: 3 }] });
  decorate(method, report, lang);
  titleRows(method, report, lang, METHOD_TITLE[lang]);
  method.addRow([HIDDEN_LEGEND[lang]]);
  method.getColumn(1).width = 120;
  for (const p of report.method.paragraphs[lang]) method.addRow([neutralise(p)]).alignment = { wrapText: true, vertical: 'top' };

  for (const table of report.tables) addTableSheet(wb, report, table, lang, used);

  if (report.quotes.length) {
    const q = wb.addWorksheet(sheetName(SECTION_LABELS.quotes[lang], used), { views: [{ state: 'frozen', ySplit: 3 }] });
    decorate(q, report, lang);
    titleRows(q, report, lang, SECTION_LABELS.quotes[lang]);
    q.addRow([CATEGORY_LABEL[lang], SECTION_LABELS.quotes[lang]]).font = { bold: true };
    q.getColumn(1).width = 32;
    q.getColumn(2).width = 100;
    for (const x of report.quotes) q.addRow([neutralise(x.themeLabel[lang]), neutralise(x.text)]).alignment = { wrapText: true, vertical: 'top' };
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
