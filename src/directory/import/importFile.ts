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
import type { ImportDiff, ParsedImport, ProgressCallback, RawRecord, RawTable, ReadImport, ValidRow } from './types.ts';
import { rowChecker, type RowSink } from './validateRecords.ts';
import { VALID_BATCH_ROWS, ValidRows } from './validRows.ts';

// The import pipeline: read (file-level faults throw FileRejected before anything else),
// check each row, compare with the store, and — when applying — write every valid added or
// changed row in one transaction. Services absent from the file are left as they are, and so
// are the fields of a known service that the file has no column (or HSDS key) for.

/** The file limit, app and CLI alike (issue 12; the CLI raises it with --max-mb). */
export { MAX_IMPORT_BYTES };

/**
 * Reads and checks a file, streaming (issue 12): each record goes from the reader to the checker
 * and each batch of valid rows to `sink` (the worker thread encodes and transfers it), so the
 * raw rows, the service objects and the file are never all in memory together.
 */
export async function readImport(
  bytes: Uint8Array,
  fileName: string,
  themes: readonly ThemeView[],
  sink: RowSink,
  onProgress?: ProgressCallback,
  maxBytes: number = MAX_IMPORT_BYTES,
): Promise<ReadImport> {
  if (bytes.length > maxBytes) throw tooLarge(fileName, bytes.length, maxBytes);
  const format = detectFormat(bytes, fileName);
  onProgress?.({ phase: 'reading', processed: 0, total: bytes.length });
  const checker = rowChecker(themes, sink, { batchRows: VALID_BATCH_ROWS, ...(onProgress ? { onProgress } : {}) });
  let rows = 0;
  const onRecord = (record: RawRecord) => {
    rows++;
    // Past the limit, rows are only counted (CSV: cheap) so the refusal can say how many.
    if (rows <= MAX_IMPORT_ROWS) checker.check(record);
    // A workbook stops at once: its rows are slow to read and the count is not worth it.
    else if (format === 'xlsx') throw tooManyRows(fileName, null);
  };
  const onBytes = (read: number) => onProgress?.({ phase: 'reading', processed: Math.min(read, bytes.length), total: bytes.length });
  let table: RawTable;
  if (format === 'xlsx') table = await readXlsx(bytes, fileName, onRecord);
  else if (format === 'csv') table = readCsv(bytes, fileName, onRecord, onBytes);
  else {
    table = readHsds(bytes, fileName, new Set(themes.map((t) => t.code)));
    // The JSON is parsed whole; its records are checked and let go one by one.
    const records = table.records;
    table = { ...table, records: [] };
    for (let i = 0; i < records.length; i++) {
      onRecord(records[i]!);
      records[i] = undefined as never;
    }
  }
  onProgress?.({ phase: 'reading', processed: bytes.length, total: bytes.length });
  if (rows > MAX_IMPORT_ROWS) throw tooManyRows(fileName, rows);
  if (rows === 0) throw new AppError('FileRejected', 'import.noRows', { file: fileName });
  const { valid, rejected } = checker.finish();
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rows,
    columns: table.columns,
    lexicon: table.lexicon ?? null,
    validCount: valid,
    rejected,
    // The first 100 in full, the rest counted per kind (50,000 unknown columns are one line, issue 12).
    warnings: capWarnings(table.warnings),
  };
}

/** readImport on this thread, the valid rows kept encoded here (CLI tests, the bench's baseline). */
export async function parseImport(
  bytes: Uint8Array,
  fileName: string,
  themes: readonly ThemeView[],
  onProgress?: ProgressCallback,
  maxBytes: number = MAX_IMPORT_BYTES,
): Promise<ParsedImport> {
  const valid = new ValidRows();
  const { validCount: _count, ...head } = await readImport(bytes, fileName, themes, { valid: (rows) => valid.add(rows) }, onProgress, maxBytes);
  return { ...head, valid };
}

function emptyDiff(parsed: ParsedImport): ImportDiff {
  return {
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
}

/**
 * Compares one batch of valid rows with their stored services (`current`, looked up for this
 * batch only), adds them to the diff and returns the services to write (added or changed).
 */
function diffBatch(diff: ImportDiff, batch: readonly ValidRow[], current: ReadonlyMap<string, Service>): Service[] {
  const write: Service[] = [];
  for (const valid of batch) {
    const { row } = valid;
    const before = current.get(valid.service.id);
    const service = merged(valid, before);
    const entry = { row, id: service.id, name: service.name };
    if (!before) {
      diff.added.push(entry);
      write.push(service);
    } else {
      const fields = changedFields(before, service);
      if (fields.length === 0) diff.unchanged.push(entry);
      else {
        diff.changed.push({ ...entry, fields });
        write.push(service);
      }
    }
  }
  diff.counts.added = diff.added.length;
  diff.counts.changed = diff.changed.length;
  diff.counts.unchanged = diff.unchanged.length;
  return write;
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
  return parsed.valid.fromFile > 0;
}

/**
 * Compares every valid row with `current` (a whole directory held elsewhere: the hub's), batch by
 * batch; returns the diff and the merged services to write (added or changed).
 */
export function diffImport(parsed: ParsedImport, current: ReadonlyMap<string, Service>): { diff: ImportDiff; write: Service[] } {
  const diff = emptyDiff(parsed);
  const write: Service[] = [];
  for (const batch of parsed.valid.batches()) write.push(...diffBatch(diff, batch, current));
  return { diff, write };
}

/**
 * What applying would change, without writing. Nothing here needs a transaction, so the store's
 * thread answers other operations between batches (a note save during a preview of 100,000 rows).
 */
export async function previewImport(db: Db, parsed: ParsedImport): Promise<ImportDiff> {
  const demo = replacesDemo(parsed) ? new Set(demoServiceIds(db)) : new Set<string>();
  const repo = directoryRepository(db);
  const diff = emptyDiff(parsed);
  for (const batch of parsed.valid.batches()) {
    diffBatch(diff, batch, repo.servicesById(batch.map((v) => v.service.id).filter((id) => !demo.has(id))));
    await new Promise((resolve) => setImmediate(resolve));
  }
  diff.demoRemoved = demo.size ? countDemoServices(db) : 0;
  return diff;
}

/** Diff and write in one transaction: every valid added/changed row, or nothing at all. */
export function applyImport(db: Db, parsed: ParsedImport, now: Date, onProgress?: ProgressCallback): ImportDiff {
  const repo = directoryRepository(db);
  return db.transaction(() => {
    const demoRemoved = replacesDemo(parsed) ? removeDemoServices(db) : 0;
    const diff = emptyDiff(parsed);
    let done = 0;
    // One batch decoded, compared and written at a time, all inside this one transaction.
    for (const batch of parsed.valid.batches()) {
      repo.upsertServices(diffBatch(diff, batch, repo.servicesById(batch.map((v) => v.service.id))), now);
      done += batch.length;
      onProgress?.({ phase: 'writing', processed: done, total: parsed.valid.count });
    }
    diff.demoRemoved = demoRemoved;
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
  return opts.dryRun ? await previewImport(db, parsed) : applyImport(db, parsed, opts.now, opts.onProgress);
}
