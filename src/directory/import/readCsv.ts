import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.ts';
import { cellTooLong, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, tooManyColumns } from './importLimits.ts';
import { decodeText } from './decodeText.ts';
import { countKnownColumns, mapHeader } from './header.ts';
import { isBlankRow, recordFromCells } from './cells.ts';
import type { RawTable } from './types.ts';

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

export function readCsv(bytes: Uint8Array, fileName: string): RawTable {
  const { text, encoding } = decodeText(bytes, fileName);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      // Strict quoting: an irregular quote means the cells cannot be trusted to be where they
      // seem (a stray quote can swallow rows), so the whole file is refused with its line.
      relax_quotes: false,
      skip_empty_lines: false,
      bom: true,
      // Per cell (csv-parse's field buffer): a longer one is refused with the limit named (issue 12).
      max_record_size: MAX_IMPORT_CELL_CHARS,
      // A row with more cells than any directory could have is refused before it piles up.
      on_record: (record: string[], context: { lines: number }) => {
        if (record.length > MAX_IMPORT_COLUMNS) throw tooManyColumns(fileName, record.length, `line ${context.lines}`);
        return record;
      },
    }) as string[][];
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code === 'CSV_MAX_RECORD_SIZE') throw cellTooLong(fileName, err.lines ? `near line ${err.lines}` : '', null);
    const where = err.lines ? ` near line ${err.lines}` : '';
    const what =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is never closed'
        : err.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'text follows a closing quote'
          : err.code === 'CSV_INVALID_OPENING_QUOTE'
            ? 'a quote appears inside a cell that does not start with one (write "" for a literal quote, or quote the whole cell)'
            : err.code === 'CSV_MAX_RECORD_SIZE'
            ? 'a row is far too long (probably broken quoting)'
            : `it cannot be read as CSV (${err.code ?? 'parse error'})`;
    throw new AppError('FileRejected', `${fileName} has broken quoting: ${what}${where}. Nothing was imported.`);
  }
  const [headerCells, ...data] = records;
  if (!headerCells || isBlankRow(headerCells)) {
    throw new AppError('FileRejected', `${fileName} has no header row: nothing was imported.`);
  }
  if (headerCells.length > MAX_IMPORT_COLUMNS) throw tooManyColumns(fileName, headerCells.length);
  const header = mapHeader(headerCells, fileName);
  const out: RawTable = { format: 'csv', encoding, delimiter, columns: header.readings, records: [], warnings: header.warnings };
  data.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    out.records.push(recordFromCells(i + 2, cells, header));
  });
  return out;
}
