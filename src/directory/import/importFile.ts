import { AppError } from '../../errors.ts';
import { parseImportOffThread } from './parseOffThread.ts';
import { capWarnings, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, tooLarge, tooManyRows } from './importLimits.ts';
import type { Db } from '../../store/openDatabase.ts';
import { countDemoServices, demoServiceIds, removeDemoServices } from '../demo/demoMarker.ts';
import { directoryRepository, type ThemeView } from '../directoryRepository.ts';
import { changedFields, type Service } from '../serviceSchema.ts';
import { detectFormat } from './detectFormat.ts';
import { readCsv } from './readCsv.ts';
import { readHsds } from './readHsds.ts';
import { readXlsx } from './readXlsx.ts';
import type { ImportDiff, ParsedImport, ProgressCallback, RawTable, ValidRow } from './types.ts';
import { validateRecords } from './validateRecords.ts';

// The import pipeline: read (file-level faults throw FileRejected before anything else),
// check each row, compare with the store, and — when applying — write every valid added or
// changed row in one transaction. Services absent from the file are left as they are, and so
// are the fields of a known service that the file has no column (or HSDS key) for.

/** The file limit, app and CLI alike (issue 12; the CLI raises it with --max-mb). */
export { MAX_IMPORT_BYTES };

export async function parseImport(
  bytes: Uint8Array,
  fileName: string,
  themes: readonly ThemeView[],
  onProgress?: ProgressCallback,
  maxBytes: number = MAX_IMPORT_BYTES,
): Promise<ParsedImport> {
  if (bytes.length > maxBytes) throw tooLarge(fileName, bytes.length, maxBytes);
  const format = detectFormat(bytes, fileName);
  onProgress?.({ phase: 'reading', processed: 0, total: bytes.length });
  const table: RawTable =
    format === 'xlsx' ? await readXlsx(bytes, fileName) : format === 'hsds' ? readHsds(bytes, fileName, new Set(themes.map((t) => t.code))) : readCsv(bytes, fileName);
  onProgress?.({ phase: 'reading', processed: bytes.length, total: bytes.length });
  if (table.records.length > MAX_IMPORT_ROWS) throw tooManyRows(fileName, table.records.length);
  if (table.records.length === 0) {
    throw new AppError('FileRejected', `${fileName} has a header but no service rows: nothing was imported.`);
  }
  const { valid, rejected } = await validateRecords(table.records, themes, onProgress);
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rows: table.records.length,
    columns: table.columns,
    lexicon: table.lexicon ?? null,
    valid,
    rejected,
    // The first 100 in full, the rest counted per kind (50,000 unknown columns are one line, issue 12).
    warnings: capWarnings(table.warnings),
  };
}

/** Compares the valid rows with the services currently stored. */
export function diffImport(parsed: ParsedImport, current: ReadonlyMap<string, Service>): ImportDiff {
  const diff: ImportDiff = {
    fileName: parsed.fileName,
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    rows: parsed.rows,
    columns: parsed.columns,
    counts: { added: 0, changed: 0, unchanged: 0, rejected: parsed.rejected.length },
    added: [],
    changed: [],
    unchanged: [],
    rejected: parsed.rejected,
    warnings: parsed.warnings,
    applied: false,
    demoRemoved: 0,
  };
  for (const valid of parsed.valid) {
    const { row } = valid;
    const before = current.get(valid.service.id);
    const service = merged(valid, before);
    const entry = { row, id: service.id, name: service.name };
    if (!before) diff.added.push(entry);
    else {
      const fields = changedFields(before, service);
      if (fields.length === 0) diff.unchanged.push(entry);
      else diff.changed.push({ ...entry, fields });
    }
  }
  diff.counts.added = diff.added.length;
  diff.counts.changed = diff.changed.length;
  diff.counts.unchanged = diff.unchanged.length;
  return diff;
}

/** A row over its stored service: the file's fields win, fields the file lacks are kept. */
export function merged(valid: ValidRow, before: Service | undefined): Service {
  if (!before) return valid.service;
  const out: Record<string, unknown> = { ...before };
  for (const f of valid.fields) out[f] = valid.service[f];
  return out as unknown as Service;
}

/**
 * A real directory replaces the demonstration one: a file with at least one valid row removes
 * the demo services (fictitious numbers) in the same transaction, and the diff says how many.
 */
function replacesDemo(parsed: ParsedImport): boolean {
  return parsed.valid.some((v) => v.row > 0);
}

export function previewImport(db: Db, parsed: ParsedImport): ImportDiff {
  const current = directoryRepository(db).servicesById();
  const demo = replacesDemo(parsed) ? demoServiceIds(db) : [];
  for (const id of demo) current.delete(id);
  const diff = diffImport(parsed, current);
  diff.demoRemoved = demo.length ? countDemoServices(db) : 0;
  return diff;
}

/** Diff and write in one transaction: every valid added/changed row, or nothing at all. */
export function applyImport(db: Db, parsed: ParsedImport, now: Date, onProgress?: ProgressCallback): ImportDiff {
  const repo = directoryRepository(db);
  return db.transaction(() => {
    const demoRemoved = replacesDemo(parsed) ? removeDemoServices(db) : 0;
    const current = repo.servicesById();
    const diff = diffImport(parsed, current);
    diff.demoRemoved = demoRemoved;
    const write = new Set([...diff.added, ...diff.changed].map((e) => e.id));
    const services = parsed.valid.filter((v) => write.has(v.service.id)).map((v) => merged(v, current.get(v.service.id)));
    repo.upsertServices(services, now, (processed, total) => onProgress?.({ phase: 'writing', processed, total }));
    diff.applied = true;
    return diff;
  })();
}

/** Read, check and (unless dry-run) apply a file: the one entry point for the CLI and handlers. */
export async function importDirectoryFile(
  db: Db,
  bytes: Uint8Array,
  fileName: string,
  opts: { dryRun: boolean; now: Date; onProgress?: ProgressCallback; maxBytes?: number },
): Promise<ImportDiff> {
  // Parsed in a worker thread (issue 12): the thread holding the store stays free.
  const parsed = await parseImportOffThread(bytes, fileName, directoryRepository(db).listThemes(), opts.onProgress, opts.maxBytes);
  return opts.dryRun ? previewImport(db, parsed) : applyImport(db, parsed, opts.now, opts.onProgress);
}
