import { z } from 'zod';

// The report as data: what the period report screen shows, what every export writes, and the
// machine-readable JSON (schema-versioned). Built in main (src/reports), read by the renderer.
// A cell carries its value, or why it is hidden. Labels carry the three languages so the
// screen switches language without asking main again.

export const REPORT_SCHEMA = 'relais.report';
export const REPORT_SCHEMA_VERSION = 1;

export const labelSchema = z.object({ fr: z.string(), nl: z.string(), en: z.string() });

export const cellSchema = z.object({
  /** The value (a count, a fraction for %, a ratio, seconds…), or null when hidden or not applicable. */
  v: z.number().nullable(),
  /**
   * Why `v` is null: `below` a count from 1 to t-1 (shown `<t`); `secondary` hidden to protect
   * another cell; `derived` a percentage or change computed from a hidden count; `na` not applicable.
   */
  h: z.enum(['below', 'secondary', 'derived', 'na']).optional(),
  /** The threshold shown with `below`. */
  t: z.number().int().optional(),
});
export type Cell = z.infer<typeof cellSchema>;

export const COLUMN_FORMATS = ['count', 'percent', 'ratio', 'change', 'seconds'] as const;
export type ColumnFormat = (typeof COLUMN_FORMATS)[number];

export const columnSchema = z.object({ key: z.string(), label: labelSchema, format: z.enum(COLUMN_FORMATS) });

export const rowSchema = z.object({ key: z.string(), label: labelSchema, total: z.boolean().optional(), cells: z.array(cellSchema) });

export const CHART_KINDS = ['bars', 'hbars', 'line', 'heatmap'] as const;
export const SECTIONS = ['volume', 'themes', 'interventions', 'callers', 'duration', 'outcomes'] as const;

export const tableSchema = z.object({
  id: z.string(),
  section: z.enum(SECTIONS),
  title: labelSchema,
  /** Never in a public export (the weekday × hour grid). */
  internalOnly: z.boolean(),
  /** The disclosure rule applied to this table in a public report: thresholds of its counts. */
  rule: z.object({ threshold: z.number().int(), sensitiveThreshold: z.number().int().nullable(), cross: z.boolean() }).nullable(),
  columns: z.array(columnSchema),
  rows: z.array(rowSchema),
  /** How the screen and the PDF chart this table: columns charted, rows without totals. */
  chart: z.object({ kind: z.enum(CHART_KINDS), columns: z.array(z.string()) }).nullable(),
});
export type ReportTable = z.infer<typeof tableSchema>;

export const quoteSchema = z.object({ theme: z.string(), themeLabel: labelSchema, text: z.string() });

const periodSchema = z.object({ from: z.string(), to: z.string() });

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  flavour: z.enum(['internal', 'public']),
  title: labelSchema,
  period: periodSchema,
  previous: periodSchema,
  /** Which period the report compares with (issue 17): previous calendar month, previous year, or the same length just before. */
  comparisonRule: z.enum(['calendarMonth', 'calendarYear', 'sameLength']).optional(),
  /** A calendar month's same month a year earlier. */
  yearEarlier: periodSchema.nullable().optional(),
  generatedAt: z.string(),
  generator: z.string(),
  /** The partner centres whose calls are counted (several after a regional merge). */
  centres: z.array(z.string()),
  taxonomyVersion: z.string(),
  headline: z.object({
    calls: cellSchema,
    requests: cellSchema,
    perCall: cellSchema,
    previousCalls: cellSchema,
    previousRequests: cellSchema,
    callsChange: cellSchema,
    medianSeconds: cellSchema,
    q1Seconds: cellSchema,
    q3Seconds: cellSchema,
    callsWithCallback: cellSchema,
    /** Calls of the same month a year earlier and the change since (calendar months only). */
    yearEarlierCalls: cellSchema.optional(),
    callsChangeYear: cellSchema.optional(),
  }),
  tables: z.array(tableSchema),
  quotes: z.array(quoteSchema),
  method: z.object({
    paragraphs: z.object({ fr: z.array(z.string()), nl: z.array(z.string()), en: z.array(z.string()) }),
    threshold: z.number().int().nullable(),
    crossThreshold: z.number().int().nullable(),
    sensitiveThemes: z.array(z.string()),
    /** The one time scale of a public report's volume table. */
    granularity: z.enum(['day', 'week', 'month']).nullable(),
  }),
});
export type Report = z.infer<typeof reportSchema>;
