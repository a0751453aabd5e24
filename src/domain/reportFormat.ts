import { formatDay, LOCALE_TAGS } from './brusselsTime.ts';
import { formatCallTime } from './duration.ts';
import { CELL_MARKS } from './reportLabels.ts';
import type { Lang } from './taxonomy.ts';

// How a report cell reads, the same on screen, in the PDF and in the CSV: hidden cells as
// `<5`, `<10`, `s` or `–`; percentages, changes and ratios with the language's decimal mark.
// (Kept free of the contract: it takes the cell's fields, not its schema.)

export interface CellLike {
  v: number | null;
  h?: 'below' | 'secondary' | 'derived' | 'na' | undefined;
  t?: number | undefined;
}

export type CellFormat = 'count' | 'percent' | 'ratio' | 'change' | 'seconds';

const LOCALES: Record<Lang, string> = LOCALE_TAGS;

/**
 * A report row's label, on screen and in the PDF: a day row (the daily series carries its ISO
 * day as label) reads dd/mm/yyyy as every other date of the UI (issue 16, point 5); other labels as they are.
 */
export function rowLabel(label: Readonly<Record<Lang, string>>, lang: Lang): string {
  return formatDay(label[lang], lang, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function hiddenMark(c: CellLike): string | null {
  if (c.v !== null) return null;
  if (c.h === 'below') return CELL_MARKS.below(c.t ?? 5);
  if (c.h === 'secondary') return CELL_MARKS.secondary;
  return CELL_MARKS.na;
}

/** Minutes and seconds: 606 → "10 min 06". */
// One duration format everywhere (issue 16): a report's median call reads as the history and
// the console write a call's length ("01:37", not "1 min 38"), cut to the second the same way.
export function formatSeconds(s: number): string {
  return formatCallTime(s * 1000);
}

/** The text of a cell for people (screen, PDF). */
export function formatCell(c: CellLike, format: CellFormat, lang: Lang): string {
  const mark = hiddenMark(c);
  if (mark !== null) return mark;
  const v = c.v as number;
  const nf = (opts: Intl.NumberFormatOptions) => new Intl.NumberFormat(LOCALES[lang], opts).format(v);
  switch (format) {
    case 'count':
      return nf({ maximumFractionDigits: 0 });
    case 'percent':
      return nf({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'change':
      return nf({ style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
    case 'ratio':
      return nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'seconds':
      return formatSeconds(v);
  }
}

/**
 * The text of a cell for a spreadsheet-bound CSV: plain numbers (percentages in percent
 * units), the decimal mark of the file (`,` for Belgian Excel), never a thousands separator.
 */
export function csvCell(c: CellLike, format: CellFormat, decimalComma: boolean): string {
  const mark = hiddenMark(c);
  if (mark !== null) return mark;
  const v = c.v as number;
  const digits = format === 'count' || format === 'seconds' ? 0 : format === 'ratio' ? 2 : 1;
  const scaled = format === 'percent' || format === 'change' ? v * 100 : v;
  const text = (Math.round(scaled * 10 ** digits) / 10 ** digits).toFixed(digits);
  return decimalComma ? text.replace('.', ',') : text;
}

/**
 * The heatmap's columns, on screen and in the PDF: the hours with at least one call (a line open
 * 9–17 h would otherwise draw 15 empty columns); all of them when no hour has any.
 */
export function heatmapColumns<C>(columns: readonly C[], rows: ReadonlyArray<{ cells: ReadonlyArray<{ v: number | null } | undefined> }>): Array<{ col: C; j: number }> {
  const all = columns.map((col, j) => ({ col, j }));
  const used = all.filter(({ j }) => rows.some((r) => (r.cells[j]?.v ?? 0) > 0));
  return used.length ? used : all;
}
