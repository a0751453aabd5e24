import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { cellTooLong, expandsTooMuch, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_XLSX_EXPANDED_BYTES, tooManyColumns } from './importLimits.ts';
import { declaredUnzippedBytes, worksheetsLast } from './zipSizes.ts';
import { type HeaderMap, mapHeader } from './header.ts';
import { isBlankRow, recordFromCells } from './cells.ts';
import type { RawRecord, RawTable } from './types.ts';

// XLSX: the first worksheet, its first non-empty row as the header, every cell read as text.
// Formulas are never evaluated: a formula cell gives its cached result as text if the file has
// one, otherwise its formula text (`=…`). Dates become YYYY-MM-DD; numbers their plain digits.
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result as ExcelJS.CellValue | undefined;
      if (result !== undefined && result !== null && !(typeof result === 'object' && !(result instanceof Date) && 'error' in result)) return cellText(result);
      const formula = (v.formula ?? v.sharedFormula) as string | undefined;
      return formula ? `=${formula}` : '';
    }
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
    if ('text' in v) return String(v.text);
  }
  return String(value);
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * Reads the first worksheet and hands each data record to `onRecord` as exceljs's streaming
 * reader yields its row (issue 12: the rows are never all held at once). Returns the table's
 * description, with `records` left empty.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string, onRecord: (record: RawRecord) => void): Promise<RawTable> {
  // Declared sizes first: nothing is inflated when the workbook would expand too much (issue 12).
  const declared = declaredUnzippedBytes(bytes);
  if (declared === null) throw new AppError('FileRejected', 'import.unreadableXlsx', { file: fileName });
  if (declared > MAX_XLSX_EXPANDED_BYTES) throw expandsTooMuch(fileName, declared);
  // exceljs's streaming reader (issue 12): the sheet's XML is parsed row by row instead of as
  // one document (a 100,000-row workbook took 930 MB loaded whole; see docs/benchmarks.md).
  // Worksheets after the shared strings, so that no sheet is spooled to a temporary file.
  const records = worksheetsLast(bytes);
  if (records === null) throw new AppError('FileRejected', 'import.unreadableXlsx', { file: fileName });
  let header: HeaderMap | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(records.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength))), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.cellCount > MAX_IMPORT_COLUMNS) throw tooManyColumns(fileName, row.cellCount, `row ${row.number}`);
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const text = cellText(row.getCell(c).value);
          if (text.length > MAX_IMPORT_CELL_CHARS) throw cellTooLong(fileName, `in row ${row.number}, column ${c}`, text.length);
          cells.push(text);
        }
        if (isBlankRow(cells)) continue;
        // The first non-empty row is the header.
        if (header === null) header = mapHeader(cells, fileName);
        else onRecord(recordFromCells(row.number, cells, header));
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FileRejected', 'import.unreadableXlsx', { file: fileName });
  }
  const h = header as HeaderMap | null;
  if (h === null) throw new AppError('FileRejected', 'import.firstSheetEmpty', { file: fileName });
  return { format: 'xlsx', encoding: null, delimiter: null, columns: h.readings, records: [], warnings: h.warnings };
}
