import type { PagePrintOptions } from '../services/printing.ts';

// What the app's page printer (Electron's printToPDF, the harness's Chromium page.pdf) puts in
// the margins of every page of a printed report: a header (the internal mark) and a footer
// with the title and "page n / N". Shared by main and the test harness.


function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Chromium's header/footer templates (they use the classes pageNumber and totalPages). */
export function pageTemplates(o: PagePrintOptions): { headerTemplate: string; footerTemplate: string } {
  const base = 'font-family: Helvetica, Arial, sans-serif; font-size: 8px; width: 100%; margin: 0 12mm;';
  return {
    headerTemplate: `<div style="${base} text-align: center; color: #b00020; font-weight: bold;">${escapeHtml(o.header)}</div>`,
    footerTemplate: `<div style="${base} display: flex; justify-content: space-between; color: #5b6475;"><span>${escapeHtml(o.footer)}</span><span>${escapeHtml(o.pageWord)} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  };
}

/** Margins leaving room for the header and footer, in inches (what printToPDF and page.pdf take). */
export const PRINT_MARGINS_MM = { top: 16, bottom: 16, left: 12, right: 12 };
