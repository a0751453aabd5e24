import type { ReportFormat } from '../contract/reportsContract.ts';
import type { Lang } from '../domain/taxonomy.ts';
import { reportToCsv } from './reportCsv.ts';
import { reportToJson } from './reportJson.ts';
import type { ReportBundle } from './reportService.ts';
import { reportToXlsx } from './reportXlsx.ts';

// One report, four files, one layout per format for the app, the harness and the CLI alike: the
// PDF is drawn by reportPdf.ts (pdfkit), loaded on first use only — the CLI's start-up and
// main's start never pay for it (main's bundle keeps pdfkit external and requires it then).

export interface ExportOptions {
  format: ReportFormat;
  delimiter: ';' | ',';
  lang: Lang;
}

export interface ExportedReport {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

const MIME: Record<ReportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
};

export function reportFileName(bundle: ReportBundle, format: ReportFormat): string {
  const r = bundle.report;
  return `bilan-${r.period.from}_${r.period.to}-${r.flavour === 'internal' ? 'interne' : 'public'}.${format}`;
}

export async function exportReport(bundle: ReportBundle, opts: ExportOptions): Promise<ExportedReport> {
  const r = bundle.report;
  let bytes: Buffer;
  switch (opts.format) {
    case 'csv':
      bytes = reportToCsv(r, { delimiter: opts.delimiter, lang: opts.lang });
      break;
    case 'xlsx':
      bytes = await reportToXlsx(r, { lang: opts.lang });
      break;
    case 'pdf': {
      const { reportToPdf } = await import('./reportPdf.ts');
      bytes = await reportToPdf(r, { lang: opts.lang });
      break;
    }
    case 'json':
      bytes = reportToJson(bundle);
      break;
  }
  return { bytes, fileName: reportFileName(bundle, opts.format), mimeType: MIME[opts.format] };
}
