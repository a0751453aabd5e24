import { LIST_FIELDS, MAX_CELL_CHARS, type ServiceField } from '../serviceSchema.ts';
import { readDateCell } from './belgianDate.ts';
import type { HeaderMap } from './header.ts';
import type { RawRecord } from './types.ts';

// Turns one row of text cells (CSV or XLSX) into a raw record: cells stay text (never
// evaluated), the `'` that our exports put before formula-looking text is removed again,
// list cells are split on `|`, `;` or line breaks, dates are read in Belgian forms (see
// belgianDate.ts), oversized cells and cells beyond the header are problems.
const LISTS: ReadonlySet<string> = new Set(LIST_FIELDS);
/** Exports prefix `'` to text starting with = + - @ tab or CR; import undoes exactly one. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function unneutralise(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** List cells: `|` (our exports), `;` or one item per line (as people type them in Excel). */
export const LIST_CELL_SEPARATORS = /[|;\r\n]+/;

export function splitListCell(cell: string): string[] {
  return cell.trim() === '' ? [] : cell.split(LIST_CELL_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

export function recordFromCells(row: number, cells: readonly string[], header: HeaderMap): RawRecord {
  const record: RawRecord = { row, values: {}, problems: [] };
  // A short row (trailing cells left out) has empty values for the missing header columns.
  const padded = cells.length >= header.columns.length ? cells : [...cells, ...new Array<string>(header.columns.length - cells.length).fill('')];
  padded.forEach((raw, index) => {
    const field = index < header.columns.length ? header.columns[index] : null;
    if (index >= header.columns.length) {
      if (raw.trim() !== '') {
        record.problems.push({ row, field: `column ${index + 1}`, message: `this row has a value beyond the last header column (${header.columns.length} columns): check for a stray separator.` });
      }
      return;
    }
    if (!field) return;
    if (raw.length > MAX_CELL_CHARS) {
      record.problems.push({ row, field, message: `cell too long (${raw.length} characters, at most ${MAX_CELL_CHARS}).` });
      return;
    }
    const cell = unneutralise(raw.trim()).trim();
    record.values[field as ServiceField] = LISTS.has(field) ? splitListCell(cell) : field === 'last_verified' ? readDateCell(cell) : cell;
  });
  return record;
}
