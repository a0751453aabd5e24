import { type Cell, REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type Report, type ReportTable } from '../contract/reportSchemas.ts';
import { type Label, methodNote, REPORT_TITLE, TABLE_TITLES } from '../domain/reportLabels.ts';
import { cellKey, protectReport, recoverableCells, type StatusMap } from './disclosureControl.ts';
import { NONE, type PeriodFacts } from './periodFacts.ts';
import { periodDays } from '../domain/brusselsTime.ts';
import { comparisonFor } from './comparisonPeriods.ts';
import { publicGranularity } from './periodTime.ts';
import { buildSpecs, type CellRef, CROSS_THRESHOLD, type TableSpec, THRESHOLD, type ThemeInfo } from './reportSpecs.ts';
import { type CellStatus, isPrimary } from './secondarySuppression.ts';
import { AppError } from '../errors.ts';

// The period report: facts of the period and of the previous one → the report as data
// (contract/reportSchemas.ts), internal (exact counts) or public (disclosure control applied).

export interface ReportInput {
  current: PeriodFacts;
  /** The comparison period chosen by comparisonFor (comparisonPeriods.ts). */
  previous: PeriodFacts;
  /** A calendar month's same month a year earlier (absent: not a calendar month, or not computed, e.g. a merge of older exports). */
  yearEarlier?: PeriodFacts | null;
  themes: readonly ThemeInfo[];
  centres: readonly string[];
  taxonomyVersion: string;
  generatedAt: string;
  generator: string;
  /** Excerpts approved by a supervisor (text already anonymised). */
  quotes: ReadonlyArray<{ theme: string; text: string }>;
}

interface Quantiles {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

/** Median and quartiles (seconds) of a histogram { seconds: count }, nearest-rank on the sorted values. */
export function durationQuantiles(durations: Readonly<Record<string, number>>): Quantiles {
  const entries = Object.entries(durations)
    .filter(([k, n]) => k !== NONE && n > 0)
    .map(([k, n]) => [Number(k), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((a, [, c]) => a + c, 0);
  if (n === 0) return { n, median: null, q1: null, q3: null };
  // Linear interpolation between order statistics (the usual "type 7" quantile).
  const at = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const value = (rank: number): number => {
      let seen = 0;
      for (const [v, c] of entries) {
        seen += c;
        if (rank < seen) return v;
      }
      return entries[entries.length - 1]![0];
    };
    const a = value(lo);
    const b = value(Math.min(n - 1, lo + 1));
    return a + (b - a) * (h - lo);
  };
  return { n, median: at(0.5), q1: at(0.25), q3: at(0.75) };
}

type Lookup = (ref: CellRef) => { value: number; status: CellStatus } | null;

function countCell(value: number, status: CellStatus, threshold: number): Cell {
  if (status === 'published') return { v: value };
  if (status === 'primary') return { v: null, h: 'below', t: threshold };
  return { v: null, h: 'secondary' };
}

function renderTable(spec: TableSpec, statusOf: (key: string) => CellStatus, thresholdOf: (spec: TableSpec, row: number, col: string) => number, lookup: Lookup): ReportTable {
  const rows = spec.rows.map((row, r) => ({
    key: row.key,
    label: row.label,
    ...(row.total ? { total: true } : {}),
    cells: spec.columns.map((col): Cell => {
      if (col.format === 'count') return countCell(col.values[r] as number, statusOf(cellKey(spec.id, row.key, col.key)), thresholdOf(spec, r, col.key));
      const num = col.num(r);
      const den = col.den(r);
      const n = typeof num === 'number' ? { value: num, status: 'published' as CellStatus } : lookup(num);
      const d = typeof den === 'number' ? { value: den, status: 'published' as CellStatus } : lookup(den);
      if (!n || !d) return { v: null, h: 'na' };
      if (n.status !== 'published' || d.status !== 'published') return { v: null, h: 'derived' };
      if (d.value === 0) return { v: null, h: 'na' };
      if (col.format === 'change') return { v: (n.value - d.value) / d.value };
      return { v: n.value / d.value };
    }),
  }));
  return {
    id: spec.id,
    section: spec.section,
    title: TABLE_TITLES[spec.titleId],
    internalOnly: spec.internalOnly,
    rule: spec.rule,
    columns: spec.columns.map((c) => ({ key: c.key, label: c.label, format: c.format })),
    rows,
    chart: spec.chart,
  };
}

function thresholdFor(spec: TableSpec, row: number, col: string): number {
  for (const b of spec.blocks) {
    const totalRow = spec.rows.findIndex((r) => r.total);
    if (b.kind === 'oneWay' && b.column === col) return b.thresholds[row] ?? THRESHOLD;
    if (b.kind === 'twoWay') {
      const j = b.inner.indexOf(col);
      if (row === totalRow) return j >= 0 ? (b.colThresholds[j] ?? THRESHOLD) : b.grandThreshold;
      if (j >= 0) return b.inner_threshold(row, j);
      if (col === b.margin) return b.rowThresholds[row] ?? THRESHOLD;
    }
  }
  return THRESHOLD;
}

export function buildReport(input: ReportInput, flavour: 'internal' | 'public'): Report {
  const specs = buildSpecs({ current: input.current, previous: input.previous, themes: input.themes, flavour });
  let status: StatusMap = new Map();
  let links = new Map<string, CellStatus>();
  if (flavour === 'public') {
    ({ status, links } = protectReport(specs));
    const leaks = recoverableCells(specs, status, links);
    if (leaks.length) throw new AppError('Internal', 'reports.disclosureLeaks', { leaks: leaks.length });
  }
  const statusOf = (key: string): CellStatus => status.get(key) ?? 'published';
  const byId = new Map(specs.map((s) => [s.id, s]));
  const lookup: Lookup = (ref) => {
    const spec = byId.get(ref.table);
    const r = spec?.rows.findIndex((x) => x.key === ref.row) ?? -1;
    const col = spec?.columns.find((c) => c.key === ref.col);
    if (!spec || r < 0 || !col || col.format !== 'count') return null;
    return { value: col.values[r] as number, status: statusOf(cellKey(spec.id, ref.row, ref.col)) };
  };

  const linkCell = (link: string, value: number, threshold = THRESHOLD): Cell => {
    if (flavour === 'internal') return { v: value };
    const s = links.get(link) ?? (isPrimary(value, threshold) ? 'primary' : 'published');
    return countCell(value, s, threshold);
  };
  const ratio = (a: Cell, b: Cell, change = false): Cell => {
    if (a.v === null || b.v === null) return { v: null, h: 'derived' };
    if (b.v === 0) return { v: null, h: 'na' };
    return { v: change ? (a.v - b.v) / b.v : a.v / b.v };
  };
  const cur = input.current;
  const prev = input.previous;
  const calls = linkCell('calls', cur.calls);
  const requests = linkCell('requests', cur.requests);
  const previousCalls = linkCell('prev:calls', prev.calls);
  const previousRequests = linkCell('prev:requests', prev.requests);
  const comparison = comparisonFor({ from: cur.from, to: cur.to });
  const yearEarlier = comparison.rule === 'calendarMonth' && input.yearEarlier ? input.yearEarlier : null;
  const yearEarlierCalls = yearEarlier ? linkCell('year:calls', yearEarlier.calls) : null;
  const q = durationQuantiles(cur.durations);
  // A median of a handful of calls describes those calls: hidden below the stricter threshold.
  const stat = (v: number | null): Cell => (v === null ? { v: null, h: 'na' } : flavour === 'public' && q.n < CROSS_THRESHOLD ? { v: null, h: 'below', t: CROSS_THRESHOLD } : { v: Math.round(v) });
  const sensitive = input.themes.filter((t) => t.sensitive);

  const tables = specs.map((s) => renderTable(s, statusOf, thresholdFor, lookup));
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    flavour,
    title: REPORT_TITLE,
    period: { from: cur.from, to: cur.to },
    previous: { from: prev.from, to: prev.to },
    comparisonRule: comparison.rule,
    yearEarlier: yearEarlier ? { from: yearEarlier.from, to: yearEarlier.to } : null,
    generatedAt: input.generatedAt,
    generator: input.generator,
    centres: [...input.centres].sort((a, b) => a.localeCompare(b)),
    taxonomyVersion: input.taxonomyVersion,
    headline: {
      calls,
      requests,
      perCall: ratio(requests, calls),
      previousCalls,
      previousRequests,
      callsChange: ratio(calls, previousCalls, true),
      medianSeconds: stat(q.median),
      q1Seconds: stat(q.q1),
      q3Seconds: stat(q.q3),
      callsWithCallback: linkCell('callsWithCallback', cur.callsWithCallback),
      ...(yearEarlierCalls ? { yearEarlierCalls, callsChangeYear: ratio(calls, yearEarlierCalls, true) } : {}),
    },
    tables,
    quotes: input.quotes.map((x) => ({ theme: x.theme, themeLabel: themeLabel(input.themes, x.theme), text: x.text })),
    method: {
      paragraphs: {
        fr: methodNote(methodFacts(input, flavour, sensitive), 'fr'),
        nl: methodNote(methodFacts(input, flavour, sensitive), 'nl'),
        en: methodNote(methodFacts(input, flavour, sensitive), 'en'),
      },
      threshold: flavour === 'public' ? THRESHOLD : null,
      crossThreshold: flavour === 'public' ? CROSS_THRESHOLD : null,
      sensitiveThemes: sensitive.map((t) => t.code),
      granularity: flavour === 'public' ? publicGranularity(cur.from, cur.to) : null,
    },
  };
}

function themeLabel(themes: readonly ThemeInfo[], code: string): Label {
  return themes.find((t) => t.code === code)?.labels ?? { fr: code, nl: code, en: code };
}

function methodFacts(input: ReportInput, flavour: 'internal' | 'public', sensitive: readonly ThemeInfo[]) {
  return {
    flavour,
    threshold: THRESHOLD,
    crossThreshold: CROSS_THRESHOLD,
    sensitiveThemes: sensitive.map((t) => t.labels),
    granularity: flavour === 'public' ? publicGranularity(input.current.from, input.current.to) : null,
    periodDays: periodDays(input.current.from, input.current.to),
    comparison: comparisonFor({ from: input.current.from, to: input.current.to }).rule,
    yearEarlier: Boolean(input.yearEarlier),
  };
}
