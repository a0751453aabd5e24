import type { ReportFormat } from '../contract/reportsContract.ts';
import { INTERNAL_MARK, PAGE_LABEL } from '../domain/reportLabels.ts';
import { AppError } from '../errors.ts';
import type { Lang } from '../domain/taxonomy.ts';
import type { PagePrintOptions, ReportPdfDrawer } from '../services/printing.ts';
import { reportToCsv } from './reportCsv.ts';
import { reportToJson } from './reportJson.ts';
import type { ReportBundle } from './reportService.ts';
import { reportToXlsx } from './reportXlsx.ts';

// One report, four files. The PDF is the app's printed report page when a page printer is
// available (Electron's printToPDF, or the harness's Chromium), drawn otherwise (the CLI's pdfkit).
// The drawer is handed in, never imported here: this module is reached from Electron's main,
// and pdfkit (an ESM build that needs import.meta.url) must stay out of main's bundle.

export interface ExportOptions {
  format: ReportFormat;
  delimiter: ';' | ',';
  lang: Lang;
  /** Prints the report page on screen to an A4 PDF (main provides it in the app). */
  printPage?: ((opts: PagePrintOptions) => Promise<Buffer>) | undefined;
  /** Draws the PDF when there is no page to print (the CLI). */
  drawPdf?: ReportPdfDrawer | undefined;
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
      if (opts.printPage) {
        bytes = await opts.printPage({
          header: r.flavour === 'internal' ? INTERNAL_MARK[opts.lang].toUpperCase() : '',
          footer: `${r.title[opts.lang]} ${r.period.from} – ${r.period.to}`,
          pageWord: PAGE_LABEL[opts.lang],
        });
      } else if (opts.drawPdf) {
        bytes = await opts.drawPdf(r, { lang: opts.lang });
      } else {
        throw new AppError('Conflict', 'reports.noPdfHere');
      }
      break;
    case 'json':
      bytes = reportToJson(bundle);
      break;
  }
  return { bytes, fileName: reportFileName(bundle, opts.format), mimeType: MIME[opts.format] };
}
