import { z } from 'zod';
import { reportSchema } from '../contract/reportSchemas.ts';
import { AppError } from '../errors.ts';
import type { PeriodFacts } from './periodFacts.ts';
import type { ReportBundle } from './reportService.ts';

// The machine-readable report: the report as data (schema `relais.report`, versioned), plus
// what a regional merge needs. An internal file carries the unsuppressed facts of the period
// and of the previous one (disclosure control is applied after a merge, never before, so the
// centres' files must hold exact counts — which is why they are internal); a public file
// carries none. Files from other centres are read through bounded schemas.

const MAX_KEYS = 20_000;
const count = z.number().int().min(0).max(1e9);
const key = z.string().min(1).max(80).regex(/^[A-Za-z0-9_:\-T]+$/, 'a category code');
const counts = z.record(key, count).refine((r) => Object.keys(r).length <= MAX_KEYS, 'too many categories');
const pairs = z.record(key, z.tuple([count, count])).refine((r) => Object.keys(r).length <= MAX_KEYS, 'too many categories');
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const factsSchema = z.strictObject({
  from: ymd,
  to: ymd,
  calls: count,
  requests: count,
  hourlyCalls: counts,
  hourlyRequests: counts,
  themes: counts,
  unmetByTheme: counts,
  communeTheme: z.record(key, counts).refine((r) => Object.keys(r).length <= 200, 'too many communes'),
  interventions: counts,
  referralKinds: pairs,
  referralOutcomes: counts,
  communes: counts,
  callerTypes: counts,
  callerHistory: counts,
  heardFrom: counts,
  resolution: counts,
  languages: pairs,
  durations: counts,
  callbacks: counts,
  callsWithCallback: count,
  // Issue 16; absent from reports exported before it (a merge reads them as empty).
  withoutRequest: counts.default({}),
  socialAid: counts.default({}),
  barriers: counts.default({}),
  debrief: counts.default({}),
  // Issue 15; absent from reports exported before it.
  helpByKind: counts.default({}),
  helpArrivedByService: z.record(z.string().min(1).max(100), count).refine((r) => Object.keys(r).length <= 20_000, 'too many services').default({}),
  // Issue 17 (the barometer); absent from reports exported before it.
  barometerKinds: z.record(key, z.tuple([count, count, count])).refine((r) => Object.keys(r).length <= 200, 'too many kinds').default({}),
  barometerServices: z.record(z.string().min(1).max(100), z.tuple([count, count, count])).refine((r) => Object.keys(r).length <= 20_000, 'too many services').default({}),
  serviceNames: z.record(z.string().min(1).max(100), z.string().max(300)).refine((r) => Object.keys(r).length <= 20_000, 'too many services').default({}),
}) satisfies z.ZodType<PeriodFacts, unknown>;

const label = z.strictObject({ fr: z.string().max(200), nl: z.string().max(200), en: z.string().max(200) });

export const reportDocumentSchema = reportSchema.extend({
  taxonomy: z.object({
    version: z.string().max(40),
    themes: z.array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), labels: label, sensitive: z.boolean() })).max(500),
  }),
  source: z.object({ storeIds: z.array(z.string().max(64)).max(500), centres: z.array(z.string().max(120)).max(500) }),
  // yearEarlier: the same month a year before (calendar-month periods); older files lack it.
  facts: z.object({ current: factsSchema, previous: factsSchema, yearEarlier: factsSchema.nullable().optional() }).nullable(),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export function bundleToDocument(bundle: ReportBundle): ReportDocument {
  return { ...bundle.report, taxonomy: bundle.taxonomy, source: bundle.source, facts: bundle.facts };
}

/** The bundle a report document holds (the line's bilan fetched from the hub). */
export function documentToBundle(doc: ReportDocument): ReportBundle {
  const { taxonomy, source, facts, ...report } = doc;
  return { report, taxonomy, source, facts };
}

export function reportToJson(bundle: ReportBundle): Buffer {
  return Buffer.from(`${JSON.stringify(bundleToDocument(bundle), null, 2)}\n`, 'utf8');
}

/** Reads a report JSON file (one centre's export), refusing anything outside the schema. */
export function readReportDocument(bytes: Buffer, name: string): ReportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
  } catch {
    throw new AppError('FileRejected', 'reports.notJson', { file: name });
  }
  const r = reportDocumentSchema.safeParse(raw);
  if (!r.success) {
    throw new AppError(
      'FileRejected',
      'reports.notAReport', { file: name },
      r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return r.data;
}
