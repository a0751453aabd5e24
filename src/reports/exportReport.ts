import type { ReportFormat } from '../contract/reportsContract.ts';
import { INTERNAL_MARK, PAGE_LABEL } from '../domain/reportLabels.ts';
import type { Lang } from '../domain/taxonomy.ts';
import type { PagePrintOptions } from './printTemplates.ts';
import { reportToCsv } from './reportCsv.ts';
import { reportToJson } from './reportJson.ts';
import { reportToPdf } from './reportPdf.ts';
import type { ReportBundle } from './reportService.ts';
import { reportToXlsx } from './reportXlsx.ts';

// One report, four files. The PDF is the app's printed report page when a page printer is
// available (Electron's printToPDF, or the harness's Chromium), pdfkit otherwise (CLI).

export interface ExportOptions {
  format: ReportFormat;
  delimiter: ';' | ',';
  lang: Lang;
  /** Prints the report page on screen to an A4 PDF (main provides it in the app). */
  printPage?: ((opts: PagePrintOptions) => Promise<Buffer>) | undefined;
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
    case 'pdf':
      bytes = opts.printPage
        ? await opts.printPage({
            header: r.flavour === 'internal' ? INTERNAL_MARK[opts.lang].toUpperCase() : '',
            footer: `${r.title[opts.lang]} ${r.period.from} – ${r.period.to}`,
            pageWord: PAGE_LABEL[opts.lang],
          })
        : await reportToPdf(r, { lang: opts.lang });
      break;
    case 'json':
      bytes = reportToJson(bundle);
      break;
  }
  return { bytes, fileName: reportFileName(bundle, opts.format), mimeType: MIME[opts.format] };
}
