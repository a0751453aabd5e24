import type { lineReportContract } from '../contract/lineReportContract.ts';
import { exportReport } from '../reports/exportReport.ts';
import { fetchLineReport } from '../sync/lineReport.ts';
import type { HandlerMap } from './handlerMap.ts';
import { saveExport } from './saveExport.ts';

// "Bilan de la ligne": fetched from the hub, shown as it came, exported through the same
// exporter as a local bilan (the same pdfkit layout) and saved by main. Supervisors only
// (the contract; checked by the router).

export const lineReportHandlers: HandlerMap<typeof lineReportContract> = {
  'reports.line': async (input, s) => (await fetchLineReport(s.store.database(), input)).report,
  'reports.lineExport': async (input, s) => {
    const bundle = await fetchLineReport(s.store.database(), { from: input.from, to: input.to, flavour: input.flavour });
    const file = await exportReport(bundle, { format: input.format, delimiter: input.delimiter, lang: input.lang });
    const saved = await saveExport(s, { ...file, fileName: file.fileName.replace(/^bilan-/, 'bilan-ligne-') });
    s.log.info('reports.line_exported', { flavour: input.flavour, format: input.format, bytes: saved.bytes, saved: saved.savedTo !== null });
    return { ...saved, flavour: bundle.report.flavour };
  },
};
