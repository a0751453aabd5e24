import { AppError } from '../../errors.ts';
import { SERVICE_FIELDS, type ServiceField } from '../serviceSchema.ts';
import { NOTES_COLUMN } from '../export/flatRows.ts';
import { fieldForHeader, foldHeader } from './headerAliases.ts';
import type { ColumnReading, ImportWarning } from './types.ts';

// The header row of a flat file (CSV or the first sheet of an XLSX): each cell names a field by
// its canonical name or a French/Dutch alias (headerAliases.ts; case, accents, spaces and
// `-`/`_` forgiven). Unknown columns are ignored with a warning; fewer than two known columns,
// or no id or name column, means this is not a directory file and nothing is imported.

export function countKnownColumns(cells: readonly string[]): number {
  return new Set(cells.map(fieldForHeader).filter((c) => c !== null)).size;
}

export interface HeaderMap {
  /** For each column index, the field it carries, or null when ignored. */
  columns: (ServiceField | null)[];
  /** Original header text per column, for warnings. */
  labels: string[];
  warnings: ImportWarning[];
  /** How each non-empty header cell was understood, for the import preview. */
  readings: ColumnReading[];
}

export function mapHeader(cells: readonly string[], fileName: string): HeaderMap {
  const columns: (ServiceField | null)[] = [];
  const warnings: ImportWarning[] = [];
  const readings: ColumnReading[] = [];
  const seen = new Map<ServiceField, number>();
  cells.forEach((raw, index) => {
    const label = raw.trim().slice(0, 100);
    const field = fieldForHeader(raw);
    if (label === '') {
      columns.push(null);
      return;
    }
    readings.push({ column: index + 1, header: label, field });
    // Our internal export's notes column: read-only information, ignored without a warning.
    if (field === null && foldHeader(raw) === NOTES_COLUMN) {
      columns.push(null);
      return;
    }
    if (field === null) {
      columns.push(null);
      warnings.push({ field: label, message: `Unknown column "${label}" (column ${index + 1}) ignored.` });
      return;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      throw new AppError('FileRejected', 'import.duplicateColumn', {
        file: fileName,
        field,
        firstLabel: cells[first]?.trim().slice(0, 100) ?? '',
        firstColumn: first + 1,
        label,
        column: index + 1,
      });
    }
    seen.set(field, index);
    columns.push(field);
  });
  const missing = (['id', 'name'] as const).filter((f) => !seen.has(f));
  if (seen.size < 2 || missing.length > 0) {
    const columns = SERVICE_FIELDS.slice(0, 6).join(', ');
    throw missing.length
      ? new AppError('FileRejected', 'import.noHeaderMissing', { file: fileName, missing: missing.join(' or '), columns })
      : new AppError('FileRejected', 'import.noHeader', { file: fileName, columns });
  }
  return { columns, labels: cells.map((c) => c.trim()), warnings, readings };
}
