import { AppError } from '../../errors.ts';
import { SERVICE_FIELDS, type ServiceField } from '../serviceSchema.ts';
import type { ImportWarning } from './types.ts';

// The header row of a flat file (CSV or the first sheet of an XLSX): each cell names a field
// exactly as in the issue (case, surrounding spaces and `-`/space for `_` forgiven). Unknown
// columns are ignored with a warning; fewer than two known columns, or no id or name column,
// means this is not a directory file and nothing is imported.
const KNOWN: ReadonlySet<string> = new Set(SERVICE_FIELDS);

export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^[\ufeff\u200b\s'"]+|[\s'"]+$/g, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function countKnownColumns(cells: readonly string[]): number {
  return new Set(cells.map(normaliseHeaderCell).filter((c) => KNOWN.has(c))).size;
}

export interface HeaderMap {
  /** For each column index, the field it carries, or null when ignored. */
  columns: (ServiceField | null)[];
  /** Original header text per column, for warnings. */
  labels: string[];
  warnings: ImportWarning[];
}

export function mapHeader(cells: readonly string[], fileName: string): HeaderMap {
  const columns: (ServiceField | null)[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Map<string, number>();
  cells.forEach((raw, index) => {
    const name = normaliseHeaderCell(raw);
    if (name === '') {
      columns.push(null);
      return;
    }
    if (!KNOWN.has(name)) {
      columns.push(null);
      warnings.push({ field: raw.trim().slice(0, 100), message: `Unknown column "${raw.trim().slice(0, 100)}" (column ${index + 1}) ignored.` });
      return;
    }
    if (seen.has(name)) {
      throw new AppError('FileRejected', `${fileName}: the column "${name}" appears twice (columns ${(seen.get(name) ?? 0) + 1} and ${index + 1}); it is unclear which to use. Nothing was imported.`);
    }
    seen.set(name, index);
    columns.push(name as ServiceField);
  });
  const missing = (['id', 'name'] as const).filter((f) => !seen.has(f));
  if (seen.size < 2 || missing.length > 0) {
    throw new AppError(
      'FileRejected',
      `${fileName} has no recognisable directory header${missing.length ? ` (no ${missing.join(' or ')} column)` : ''}: the first row must name the columns (${SERVICE_FIELDS.slice(0, 6).join(', ')}, …). Nothing was imported.`,
    );
  }
  return { columns, labels: cells.map((c) => c.trim()), warnings };
}
