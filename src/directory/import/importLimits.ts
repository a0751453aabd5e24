import { MAX_IMPORT_BYTES } from '../../contract/directoryImportSchemas.ts';
import { AppError } from '../../errors.ts';
import type { ImportWarning } from './types.ts';

// The bounds of one directory import (issue 12): a file a centre could really have, never one
// that stalls the PC. Each limit has its own error naming it; they are checked as early as the
// format allows (declared zip sizes before inflating, the header before the rows).

/** The file itself, in the app and the CLI alike (the CLI may raise it with --max-mb): the contract's bound. */
export { MAX_IMPORT_BYTES };
/** Service rows (blank rows not counted). */
export const MAX_IMPORT_ROWS = 100_000;
/** Columns of the header row. */
export const MAX_IMPORT_COLUMNS = 200;
/** Characters of one cell (Excel's own limit is 32,767). */
export const MAX_IMPORT_CELL_CHARS = 32_000;
/** What an XLSX may expand to, from its zip entries' declared sizes, before anything is inflated. */
export const MAX_XLSX_EXPANDED_BYTES = 256 * 1024 * 1024;
/** Warnings sent back in full; the rest are counted per kind. */
export const MAX_IMPORT_WARNINGS = 100;

const mb = (n: number) => `${(n / 1048576).toFixed(1).replace(/\.0$/, '')} MB`;

export function tooLarge(fileName: string, bytes: number, maxBytes: number): AppError {
  return new AppError('FileRejected', 'import.tooLarge', { file: fileName, size: mb(bytes), limit: mb(maxBytes) }, [{ path: 'file', message: `at most ${mb(maxBytes)}` }]);
}

export function tooManyRows(fileName: string, rows: number | null): AppError {
  const limit = MAX_IMPORT_ROWS.toLocaleString('en');
  const issues = [
    { path: 'rows', message: `at most ${MAX_IMPORT_ROWS}` },
  ];
  return rows === null
    ? new AppError('FileRejected', 'import.tooManyRowsOver', { file: fileName, limit }, issues)
    : new AppError('FileRejected', 'import.tooManyRows', { file: fileName, rows: rows.toLocaleString('en'), limit }, issues);
}

export function tooManyColumns(fileName: string, columns: number, where = 'the header row'): AppError {
  return new AppError('FileRejected', 'import.tooManyColumns', { file: fileName, where, columns: columns.toLocaleString('en'), limit: MAX_IMPORT_COLUMNS }, [{ path: 'columns', message: `at most ${MAX_IMPORT_COLUMNS}` }]);
}

export function cellTooLong(fileName: string, where: string, chars: number | null): AppError {
  const limit = MAX_IMPORT_CELL_CHARS.toLocaleString('en');
  const issues = [{ path: 'cell', message: `at most ${MAX_IMPORT_CELL_CHARS} characters` }];
  return chars
    ? new AppError('FileRejected', 'import.cellTooLongCount', { file: fileName, where, limit, chars: chars.toLocaleString('en') }, issues)
    : new AppError('FileRejected', 'import.cellTooLong', { file: fileName, where, limit }, issues);
}

export function expandsTooMuch(fileName: string, declared: number): AppError {
  return new AppError(
    'FileRejected',
    'import.expandsTooMuch', { file: fileName, size: mb(declared), limit: mb(MAX_XLSX_EXPANDED_BYTES) },
    [{ path: 'file', message: `expands to at most ${mb(MAX_XLSX_EXPANDED_BYTES)}` }],
  );
}

/** The kind of a warning, for the count of the rest: its message without the specifics (names, numbers). */
function kindOf(w: ImportWarning): string {
  return w.message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
}

/** The first MAX_IMPORT_WARNINGS warnings in full, then one line per kind counting the rest. */
export function capWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  if (warnings.length <= MAX_IMPORT_WARNINGS) return [...warnings];
  const out = warnings.slice(0, MAX_IMPORT_WARNINGS);
  const rest = new Map<string, { count: number; example: ImportWarning }>();
  for (const w of warnings.slice(MAX_IMPORT_WARNINGS)) {
    const k = kindOf(w);
    const e = rest.get(k);
    if (e) e.count++;
    else rest.set(k, { count: 1, example: w });
  }
  for (const { count, example } of rest.values()) {
    out.push({ field: null, message: `…and ${count.toLocaleString('en')} more warning${count === 1 ? '' : 's'} like: ${example.message}` });
  }
  return out;
}
