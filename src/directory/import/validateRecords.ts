import type { ThemeView } from '../directoryRepository.ts';
import { makeServiceSchema, SERVICE_FIELDS, type Service, type ServiceField } from '../serviceSchema.ts';
import type { ProgressCallback, RawRecord, RejectedRow, RowProblem, ValidRow } from './types.ts';

// Raw records → canonical services or rejected rows, one record at a time. Every problem names its row and field;
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

/** What a row checker hands back: valid rows in batches, as it goes; rejected rows at the end. */
export interface RowSink {
  valid(rows: ValidRow[]): void;
}

export interface RowChecker {
  /** Checks one record; valid rows are passed to the sink in batches of `batchRows`. */
  check(record: RawRecord): void;
  /** Flushes the last batch; returns the counts and the rejected rows. */
  finish(): { valid: number; rejected: RejectedRow[] };
}

/**
 * Checks records one at a time as a reader streams them (issue 12: no array of every raw record,
 * then every service, then every diff entry). `total` is for progress only (0 when unknown).
 */
export function rowChecker(themes: readonly ThemeView[], sink: RowSink, opts: { batchRows: number; onProgress?: ProgressCallback; total?: number }): RowChecker {
  const schema = makeServiceSchema(new Set(themes.map((t) => t.code)));
  const resolveTheme = themeResolver(themes);
  const rejected: RejectedRow[] = [];
  const firstRowOf = new Map<string, number>();
  let batch: ValidRow[] = [];
  let valid = 0;
  let processed = 0;
  const flush = () => {
    if (batch.length === 0) return;
    sink.valid(batch);
    batch = [];
  };
  return {
    check(record) {
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
      else {
        batch.push({ row: record.row, service: parsed.data as Service, fields });
        valid++;
        if (batch.length >= opts.batchRows) flush();
      }
      processed++;
      if (processed % 1000 === 0) opts.onProgress?.({ phase: 'checking', processed, total: opts.total || processed });
    },
    finish() {
      flush();
      opts.onProgress?.({ phase: 'checking', processed, total: opts.total || processed });
      return { valid, rejected };
    },
  };
}
