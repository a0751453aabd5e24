import { z } from 'zod';
import { operation } from './operation.ts';
import { exportInput, fileOutput } from './reportsContract.ts';
import { reportSchema } from './reportSchemas.ts';

// "Bilan de la ligne" on a supervisor's Relais (issue 14): the period report of every centre,
// built by the hub from the call facts of the line with Relais's report and disclosure-control
// code, fetched, shown with the same view and exported like a local bilan. The hub
// authenticates devices, not people: the role is checked here, by the router.

const SUPERVISOR = ['supervisor'] as const;
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const flavour = z.enum(['internal', 'public']);

export const lineReportContract = {
  'reports.line': operation({
    summary: 'The line\'s bilan from the hub: every centre\'s calls, internal (exact counts) or public (disclosure control applied by the hub). Supervisors of a joined workstation.',
    access: SUPERVISOR,
    input: z.strictObject({ from: ymd, to: ymd, flavour: flavour.default('internal') }),
    output: reportSchema,
  }),
  'reports.lineExport': operation({
    summary: 'Export the line\'s bilan fetched from the hub (PDF, XLSX, CSV, JSON), internal or public as the hub computed it, saved by main. Supervisors of a joined workstation.',
    access: SUPERVISOR,
    input: exportInput.extend({ flavour }),
    output: fileOutput,
  }),
};
