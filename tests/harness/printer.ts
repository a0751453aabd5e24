import type { Page } from '@playwright/test';
import type { AppCore } from '../../src/app/appCore.ts';
import { pageTemplates, PRINT_MARGINS_MM } from '../../src/reports/printTemplates.ts';

/** The harness's twin of main/reportPrinter.ts: the report page printed by Chromium (page.pdf). */
export function installHarnessPrinter(core: AppCore, page: Page): void {
  core.services.printPage = async (opts) => {
    const { headerTemplate, footerTemplate } = pageTemplates(opts);
    const mm = (v: number) => `${v}mm`;
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      margin: { top: mm(PRINT_MARGINS_MM.top), bottom: mm(PRINT_MARGINS_MM.bottom), left: mm(PRINT_MARGINS_MM.left), right: mm(PRINT_MARGINS_MM.right) },
    });
  };
}
