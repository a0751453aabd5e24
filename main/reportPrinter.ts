import type { BrowserWindow } from 'electron';
import type { AppCore } from '../src/app/appCore.ts';
import { AppError } from '../src/errors.ts';
import { pageTemplates, PRINT_MARGINS_MM } from '../src/reports/printTemplates.ts';

/**
 * The report PDF in the app is the report page itself: the renderer lays the report out for
 * print, asks for a PDF export, and the handler calls this to print the window (A4, the
 * internal mark at the top and page numbers at the bottom of every page).
 */
export function installReportPrinter(core: AppCore, window: () => BrowserWindow | null): void {
  const inches = (mm: number) => mm / 25.4;
  core.services.printPage = async (opts) => {
    const w = window();
    if (!w || w.isDestroyed()) throw new AppError('Conflict', 'No Relais window to print the report from.');
    const { headerTemplate, footerTemplate } = pageTemplates(opts);
    return w.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      margins: { top: inches(PRINT_MARGINS_MM.top), bottom: inches(PRINT_MARGINS_MM.bottom), left: inches(PRINT_MARGINS_MM.left), right: inches(PRINT_MARGINS_MM.right) },
    });
  };
}
