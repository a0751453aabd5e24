import { z } from 'zod';
import { callIdSchema, themeCodeSchema } from './callSchemas.ts';
import { operation } from './operation.ts';
import { reportSchema } from './reportSchemas.ts';
import { savedFileSchema } from './savedFile.ts';

// Supervisor reports (issue 7): the shift summary for the debriefing, the period report with
// its charts, exports, approved quotable excerpts and handover notes. The access lists are
// enforced by the router in main: a public export is a supervisor's, whatever the UI shows.

const SIGNED_IN = ['responder', 'supervisor'] as const;
const SUPERVISOR = ['supervisor'] as const;

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGS = ['fr', 'nl', 'en'] as const;
export const HANDOVER_MAX_CHARS = 2_000;
export const QUOTE_MAX_CHARS = 1_000;

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const period = { from: ymd, to: ymd };

export const exportInput = z.strictObject({
  ...period,
  format: z.enum(REPORT_FORMATS),
  /** CSV separator: `;` with decimal comma and BOM (Belgian Excel), or `,` with decimal point. */
  delimiter: z.enum([';', ',']).default(';'),
  lang: z.enum(REPORT_LANGS).default('fr'),
});
export const fileOutput = savedFileSchema.extend({ flavour: z.enum(['internal', 'public']) });

const countRow = z.object({ key: z.string(), count: z.number() });

export const shiftSummarySchema = z.object({
  day: z.string(),
  scope: z.enum(['team', 'me']),
  generatedAt: z.string(),
  calls: z.object({ total: z.number(), inProgress: z.number(), toFinish: z.number(), closed: z.number() }),
  requests: z.number(),
  themes: z.array(countRow),
  interventions: z.array(countRow),
  referrals: z.object({
    total: z.number(),
    contacted: z.number(),
    services: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), count: z.number(), contacted: z.number(), notHelping: z.number() })),
  }),
  /** dueThatDay: due during the day (any outcome); scheduled: arranged during the day, for any day. */
  callbacks: z.object({ dueThatDay: z.number(), scheduled: z.number(), done: z.number(), overdue: z.number(), dueNow: z.number(), pending: z.number() }),
  toFinish: z.array(z.object({ callId: z.string(), responderName: z.string(), startedAt: z.string(), durationMs: z.number().nullable(), missing: z.array(z.enum(['themes', 'interventions'])) })),
  unmetNeeds: z.array(z.object({ themes: z.array(z.string()), text: z.string() })),
  handover: z.array(z.object({ id: z.number(), text: z.string(), author: z.string(), createdAt: z.string() })),
  /** Calls without a request, by kind: counted apart from the calls with requests (issue 16). */
  withoutRequest: z.array(countRow),
  /** Calls flagged "à débriefer", with the reason given. */
  debrief: z.array(z.object({ callId: z.string(), responderName: z.string(), startedAt: z.string(), reason: z.string().nullable() })),
});
export type ShiftSummary = z.infer<typeof shiftSummarySchema>;

export const quoteCandidateSchema = z.object({
  callId: z.string(),
  day: z.string(),
  themes: z.array(z.string()),
  /** The notes as written. */
  original: z.string(),
  /** The notes with identifying data replaced by [type] marks: a starting point for the excerpt. */
  suggested: z.string(),
  findings: z.array(z.object({ kind: z.string(), start: z.number(), end: z.number() })),
  approved: z.array(z.object({ id: z.number(), theme: z.string(), text: z.string(), approvedBy: z.string(), approvedAt: z.string() })),
});
export type QuoteCandidate = z.infer<typeof quoteCandidateSchema>;

// Text that leaves the PC (the public bilans, the next shift): the shape is checked here; the
// anonymity guard runs in the handler (src/guard/outgoingText.ts), with the directory's names,
// and refuses identifying data unless a supervisor overrides explicitly (audited).
const outgoingText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max, `at most ${max} characters`)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'no control characters');
/** A supervisor's explicit "let it through": the guard's findings are audited, never the text. */
const guardOverride = z.boolean().default(false);

export const reportsContract = {
  'reports.shiftSummary': operation({
    summary: 'The shift summary for the debriefing (internal): calls, requests, themes, interventions, referrals, callbacks, calls to finish, handover notes.',
    access: SIGNED_IN,
    input: z.strictObject({ day: ymd.optional(), scope: z.enum(['team', 'me']).default('team') }),
    output: shiftSummarySchema,
  }),
  'reports.defaultPeriod': operation({
    summary: 'The period Bilans opens on, at main\'s clock: the last complete month that has calls, else the month so far (and which rule gave it).',
    access: SIGNED_IN,
    input: z.strictObject({}),
    output: z.object({ from: z.string(), to: z.string(), rule: z.enum(['lastMonthWithCalls', 'monthSoFar']) }),
  }),
  'reports.period': operation({
    summary: 'The period report with the previous period of equal length: internal (exact counts) or public (disclosure control applied).',
    access: SIGNED_IN,
    input: z.strictObject({ ...period, flavour: z.enum(['internal', 'public']).default('internal') }),
    output: reportSchema,
  }),
  'reports.export': operation({
    summary: 'Export the internal period report (exact counts, marked "usage interne"; its JSON carries the facts a regional merge needs), saved by main (the save dialog; savedTo null when cancelled).',
    access: SIGNED_IN,
    input: exportInput,
    output: fileOutput,
  }),
  'reports.exportPublic': operation({
    summary: 'Export the public period report (disclosure control applied, approved excerpts only), saved by main. Supervisors only.',
    access: SUPERVISOR,
    input: exportInput,
    output: fileOutput,
  }),
  'reports.quotes.list': operation({
    summary: 'Calls of the period flagged "may be quoted", their notes checked by the identifying-data detector, and the excerpts already approved.',
    access: SUPERVISOR,
    input: z.strictObject({ ...period, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ candidates: z.array(quoteCandidateSchema) }),
  }),
  'reports.quotes.approve': operation({
    summary: 'Approve an anonymised excerpt for reports, grouped under one of the call\'s themes; refused while the guard finds identifying data, unless overridden (audited).',
    access: SUPERVISOR,
    input: z.strictObject({ callId: callIdSchema, theme: themeCodeSchema, text: outgoingText(QUOTE_MAX_CHARS), override: guardOverride }),
    output: z.object({ id: z.number() }),
  }),
  'reports.quotes.revoke': operation({
    summary: 'Withdraw an approved excerpt: it leaves every report made from now on.',
    access: SUPERVISOR,
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: z.object({ revoked: z.literal(true) }),
  }),
  'reports.handover.add': operation({
    summary: 'Leave a handover note for the next shift (no identifying data unless a supervisor overrides, audited; never published).',
    access: SIGNED_IN,
    input: z.strictObject({ text: outgoingText(HANDOVER_MAX_CHARS), override: guardOverride }),
    output: z.object({ id: z.number() }),
  }),
};
