import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';
import type { Service } from '../serviceSchema.ts';
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
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  count: number;
}

export async function exportServices(services: readonly Service[], opts: ExportOptions, now: Date, themeLabels?: ReadonlyMap<string, string>): Promise<ExportedFile> {
  const flat = { public: opts.public ?? false };
  const stamp = now.toISOString().slice(0, 10);
  const base = `relais-directory${flat.public ? '-public' : ''}-${stamp}`;
  switch (opts.format) {
    case 'csv':
      return { fileName: `${base}.csv`, mimeType: 'text/csv', bytes: servicesToCsv(services, { ...flat, delimiter: opts.delimiter ?? ';' }), count: services.length };
    case 'xlsx':
      return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await servicesToXlsx(services, flat), count: services.length };
    case 'hsds':
      return { fileName: `${base}.hsds.json`, mimeType: 'application/json', bytes: servicesToHsds(services, flat, themeLabels), count: services.length };
  }
}

export async function exportDirectory(db: Db, opts: ExportOptions, now: Date): Promise<ExportedFile> {
  const repo = directoryRepository(db);
  const labels = new Map(repo.listThemes().map((t) => [t.code, t.labels.en]));
  return exportServices(repo.listServices(), opts, now, labels);
}
