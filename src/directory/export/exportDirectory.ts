import { dayOf, monthsBefore } from '../../domain/brusselsTime.ts';
import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';
import type { LexiconEntry } from '../lexicon/lexiconSchema.ts';
import type { Service } from '../serviceSchema.ts';
import type { ExportNote } from './flatRows.ts';
import { servicesToCsv, type CsvDelimiter } from './toCsv.ts';
import { servicesToHsds } from './toHsds.ts';
import { servicesToXlsx } from './toXlsx.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'hsds'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** CSV only: `;` (with BOM, for Excel in Belgium; the default) or `,`. */
  delimiter?: CsvDelimiter;
  /** Public flavour: leaves out professional_contact. The default (IT) export keeps everything. */
  public?: boolean;
  /** Internal exports: each service's reachability notes of the last 12 months (a last CSV/XLSX column, `x_relais.reachability_notes` in HSDS). */
  notes?: ReadonlyMap<string, readonly ExportNote[]>;
  /** HSDS only (the feed): the line's situation lexicon beside the services. */
  lexicon?: readonly LexiconEntry[] | null;
}

/** How far back reachability notes go in an internal export (issue 17). */
export const EXPORTED_NOTES_MONTHS = 12;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  count: number;
}

export async function exportServices(services: readonly Service[], opts: ExportOptions, now: Date, themeLabels?: ReadonlyMap<string, string>): Promise<ExportedFile> {
  const flat = { public: opts.public ?? false };
  // The Brussels day, as the responder sees it: an export at 00:30 in June is that day, not yesterday (UTC).
  const stamp = dayOf(now);
  const base = `relais-directory${flat.public ? '-public' : ''}-${stamp}`;
  switch (opts.format) {
    case 'csv':
      return { fileName: `${base}.csv`, mimeType: 'text/csv', bytes: servicesToCsv(services, { ...flat, delimiter: opts.delimiter ?? ';', ...(opts.notes ? { notes: opts.notes } : {}) }), count: services.length };
    case 'xlsx':
      return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await servicesToXlsx(services, { ...flat, ...(opts.notes ? { notes: opts.notes } : {}) }), count: services.length };
    case 'hsds':
      return {
        fileName: `${base}.hsds.json`,
        mimeType: 'application/json',
        bytes: servicesToHsds(services, flat, themeLabels, { ...(opts.notes ? { notes: opts.notes } : {}), lexicon: opts.lexicon ?? null }),
        count: services.length,
      };
  }
}

/** Reachability notes since `since` (ISO), newest first, per service. */
export function notesSince(db: Db, since: string): Map<string, ExportNote[]> {
  const rows = db
    .prepare('SELECT service_id, created_at, kind, text, responder FROM reachability_notes WHERE created_at >= ? ORDER BY service_id, created_at DESC, id DESC')
    .all(since) as Array<ExportNote & { service_id: string }>;
  const out = new Map<string, ExportNote[]>();
  for (const r of rows) {
    const list = out.get(r.service_id) ?? [];
    list.push({ created_at: r.created_at, kind: r.kind, text: r.text, responder: r.responder });
    out.set(r.service_id, list);
  }
  return out;
}

/** Internal exports carry the notes of the last 12 months unless told otherwise; public ones never. */
export async function exportDirectory(db: Db, opts: ExportOptions & { withNotes?: boolean }, now: Date): Promise<ExportedFile> {
  const repo = directoryRepository(db);
  if (!opts.public && opts.withNotes !== false && !opts.notes) {
    opts = { ...opts, notes: notesSince(db, monthsBefore(now, EXPORTED_NOTES_MONTHS).toISOString()) };
  }
  const labels = new Map(repo.listThemes().map((t) => [t.code, t.labels.en]));
  return exportServices(repo.listServices(), opts, now, labels);
}
