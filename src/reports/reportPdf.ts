import PDFDocument from 'pdfkit';
import type { Cell, Report, ReportTable } from '../contract/reportSchemas.ts';
import { formatDay, formatInstant } from '../domain/brusselsTime.ts';
import { formatCell, formatSeconds, heatmapColumns, hiddenMark, rowLabel } from '../domain/reportFormat.ts';
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
  NO_QUOTES_LABEL,
  PAGE_LABEL,
  PREVIOUS_PERIOD_LABEL,
  PUBLIC_MARK,
  SECTION_LABELS,
  YEAR_EARLIER_LABEL,
} from '../domain/reportLabels.ts';
import type { Lang } from '../domain/taxonomy.ts';

// The report as an A4 PDF, drawn with pdfkit (vector shapes and text, no images): a cover with
// the headline figures, the method note, then each section with its tables, each table with
// its chart above it (horizontal or vertical bars, a line for daily volumes, a shaded grid for
// the weekday × hour heatmap) and wide tables on landscape pages; page numbers on every page,
// and "usage interne" in the header of every page of an internal report. The one PDF layout of
// Relais (issue 13, point 7): the app, the hub and the CLI all draw it here. It carries what the
// report page on screen shows: the same headline figures (a year earlier for a calendar month,
// calls with a callback), the comparison periods, dates in the reader's words, suppressed cells
// marked, service names, the excerpts (or that there are none) and the method note.

type Doc = PDFKit.PDFDocument;

const INK = '#1d2433';
const MUTED = '#5b6475';
const RULE = '#c9ced8';
const SERIES = ['#2f5d9e', '#a9bfdc'];
const ALERT = '#b00020';
const MARGIN = { top: 64, bottom: 60, left: 48, right: 48 };

/**
 * The standard PDF fonts speak Windows-1252: the narrow no-break space Intl puts in French
 * numbers, typographic spaces and a few signs are mapped to what they can show.
 */
export function pdfText(s: string): string {
  return s
    .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
    .replace(/[\u2212]/g, '-')
    .replace(/[\u2264]/g, '<=')
    .replace(/[\u2265]/g, '>=');
}

interface Ctx {
  doc: Doc;
  report: Report;
  lang: Lang;
}

function width(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

function ensure(doc: Doc, height: number, landscape = false): void {
  const wantLandscape = landscape;
  const isLandscape = doc.page.width > doc.page.height;
  if (doc.y + height > bottom(doc) || wantLandscape !== isLandscape) {
    doc.addPage({ size: 'A4', layout: wantLandscape ? 'landscape' : 'portrait', margins: MARGIN });
  }
}

function heading(c: Ctx, text: string, size: number, landscape = false): void {
  ensure(c.doc, size * 3.2, landscape);
  c.doc.moveDown(0.4).font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, MARGIN.left, c.doc.y, { width: width(c.doc) });
  c.doc.moveDown(0.3);
}

function cover(c: Ctx): void {
  const { doc, report, lang } = c;
  const internal = report.flavour === 'internal';
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(LINE_NAME[lang], MARGIN.left, 120);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(30).fillColor(INK).text(report.title[lang]);
  doc.moveDown(0.2).font('Helvetica').fontSize(16).text(`${formatDay(report.period.from, lang)} – ${formatDay(report.period.to, lang)}`);
  doc.fontSize(10).fillColor(MUTED).text(`${PREVIOUS_PERIOD_LABEL[lang]} : ${formatDay(report.previous.from, lang)} – ${formatDay(report.previous.to, lang)}`);
  if (report.yearEarlier) doc.text(`${YEAR_EARLIER_LABEL[lang]} : ${formatDay(report.yearEarlier.from, lang)} – ${formatDay(report.yearEarlier.to, lang)}`);
  doc.moveDown(1);
  const y = doc.y;
  doc.rect(MARGIN.left, y, width(doc), 30).fill(internal ? ALERT : '#2f6f4e');
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#ffffff').text((internal ? INTERNAL_MARK : PUBLIC_MARK)[lang].toUpperCase(), MARGIN.left + 10, y + 9, { width: width(doc) - 20 });
  doc.y = y + 46;
  const h = report.headline;
  const figures: Array<[string, string]> = [
    [HEADLINE_LABELS.calls[lang], formatCell(h.calls, 'count', lang)],
    [HEADLINE_LABELS.requests[lang], formatCell(h.requests, 'count', lang)],
    [HEADLINE_LABELS.perCall[lang], formatCell(h.perCall, 'ratio', lang)],
    [`${COLUMN_LABELS.change[lang]} (${COLUMN_LABELS.calls[lang].toLowerCase()})`, formatCell(h.callsChange, 'change', lang)],
    // A calendar month is also read against the same month a year earlier (issue 17), as on screen.
    ...(h.yearEarlierCalls
      ? ([
          [HEADLINE_LABELS.yearEarlierCalls[lang], formatCell(h.yearEarlierCalls, 'count', lang)],
          [HEADLINE_LABELS.changeYear[lang], formatCell(h.callsChangeYear ?? { v: null, h: 'na' }, 'change', lang)],
        ] as Array<[string, string]>)
      : []),
    [HEADLINE_LABELS.median[lang], h.medianSeconds.v === null ? (hiddenMark(h.medianSeconds) ?? '–') : formatSeconds(h.medianSeconds.v)],
    [HEADLINE_LABELS.iqr[lang], h.q1Seconds.v === null || h.q3Seconds.v === null ? (hiddenMark(h.q1Seconds) ?? '–') : `${formatSeconds(h.q1Seconds.v)} – ${formatSeconds(h.q3Seconds.v)}`],
    [HEADLINE_LABELS.callsWithCallback[lang], formatCell(h.callsWithCallback, 'count', lang)],
  ];
  const boxW = (width(doc) - 20) / 3;
  const y0 = doc.y;
  figures.forEach(([label, value], i) => {
    const x = MARGIN.left + (i % 3) * (boxW + 10);
    const by = y0 + Math.floor(i / 3) * 70;
    doc.rect(x, by, boxW, 60).lineWidth(0.8).stroke(RULE);
    let size = 20;
    doc.font('Helvetica-Bold');
    while (size > 9 && doc.fontSize(size).widthOfString(value) > boxW - 20) size--;
    doc.fontSize(size).fillColor(INK).text(value, x + 10, by + 10 + (20 - size) / 2, { width: boxW - 20, lineBreak: false });
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(label, x + 10, by + 38, { width: boxW - 20 });
  });
  doc.y = y0 + Math.ceil(figures.length / 3) * 70 + 10;
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(`${CENTRES_LABEL[lang]} : ${report.centres.join(', ') || '–'}`, MARGIN.left, doc.y, { width: width(doc) });
  doc.moveDown(0.3).fillColor(MUTED).text(`${GENERATED_LABEL[lang]} ${formatInstant(report.generatedAt, lang)} — ${report.generator}`);
}

function method(c: Ctx): void {
  const { doc, report, lang } = c;
  doc.addPage({ size: 'A4', layout: 'portrait', margins: MARGIN });
  heading(c, METHOD_TITLE[lang], 18);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  for (const p of report.method.paragraphs[lang]) doc.text(p, { width: width(doc), align: 'justify' }).moveDown(0.6);
  if (report.flavour === 'public') doc.fillColor(MUTED).text(HIDDEN_LEGEND[lang], { width: width(doc) });
}

const num = (cell: Cell | undefined): number | null => (cell && cell.v !== null ? cell.v : null);


function chart(c: Ctx, table: ReportTable, landscape: boolean): void {
  if (!table.chart) return;
  const cols = table.chart.columns.map((k) => table.columns.findIndex((x) => x.key === k)).filter((j) => j >= 0);
  const rows = table.rows.filter((r) => !r.total);
  if (!cols.length || !rows.length) return;
  if (table.chart.kind === 'heatmap') return heatmap(c, table, landscape);
  if (table.chart.kind === 'line') return lineChart(c, table, cols, landscape);
  if (table.chart.kind === 'bars' && rows.length <= 12) return columnChart(c, table, cols, landscape);
  return barChart(c, table, cols, landscape);
}

function legend(c: Ctx, table: ReportTable, cols: number[], y: number): number {
  const { doc, lang } = c;
  if (cols.length < 2) return y;
  let x = MARGIN.left;
  cols.forEach((j, s) => {
    doc.rect(x, y + 1, 8, 8).fill(SERIES[s % 2]!);
    const label = table.columns[j]!.key === 'current' ? COLUMN_LABELS.period[lang] : table.columns[j]!.label[lang];
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(label, x + 11, y, { lineBreak: false });
    x += 14 + doc.widthOfString(label) + 14;
  });
  return y + 14;
}

/** Horizontal bars: one line per category, one bar per charted column. */
function barChart(c: Ctx, table: ReportTable, cols: number[], landscape: boolean): void {
  const { doc, lang } = c;
  const rows = table.rows.filter((r) => !r.total);
  const barH = cols.length > 1 ? 5 : 8;
  const lineH = cols.length * barH + 5;
  const labelW = Math.min(190, width(doc) * 0.38);
  const plotW = width(doc) - labelW - 50;
  const max = Math.max(1, ...rows.flatMap((r) => cols.map((j) => num(r.cells[j]) ?? 0)));
  ensure(doc, Math.min(rows.length * lineH + 24, 320), landscape);
  let y = legend(c, table, cols, doc.y);
  for (const r of rows) {
    if (y + lineH > bottom(doc)) {
      doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: MARGIN });
      y = doc.y;
    }
    doc.font('Helvetica').fontSize(7.5).fillColor(INK).text(rowLabel(r.label, lang), MARGIN.left, y + (lineH - 9) / 2, { width: labelW - 6, height: lineH, ellipsis: true, lineBreak: false });
    cols.forEach((j, s) => {
      const cell = r.cells[j]!;
      const by = y + 2 + s * barH;
      const x0 = MARGIN.left + labelW;
      const v = num(cell);
      if (v !== null && v > 0) doc.rect(x0, by, Math.max(0.8, (v / max) * plotW), barH - 1).fill(SERIES[s % 2]!);
      const text = v === null ? (hiddenMark(cell) ?? '') : formatCell(cell, table.columns[j]!.format, lang);
      doc.font('Helvetica').fontSize(6.5).fillColor(v === null ? ALERT : MUTED).text(text, x0 + (v ? (v / max) * plotW : 0) + 3, by + barH / 2 - 3.3, { lineBreak: false });
    });
    y += lineH;
  }
  doc.moveTo(MARGIN.left + labelW, doc.y).lineTo(MARGIN.left + labelW, y).lineWidth(0.5).stroke(RULE);
  doc.y = y + 8;
}

/** Vertical bars for a few categories (caller types, durations…). */
function columnChart(c: Ctx, table: ReportTable, cols: number[], landscape: boolean): void {
  const { doc, lang } = c;
  const rows = table.rows.filter((r) => !r.total);
  const plotH = 110;
  ensure(doc, plotH + 60, landscape);
  let y = legend(c, table, cols, doc.y);
  const top = y + 8;
  const base = top + plotH;
  const slot = width(doc) / rows.length;
  const barW = Math.min(28, (slot - 10) / cols.length);
  const max = Math.max(1, ...rows.flatMap((r) => cols.map((j) => num(r.cells[j]) ?? 0)));
  doc.moveTo(MARGIN.left, base).lineTo(MARGIN.left + width(doc), base).lineWidth(0.5).stroke(RULE);
  rows.forEach((r, i) => {
    const x0 = MARGIN.left + i * slot + (slot - barW * cols.length) / 2;
    cols.forEach((j, s) => {
      const cell = r.cells[j]!;
      const v = num(cell);
      const h = v ? (v / max) * plotH : 0;
      if (h > 0) doc.rect(x0 + s * barW, base - h, barW - 2, h).fill(SERIES[s % 2]!);
      const text = v === null ? (hiddenMark(cell) ?? '') : formatCell(cell, table.columns[j]!.format, lang);
      doc.font('Helvetica').fontSize(6.5).fillColor(v === null ? ALERT : MUTED).text(text, x0 + s * barW - 6, base - h - 9, { width: barW + 10, align: 'center', lineBreak: false });
    });
    doc.font('Helvetica').fontSize(7).fillColor(INK).text(rowLabel(r.label, lang), MARGIN.left + i * slot + 2, base + 4, { width: slot - 4, align: 'center', height: 28, ellipsis: true });
  });
  y = base + 36;
  doc.y = y;
}

/** A line per charted column across time (daily volumes). */
function lineChart(c: Ctx, table: ReportTable, cols: number[], landscape: boolean): void {
  const { doc, lang } = c;
  const rows = table.rows.filter((r) => !r.total);
  const plotH = 120;
  ensure(doc, plotH + 50, landscape);
  const y = legend(c, table, cols, doc.y);
  const top = y + 6;
  const base = top + plotH;
  const left = MARGIN.left + 28;
  const w = width(doc) - 30;
  const max = Math.max(1, ...rows.flatMap((r) => cols.map((j) => num(r.cells[j]) ?? 0)));
  for (let k = 0; k <= 4; k++) {
    const gy = base - (k / 4) * plotH;
    doc.moveTo(left, gy).lineTo(left + w, gy).lineWidth(0.3).stroke(RULE);
    doc.font('Helvetica').fontSize(6).fillColor(MUTED).text(String(Math.round((k / 4) * max)), MARGIN.left, gy - 3, { width: 24, align: 'right', lineBreak: false });
  }
  const step = rows.length > 1 ? w / (rows.length - 1) : 0;
  cols.forEach((j, s) => {
    let pen = false;
    rows.forEach((r, i) => {
      const v = num(r.cells[j]);
      const x = left + i * step;
      if (v === null) {
        pen = false;
        return;
      }
      const py = base - (v / max) * plotH;
      if (pen) doc.lineTo(x, py);
      else doc.moveTo(x, py);
      pen = true;
    });
    doc.lineWidth(1.2).stroke(SERIES[s % 2]!);
  });
  const every = Math.max(1, Math.ceil(rows.length / 10));
  rows.forEach((r, i) => {
    if (i % every) return;
    doc.font('Helvetica').fontSize(6).fillColor(MUTED).text(rowLabel(r.label, lang), left + i * step - 20, base + 3, { width: 40, align: 'center', lineBreak: false });
  });
  doc.y = base + 16;
}

function heatmap(c: Ctx, table: ReportTable, landscape: boolean): void {
  const { doc, lang } = c;
  // The hours with calls only, as on screen (heatmapColumns).
  const cols = heatmapColumns(table.columns, table.rows);
  const cellW = (width(doc) - 60) / cols.length;
  const cellH = 14;
  ensure(doc, cellH * (table.rows.length + 2), landscape);
  const max = Math.max(1, ...table.rows.flatMap((r) => r.cells.map((x) => x.v ?? 0)));
  const top = doc.y;
  cols.forEach(({ col }, i) => {
    doc.font('Helvetica').fontSize(6).fillColor(MUTED).text(col.label[lang], MARGIN.left + 60 + i * cellW, top, { width: cellW, align: 'center', lineBreak: false });
  });
  table.rows.forEach((r, ri) => {
    const y = top + 10 + ri * cellH;
    doc.font('Helvetica').fontSize(7).fillColor(INK).text(rowLabel(r.label, lang), MARGIN.left, y + 3, { width: 58, lineBreak: false });
    cols.forEach(({ j }, i) => {
      const v = r.cells[j]?.v ?? 0;
      const shade = v === 0 ? 1 : 0.92 - 0.72 * (v / max);
      const g = Math.round(255 * shade);
      doc.rect(MARGIN.left + 60 + i * cellW, y, cellW - 1, cellH - 1).fill(v === 0 ? '#f3f4f7' : [Math.round(g * 0.55), Math.round(g * 0.75), g]);
      if (v > 0) doc.font('Helvetica').fontSize(5.5).fillColor(shade < 0.55 ? '#ffffff' : INK).text(String(v), MARGIN.left + 60 + i * cellW, y + 4, { width: cellW - 1, align: 'center', lineBreak: false });
    });
  });
  doc.y = top + 10 + table.rows.length * cellH + 10;
}

/** The table itself, header repeated on each page it spans. */
function grid(c: Ctx, table: ReportTable, landscape: boolean): void {
  const { doc, lang } = c;
  const wide = table.columns.length > 7;
  const fontSize = wide ? 6 : 8;
  const labelW = wide ? 110 : Math.min(200, width(doc) * 0.4);
  const colW = (width(doc) - labelW) / table.columns.length;
  const rowH = fontSize + 5;
  const headerH = wide ? Math.min(90, 6 + Math.max(...table.columns.map((col) => doc.font('Helvetica-Bold').fontSize(fontSize).widthOfString(col.label[lang])))) : 26;
  const header = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(fontSize).fillColor(INK).text(CATEGORY_LABEL[lang], MARGIN.left, wide ? y + headerH - rowH : y, { width: labelW - 4, lineBreak: false });
    table.columns.forEach((col, j) => {
      const x = MARGIN.left + labelW + j * colW;
      if (wide) {
        doc.save();
        doc.rotate(-90, { origin: [x + colW / 2 - 3, y + headerH - 2] });
        doc.text(col.label[lang], x + colW / 2 - 3, y + headerH - 2, { width: headerH - 4, height: colW, lineBreak: false, ellipsis: true });
        doc.restore();
      } else {
        doc.text(col.label[lang], x + 2, y, { width: colW - 4, height: headerH, align: 'right', ellipsis: true });
      }
    });
    doc.moveTo(MARGIN.left, y + headerH + 1).lineTo(MARGIN.left + width(doc), y + headerH + 1).lineWidth(0.6).stroke(INK);
    doc.y = y + headerH + 3;
  };
  ensure(doc, headerH + rowH * Math.min(table.rows.length, 6), landscape);
  header();
  table.rows.forEach((r, i) => {
    if (doc.y + rowH > bottom(doc)) {
      doc.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margins: MARGIN });
      header();
    }
    const y = doc.y;
    if (r.total) doc.moveTo(MARGIN.left, y - 1).lineTo(MARGIN.left + width(doc), y - 1).lineWidth(0.4).stroke(RULE);
    else if (i % 2 === 1) doc.rect(MARGIN.left, y - 1, width(doc), rowH).fill('#f5f6f9');
    doc.font(r.total ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize).fillColor(INK).text(rowLabel(r.label, lang), MARGIN.left + 2, y + 1, { width: labelW - 6, height: rowH, ellipsis: true, lineBreak: false });
    r.cells.forEach((cell, j) => {
      const hidden = cell.v === null && (cell.h === 'below' || cell.h === 'secondary');
      doc.fillColor(hidden ? ALERT : INK).text(formatCell(cell, table.columns[j]!.format, lang), MARGIN.left + labelW + j * colW, y + 1, { width: colW - 3, align: 'right', lineBreak: false });
    });
    doc.y = y + rowH;
  });
  doc.moveDown(1);
}

function tableBlock(c: Ctx, table: ReportTable): void {
  const landscape = table.columns.length > 9;
  heading(c, table.title[c.lang], 11, landscape);
  chart(c, table, landscape);
  grid(c, table, landscape);
}

function quotes(c: Ctx): void {
  const { doc, report, lang } = c;
  heading(c, SECTION_LABELS.quotes[lang], 15);
  if (!report.quotes.length) {
    doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(NO_QUOTES_LABEL[lang], MARGIN.left, doc.y, { width: width(doc) });
    return;
  }
  let theme = '';
  for (const q of report.quotes) {
    if (q.theme !== theme) {
      theme = q.theme;
      ensure(doc, 40);
      doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(q.themeLabel[lang], MARGIN.left, doc.y, { width: width(doc) }).moveDown(0.2);
    }
    ensure(doc, 30);
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(INK).text(`« ${q.text} »`, MARGIN.left + 12, doc.y, { width: width(doc) - 12 }).moveDown(0.5);
  }
}

/** Page numbers on every page, and the internal mark at the top of every page of an internal report. */
function pageFurniture(c: Ctx): void {
  const { doc, report, lang } = c;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const w = doc.page.width - MARGIN.left - MARGIN.right;
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    doc.text(`${report.title[lang]} ${report.period.from} – ${report.period.to}`, MARGIN.left, doc.page.height - 36, { width: w / 2, lineBreak: false });
    doc.text(`${PAGE_LABEL[lang]} ${i - range.start + 1} / ${range.count}`, MARGIN.left + w / 2, doc.page.height - 36, { width: w / 2, align: 'right', lineBreak: false });
    if (report.flavour === 'internal') {
      doc.font('Helvetica-Bold').fontSize(8).fillColor(ALERT).text(INTERNAL_MARK[lang].toUpperCase(), MARGIN.left, 30, { width: w, align: 'center', lineBreak: false });
    }
    doc.page.margins.bottom = saved;
  }
}

export function reportToPdf(report: Report, opts: { lang: Lang }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `${report.title[opts.lang]} ${report.period.from} – ${report.period.to}`,
      Author: report.centres.join(', '),
      Creator: report.generator,
      Producer: 'Relais',
      Subject: report.flavour === 'internal' ? INTERNAL_MARK[opts.lang] : PUBLIC_MARK[opts.lang],
      CreationDate: new Date(report.generatedAt),
    },
  });
  // Every string drawn goes through pdfText (see above).
  const raw = doc as unknown as { text: (...a: unknown[]) => Doc; widthOfString: (...a: unknown[]) => number };
  const rawText = raw.text.bind(doc);
  const rawWidth = raw.widthOfString.bind(doc);
  raw.text = (s: unknown, ...rest: unknown[]) => rawText(typeof s === 'string' ? pdfText(s) : s, ...rest);
  raw.widthOfString = (s: unknown, ...rest: unknown[]) => rawWidth(typeof s === 'string' ? pdfText(s) : s, ...rest);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const c: Ctx = { doc, report, lang: opts.lang };
  cover(c);
  method(c);
  let section = '';
  for (const table of report.tables) {
    if (table.section !== section) {
      section = table.section;
      doc.addPage({ size: 'A4', layout: table.columns.length > 9 ? 'landscape' : 'portrait', margins: MARGIN });
      heading(c, SECTION_LABELS[table.section][opts.lang], 16, table.columns.length > 9);
    }
    tableBlock(c, table);
  }
  quotes(c);
  pageFurniture(c);
  doc.end();
  return done;
}
