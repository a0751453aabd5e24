import type { Report } from '../contract/reportSchemas.ts';
import type { Lang } from '../domain/taxonomy.ts';

// How a report becomes a PDF where it is made: the shells hand these in through Services
// (main's printToPDF, the harness's Chromium, the CLI's pdfkit drawer), so the report code
// never imports a printer and Services never imports the report code.

export interface PagePrintOptions {
  /** Text at the top of every page (e.g. "USAGE INTERNE — NE PAS DIFFUSER"), or ''. */
  header: string;
  /** Text at the bottom left of every page; the page number goes bottom right. */
  footer: string;
  /** "Page" in the report's language. */
  pageWord: string;
}

/** Draws a report as an A4 PDF without a window (reportPdf.ts's pdfkit, in the CLI and Node tests). */
export type ReportPdfDrawer = (report: Report, opts: { lang: Lang }) => Promise<Buffer>;
