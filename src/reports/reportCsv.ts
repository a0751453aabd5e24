import { stringify } from 'csv-stringify/sync';
import type { Report } from '../contract/reportSchemas.ts';
import { csvCell } from '../domain/reportFormat.ts';
import { CATEGORY_LABEL, CENTRES_LABEL, COLUMN_LABELS, GENERATED_LABEL, HEADLINE_LABELS, HIDDEN_LEGEND, INTERNAL_MARK, LINE_NAME, METHOD_TITLE, PREVIOUS_PERIOD_LABEL, PUBLIC_MARK, SECTION_LABELS } from '../domain/reportLabels.ts';
import type { Lang } from '../domain/taxonomy.ts';

// The report as one CSV: a heading block, then every table one after the other (title line,
// header, rows, blank line), the excerpts and the method note. `;` comes with a UTF-8 BOM,
// CRLF and the decimal comma (what Belgian Excel opens directly); `,` is plain UTF-8 with a
// decimal point. Hidden cells read `<5`, `<10`, `s` or `–`. Text that a spreadsheet would run
// as a formula (=, +, -, @, tab, CR first) gets a leading `'`. Internal files say "usage
// interne" on their first line and in every table title.

const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function reportToCsv(report: Report, opts: { delimiter: ';' | ','; lang: Lang }): Buffer {
  const { lang } = opts;
  const comma = opts.delimiter === ';';
  const mark = report.flavour === 'internal' ? INTERNAL_MARK[lang] : PUBLIC_MARK[lang];
  const suffix = report.flavour === 'internal' ? ` — ${INTERNAL_MARK[lang]}` : '';
  const t = (s: string) => neutralise(s);
  const rows: string[][] = [
    [t(`${report.title[lang]} — ${LINE_NAME[lang]}`), t(mark)],
    [t(COLUMN_LABELS.period[lang]), report.period.from, report.period.to],
    [t(PREVIOUS_PERIOD_LABEL[lang]), report.previous.from, report.previous.to],
    [t(CENTRES_LABEL[lang]), ...report.centres.map(t)],
    [t(GENERATED_LABEL[lang]), report.generatedAt],
    [t(HIDDEN_LEGEND[lang])],
    [],
  ];
  const h = report.headline;
  rows.push(
    [t(HEADLINE_LABELS.calls[lang]), csvCell(h.calls, 'count', comma), t(COLUMN_LABELS.previous[lang]), csvCell(h.previousCalls, 'count', comma), t(`${COLUMN_LABELS.change[lang]} (%)`), csvCell(h.callsChange, 'change', comma)],
    [t(HEADLINE_LABELS.requests[lang]), csvCell(h.requests, 'count', comma), t(COLUMN_LABELS.previous[lang]), csvCell(h.previousRequests, 'count', comma)],
    [t(HEADLINE_LABELS.perCall[lang]), csvCell(h.perCall, 'ratio', comma)],
    [t(`${HEADLINE_LABELS.median[lang]} (s)`), csvCell(h.medianSeconds, 'seconds', comma), 'Q1 (s)', csvCell(h.q1Seconds, 'seconds', comma), 'Q3 (s)', csvCell(h.q3Seconds, 'seconds', comma)],
    [t(HEADLINE_LABELS.callsWithCallback[lang]), csvCell(h.callsWithCallback, 'count', comma)],
    [],
  );
  for (const table of report.tables) {
    rows.push([t(`${table.title[lang]}${suffix}`)]);
    rows.push([t(CATEGORY_LABEL[lang]), ...table.columns.map((c) => t(c.format === 'percent' || c.format === 'change' ? `${c.label[lang]} (%)` : c.label[lang]))]);
    for (const r of table.rows) rows.push([t(r.label[lang]), ...r.cells.map((c, j) => csvCell(c, table.columns[j]!.format, comma))]);
    rows.push([]);
  }
  if (report.quotes.length) {
    rows.push([t(`${SECTION_LABELS.quotes[lang]}${suffix}`)]);
    for (const q of report.quotes) rows.push([t(q.themeLabel[lang]), t(q.text)]);
    rows.push([]);
  }
  rows.push([t(METHOD_TITLE[lang])]);
  for (const p of report.method.paragraphs[lang]) rows.push([t(p)]);
  const text = stringify(rows, {
    delimiter: opts.delimiter,
    record_delimiter: comma ? 'windows' : 'unix',
    quoted_match: /[\r\n]|^\s|\s$/,
  });
  return Buffer.from(comma ? `\ufeff${text}` : text, 'utf8');
}
