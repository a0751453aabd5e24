import type { ThemeView } from '../directoryRepository.ts';
import { makeServiceSchema, SERVICE_FIELDS, type Service, type ServiceField } from '../serviceSchema.ts';
import type { ProgressCallback, RawRecord, RejectedRow, RowProblem, ValidRow } from './types.ts';

// Raw records → canonical services or rejected rows. Every problem names its row and field;
// a row with any problem is rejected whole (never half-imported). The first row with an id
// wins; later rows repeating it are rejected as duplicates.
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase().trim();
}

/** Theme cells may carry a code (`food`) or a label in any language (`Aide alimentaire`). */
export function themeResolver(themes: readonly ThemeView[]): (item: string) => string {
  const byKey = new Map<string, string>();
  for (const t of themes) {
    byKey.set(t.code, t.code);
    for (const label of Object.values(t.labels)) if (!byKey.has(fold(label))) byKey.set(fold(label), t.code);
  }
  return (item) => byKey.get(item.trim().toLowerCase()) ?? byKey.get(fold(item)) ?? item;
}

export async function validateRecords(
  records: readonly RawRecord[],
  themes: readonly ThemeView[],
  onProgress?: ProgressCallback,
): Promise<{ valid: ValidRow[]; rejected: RejectedRow[] }> {
  const schema = makeServiceSchema(new Set(themes.map((t) => t.code)));
  const resolveTheme = themeResolver(themes);
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  let processed = 0;
  for (const record of records) {
    const problems: RowProblem[] = [...record.problems];
    const input: Record<string, unknown> = {};
    const fields: ServiceField[] = [];
    for (const f of SERVICE_FIELDS) {
      if (!(f in record.values)) continue;
      fields.push(f);
      if (record.values[f] !== undefined) input[f] = record.values[f];
    }
    if (Array.isArray(input.themes)) input.themes = (input.themes as unknown[]).map((t) => (typeof t === 'string' ? resolveTheme(t) : t));
    input.id ??= '';
    input.name ??= '';
    const parsed = schema.safeParse(input);
    const rawId = typeof input.id === 'string' ? input.id.trim() : '';
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        const item = issue.path.length > 1 ? (input[field] as unknown[] | undefined)?.[issue.path[1] as number] : undefined;
        problems.push({ row: record.row, field, message: typeof item === 'string' ? `${issue.message}: "${item.slice(0, 60)}"` : issue.message });
      }
    }
    if (rawId !== '') {
      const first = firstRowOf.get(rawId);
      if (first !== undefined) problems.push({ row: record.row, field: 'id', message: `duplicate id "${rawId.slice(0, 100)}": already used on row ${first}.` });
      else firstRowOf.set(rawId, record.row);
    }
    if (problems.length > 0 || !parsed.success) rejected.push({ row: record.row, id: rawId === '' ? null : rawId.slice(0, 100), problems });
    else valid.push({ row: record.row, service: parsed.data as Service, fields });
    processed++;
    if (processed % 1000 === 0) {
      onProgress?.({ phase: 'checking', processed, total: records.length });
      // Let the event loop breathe (progress events, UI) on large files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  onProgress?.({ phase: 'checking', processed, total: records.length });
  return { valid, rejected };
}
