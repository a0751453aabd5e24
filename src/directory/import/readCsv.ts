import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.ts';
import { cellTooLong, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, tooManyColumns } from './importLimits.ts';
import { decodeText } from './decodeText.ts';
import { countKnownColumns, type HeaderMap, mapHeader } from './header.ts';
import { isBlankRow, recordFromCells } from './cells.ts';
import type { RawRecord, RawTable } from './types.ts';

// Flat CSV: decode, pick the delimiter that makes the header line name the most known
// columns (`;` from Belgian Excel, `,`, or tab from "Unicode text"), then parse strictly:
// an unclosed quote, text after a closing quote or a stray quote rejects the whole file. Row numbers are records
// counted as a spreadsheet shows them (header = row 1, blank lines count).
const DELIMITERS = [';', ',', '\t'] as const;

export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 10000)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const cells = firstLine.split(d);
    // Known columns first; the number of cells breaks ties (a lone column name has one cell).
    const score = countKnownColumns(cells) * 1000 + cells.length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads the CSV and hands each data record to `onRecord` as it is parsed (issue 12: the file's
 * rows are never all held at once). Returns the table's description, with `records` left empty.
 */
export function readCsv(bytes: Uint8Array, fileName: string, onRecord: (record: RawRecord) => void, onBytes?: (read: number) => void): RawTable {
  const { text, encoding } = decodeText(bytes, fileName);
  const delimiter = detectDelimiter(text);
  let header: HeaderMap | null = null;
  let index = 0;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      // Strict quoting: an irregular quote means the cells cannot be trusted to be where they
      // seem (a stray quote can swallow rows), so the whole file is refused with its line.
      relax_quotes: false,
      skip_empty_lines: false,
      bom: true,
      // Per cell (csv-parse's field buffer): a longer one is refused with the limit named (issue 12).
      max_record_size: MAX_IMPORT_CELL_CHARS,
      // Each record is handled here and dropped (returning nothing keeps it out of csv-parse's
      // result array). A row with more cells than any directory could have is refused first.
      on_record: (cells: string[], context: { lines: number; bytes: number }) => {
        if (cells.length > MAX_IMPORT_COLUMNS) throw tooManyColumns(fileName, cells.length, `line ${context.lines}`);
        const row = ++index; // as a spreadsheet numbers it: header = row 1, blank lines count
        if (header === null) {
          if (isBlankRow(cells)) throw new AppError('FileRejected', 'import.noHeaderRow', { file: fileName });
          header = mapHeader(cells, fileName);
          return null;
        }
        if (!isBlankRow(cells)) onRecord(recordFromCells(row, cells, header));
        if (row % 1000 === 0) onBytes?.(context.bytes);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code === 'CSV_MAX_RECORD_SIZE') throw cellTooLong(fileName, err.lines ? `near line ${err.lines}` : '', null);
    // (CSV_MAX_RECORD_SIZE is a cell too long, answered above.)
    const what =
      err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'notClosed' : err.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'closingQuote' : err.code === 'CSV_INVALID_OPENING_QUOTE' ? 'openingQuote' : 'other';
    const params = { file: fileName, code: err.code ?? 'parse error' };
    throw err.lines
      ? new AppError('FileRejected', `import.brokenQuotingAt.${what}`, { ...params, line: err.lines })
      : new AppError('FileRejected', `import.brokenQuoting.${what}`, params);
  }
  const h = header as HeaderMap | null;
  if (h === null) throw new AppError('FileRejected', 'import.noHeaderRow', { file: fileName });
  return { format: 'csv', encoding, delimiter, columns: h.readings, records: [], warnings: h.warnings };
}
