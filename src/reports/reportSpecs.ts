import {
  BARRIER_LABELS,
  CALLBACK_STATUS_LABELS,
  CALLER_HISTORY_LABELS,
  CALLER_TYPE_LABELS,
  COLUMN_LABELS,
  COMMUNE_LABELS,
  COMMUNE_ORDER,
  DEBRIEF_LABELS,
  DURATION_BAND_LABELS,
  DURATION_BANDS,
  durationBand,
  HEARD_FROM_LABELS,
  HELP_LABELS,
  INTERVENTION_LABELS,
  type Label,
  LANGUAGE_LABELS,
  NO_REQUEST_LABELS,
  NONE_LABEL,
  REFERRAL_OUTCOME_LABELS,
  RESOLUTION_LABELS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  SOCIAL_AID_LABELS,
  type SectionId,
  type TableId,
  TOTAL_LABEL,
  WEEKDAYS,
} from '../domain/reportLabels.ts';
import type { ColumnFormat } from '../contract/reportSchemas.ts';
import { BAROMETER_LINKS, barometerSpecs } from './barometerSpecs.ts';
import { type Counts, NONE, type PeriodFacts, sumCounts } from './periodFacts.ts';
import { bucketKey, buckets, type Granularity, localHour, publicGranularity } from './periodTime.ts';

// Facts → table specifications: rows, count columns (with the relations between them that
// disclosure control must respect) and derived columns (percentages, changes, ratios). No
// suppression here: disclosureControl.ts decides what a public report hides, periodReport.ts
// renders cells.

export const THRESHOLD = 5;
export const CROSS_THRESHOLD = 10;

export interface ThemeInfo {
  code: string;
  labels: Label;
  sensitive: boolean;
}

/** A reference to a count cell: its table, row key and column key. */
export interface CellRef {
  table: string;
  row: string;
  col: string;
}

export interface SpecRow {
  key: string;
  label: Label;
  total?: boolean;
}

export interface CountColumn {
  key: string;
  label: Label;
  format: 'count';
  /** One value per row (the total row holds the column total). */
  values: number[];
  /** Same quantity published elsewhere (e.g. `calls`, `theme:food`): one status for all its copies. */
  links: Array<string | null>;
}

export interface DerivedColumn {
  key: string;
  label: Label;
  format: Exclude<ColumnFormat, 'count'>;
  /** Numerator and denominator of each row's value (change: current and previous). */
  num: (row: number) => CellRef | number;
  den: (row: number) => CellRef | number;
}

export type ProtectionBlock =
  | { kind: 'oneWay'; column: string; thresholds: number[] }
  | { kind: 'twoWay'; inner: string[]; margin: string; inner_threshold: (row: number, col: number) => number; rowThresholds: number[]; colThresholds: number[]; grandThreshold: number };

export interface TableSpec {
  id: string;
  titleId: TableId;
  section: Exclude<SectionId, 'quotes'>;
  internalOnly: boolean;
  rows: SpecRow[];
  columns: Array<CountColumn | DerivedColumn>;
  blocks: ProtectionBlock[];
  rule: { threshold: number; sensitiveThreshold: number | null; cross: boolean } | null;
  chart: { kind: 'bars' | 'hbars' | 'line' | 'heatmap'; columns: string[] } | null;
}

export interface SpecInput {
  current: PeriodFacts;
  previous: PeriodFacts;
  themes: readonly ThemeInfo[];
  flavour: 'internal' | 'public';
}

const ref = (table: string, row: string, col: string): CellRef => ({ table, row, col });

/** Category keys in display order: the known ones, then any other key present, then "not recorded". */
function orderKeys(known: readonly string[], ...present: Array<Record<string, unknown>>): string[] {
  const extra = new Set<string>();
  for (const p of present) for (const k of Object.keys(p)) if (!known.includes(k) && k !== NONE) extra.add(k);
  const out = [...known, ...[...extra].sort()];
  if (present.some((p) => Object.hasOwn(p, NONE) && ((p[NONE] as number | [number, number]) !== 0))) out.push(NONE);
  return out;
}

function labelOf(labels: Readonly<Record<string, Label>>, key: string): Label {
  if (key === NONE) return NONE_LABEL;
  return labels[key] ?? { fr: key, nl: key, en: key };
}

interface Distribution {
  id: string;
  titleId: TableId;
  section: TableSpec['section'];
  keys: string[];
  labels: (key: string) => Label;
  current: Counts;
  previous: Counts;
  /** Link of the total (e.g. `calls`); the previous column's is `prev:` + it. */
  totalLink: string | null;
  /** Per-row link (themes: `theme:<code>`). */
  rowLink?: (key: string) => string | null;
  threshold?: (key: string) => number;
  /** % columns: of the column total ("% of requests") and/or of all calls. */
  pctOfTotal: boolean;
  pctOfCalls: boolean;
  chart: TableSpec['chart'];
  sensitive?: boolean;
}

/** A one-way table: current count, its %, the previous period's count and the change. */
function distribution(d: Distribution): TableSpec {
  const rows: SpecRow[] = [...d.keys.map((k) => ({ key: k, label: d.labels(k) })), { key: 'total', label: TOTAL_LABEL, total: true }];
  const cur = d.keys.map((k) => d.current[k] ?? 0);
  const prev = d.keys.map((k) => d.previous[k] ?? 0);
  const curTotal = cur.reduce((a, b) => a + b, 0);
  const prevTotal = prev.reduce((a, b) => a + b, 0);
  const th = d.keys.map((k) => d.threshold?.(k) ?? THRESHOLD);
  const link = (prefix: string) => [...d.keys.map((k) => (d.rowLink?.(k) ? prefix + (d.rowLink(k) as string) : null)), d.totalLink ? prefix + d.totalLink : null];
  const columns: Array<CountColumn | DerivedColumn> = [{ key: 'current', label: COLUMN_LABELS.count, format: 'count', values: [...cur, curTotal], links: link('') }];
  const last = rows.length - 1;
  if (d.pctOfTotal) columns.push({ key: 'pct', label: d.pctOfCalls ? COLUMN_LABELS.pctRequests : COLUMN_LABELS.pct, format: 'percent', num: (r) => ref(d.id, rows[r]!.key, 'current'), den: () => ref(d.id, rows[last]!.key, 'current') });
  if (d.pctOfCalls) columns.push({ key: 'pctCalls', label: COLUMN_LABELS.pctCalls, format: 'percent', num: (r) => ref(d.id, rows[r]!.key, 'current'), den: () => ref('communes', 'total', 'current') });
  columns.push({ key: 'previous', label: COLUMN_LABELS.previous, format: 'count', values: [...prev, prevTotal], links: link('prev:') });
  columns.push({ key: 'change', label: COLUMN_LABELS.change, format: 'change', num: (r) => ref(d.id, rows[r]!.key, 'current'), den: (r) => ref(d.id, rows[r]!.key, 'previous') });
  const thresholds = [...th, THRESHOLD];
  return {
    id: d.id,
    titleId: d.titleId,
    section: d.section,
    internalOnly: false,
    rows,
    columns,
    blocks: [
      { kind: 'oneWay', column: 'current', thresholds },
      { kind: 'oneWay', column: 'previous', thresholds },
    ],
    rule: { threshold: THRESHOLD, sensitiveThreshold: d.sensitive ? CROSS_THRESHOLD : null, cross: false },
    chart: d.chart,
  };
}

type Labels = Readonly<Record<string, Label>>;

/**
 * A distribution over a fixed label table (the source report's categories): its keys are the
 * table's, then any other recorded key, then "not recorded". Most report tables are one of these.
 */
function labelled(
  id: TableId,
  section: TableSpec['section'],
  labels: Labels,
  current: Counts,
  previous: Counts,
  opts: Pick<Distribution, 'totalLink' | 'chart'> & Partial<Pick<Distribution, 'pctOfTotal' | 'pctOfCalls' | 'rowLink' | 'keys'>>,
): TableSpec {
  return distribution({
    id,
    titleId: id,
    section,
    keys: opts.keys ?? orderKeys(Object.keys(labels), current, previous),
    labels: (k) => labelOf(labels, k),
    current,
    previous,
    totalLink: opts.totalLink,
    ...(opts.rowLink ? { rowLink: opts.rowLink } : {}),
    pctOfTotal: opts.pctOfTotal ?? true,
    pctOfCalls: opts.pctOfCalls ?? false,
    chart: opts.chart,
  });
}

/** Calls (and requests) per bucket of time. */
function volume(id: string, titleId: TableId, f: PeriodFacts, g: Granularity): TableSpec {
  const keys = buckets(f.from, f.to, g);
  const calls: Counts = {};
  const requests: Counts = {};
  for (const [h, n] of Object.entries(f.hourlyCalls)) {
    const k = bucketKey(localHour(h).day, g);
    calls[k] = (calls[k] ?? 0) + n;
  }
  for (const [h, n] of Object.entries(f.hourlyRequests)) {
    const k = bucketKey(localHour(h).day, g);
    requests[k] = (requests[k] ?? 0) + n;
  }
  const rows: SpecRow[] = [...keys.map((k) => ({ key: k, label: { fr: k, nl: k, en: k } })), { key: 'total', label: TOTAL_LABEL, total: true }];
  const c = keys.map((k) => calls[k] ?? 0);
  const r = keys.map((k) => requests[k] ?? 0);
  const thresholds = [...keys.map(() => THRESHOLD), THRESHOLD];
  return {
    id,
    titleId,
    section: 'volume',
    internalOnly: false,
    rows,
    columns: [
      { key: 'calls', label: COLUMN_LABELS.calls, format: 'count', values: [...c, f.calls], links: [...keys.map(() => null), 'calls'] },
      { key: 'requests', label: COLUMN_LABELS.requests, format: 'count', values: [...r, f.requests], links: [...keys.map(() => null), 'requests'] },
      { key: 'perCall', label: COLUMN_LABELS.perCall, format: 'ratio', num: (i) => ref(id, rows[i]!.key, 'requests'), den: (i) => ref(id, rows[i]!.key, 'calls') },
    ],
    blocks: [
      { kind: 'oneWay', column: 'calls', thresholds },
      { kind: 'oneWay', column: 'requests', thresholds },
    ],
    rule: { threshold: THRESHOLD, sensitiveThreshold: null, cross: false },
    chart: { kind: g === 'day' ? 'line' : 'bars', columns: ['calls', 'requests'] },
  };
}

function heatmap(f: PeriodFacts): TableSpec {
  const grid = WEEKDAYS.map(() => new Array<number>(24).fill(0));
  for (const [h, n] of Object.entries(f.hourlyCalls)) {
    const l = localHour(h);
    (grid[l.weekday] as number[])[l.hour]! += n;
  }
  const hours = Array.from({ length: 24 }, (_, i) => i);
  return {
    id: 'heatmap',
    titleId: 'heatmap',
    section: 'volume',
    internalOnly: true,
    rows: WEEKDAYS.map((label, i) => ({ key: String(i), label })),
    columns: hours.map((h) => ({ key: `h${h}`, label: { fr: `${h} h`, nl: `${h} u`, en: `${h}:00` }, format: 'count' as const, values: grid.map((r) => r[h] as number), links: WEEKDAYS.map(() => null) })),
    blocks: [],
    rule: null,
    chart: { kind: 'heatmap', columns: hours.map((h) => `h${h}`) },
  };
}

/** A two-way table: rows × inner columns, the row totals in `total`, column totals in the last row. */
function crossTable(opts: {
  id: string;
  titleId: TableId;
  section: TableSpec['section'];
  rowKeys: string[];
  rowLabel: (k: string) => Label;
  cols: Array<{ key: string; label: Label; link?: string; threshold?: number }>;
  value: (row: string, col: string) => number;
  totalLabel: Label;
  rowLink?: (row: string) => string | null;
  /** Inner cells published elsewhere too (the barometer's contacted count per kind). */
  cellLink?: (row: string, col: string) => string | null;
  grandLink: string | null;
  innerThreshold: number;
  marginThreshold: number;
  cross: boolean;
  chart: TableSpec['chart'];
}): TableSpec {
  const rows: SpecRow[] = [...opts.rowKeys.map((k) => ({ key: k, label: opts.rowLabel(k) })), { key: 'total', label: TOTAL_LABEL, total: true }];
  const grid = opts.rowKeys.map((r) => opts.cols.map((c) => opts.value(r, c.key)));
  const rowTotals = grid.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = opts.cols.map((_, j) => grid.reduce((a, r) => a + (r[j] as number), 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  const columns: CountColumn[] = [
    { key: 'total', label: opts.totalLabel, format: 'count', values: [...rowTotals, grand], links: [...opts.rowKeys.map((k) => opts.rowLink?.(k) ?? null), opts.grandLink] },
    ...opts.cols.map((c, j) => ({ key: c.key, label: c.label, format: 'count' as const, values: [...grid.map((r) => r[j] as number), colTotals[j] as number], links: [...opts.rowKeys.map((r) => opts.cellLink?.(r, c.key) ?? null), c.link ?? null] })),
  ];
  return {
    id: opts.id,
    titleId: opts.titleId,
    section: opts.section,
    internalOnly: false,
    rows,
    columns,
    blocks: [
      {
        kind: 'twoWay',
        inner: opts.cols.map((c) => c.key),
        margin: 'total',
        inner_threshold: () => opts.innerThreshold,
        rowThresholds: opts.rowKeys.map(() => opts.marginThreshold),
        colThresholds: opts.cols.map((c) => c.threshold ?? opts.marginThreshold),
        grandThreshold: THRESHOLD,
      },
    ],
    rule: { threshold: opts.cross ? opts.innerThreshold : THRESHOLD, sensitiveThreshold: null, cross: opts.cross },
    chart: opts.chart,
  };
}

function durationCounts(d: Counts): Counts {
  const out: Counts = {};
  for (const [k, n] of Object.entries(d)) {
    const band = k === NONE ? NONE : durationBand(Number(k));
    out[band] = (out[band] ?? 0) + n;
  }
  return out;
}

export function buildSpecs(input: SpecInput): TableSpec[] {
  const { current: cur, previous: prev, flavour } = input;
  const themeInfo = new Map(input.themes.map((t) => [t.code, t]));
  const themeKeys = orderKeys(
    input.themes.map((t) => t.code),
    cur.themes,
    prev.themes,
  );
  const themeLabel = (k: string) => (k === NONE ? NONE_LABEL : (themeInfo.get(k)?.labels ?? { fr: k, nl: k, en: k }));
  const themeThreshold = (k: string) => (themeInfo.get(k)?.sensitive ? CROSS_THRESHOLD : THRESHOLD);
  const anySensitive = input.themes.some((t) => t.sensitive);
  const specs: TableSpec[] = [];

  // Volume: every scale in the internal report; one in the public one (see publicGranularity).
  const scales: Array<[Granularity, TableId]> = [
    ['day', 'volumeDay'],
    ['week', 'volumeWeek'],
    ['month', 'volumeMonth'],
  ];
  const g = publicGranularity(cur.from, cur.to);
  for (const [scale, titleId] of scales) {
    if (flavour === 'public' && scale !== g) continue;
    specs.push(volume(`volume_${scale}`, titleId, cur, scale));
  }
  if (flavour === 'internal') specs.push(heatmap(cur));

  specs.push(
    distribution({
      id: 'themes',
      titleId: 'themes',
      section: 'themes',
      keys: themeKeys,
      labels: themeLabel,
      current: cur.themes,
      previous: prev.themes,
      totalLink: 'requests',
      rowLink: (k) => `theme:${k}`,
      threshold: themeThreshold,
      pctOfTotal: true,
      pctOfCalls: true,
      chart: { kind: 'hbars', columns: ['current', 'previous'] },
      sensitive: anySensitive,
    }),
  );

  const communeKeys = orderKeys(COMMUNE_ORDER, cur.communes, cur.communeTheme).filter((k) => k !== NONE);
  specs.push(
    crossTable({
      id: 'communeTheme',
      titleId: 'communeTheme',
      section: 'themes',
      rowKeys: communeKeys,
      rowLabel: (k) => labelOf(COMMUNE_LABELS, k),
      cols: themeKeys.map((k) => ({ key: k, label: themeLabel(k), link: `theme:${k}`, threshold: themeThreshold(k) })),
      value: (r, c) => cur.communeTheme[r]?.[c] ?? 0,
      totalLabel: COLUMN_LABELS.requests,
      grandLink: 'requests',
      innerThreshold: CROSS_THRESHOLD,
      marginThreshold: THRESHOLD,
      cross: true,
      chart: null,
    }),
  );

  specs.push(labelled('interventions', 'interventions', INTERVENTION_LABELS, cur.interventions, prev.interventions, { totalLink: null, pctOfTotal: false, pctOfCalls: true, chart: { kind: 'hbars', columns: ['current', 'previous'] } }));

  const kindKeys = orderKeys(SERVICE_KINDS, cur.referralKinds);
  specs.push(
    crossTable({
      id: 'referralKinds',
      titleId: 'referralKinds',
      section: 'interventions',
      rowKeys: kindKeys,
      rowLabel: (k) => labelOf(SERVICE_KIND_LABELS, k),
      cols: [
        { key: 'contacted', label: COLUMN_LABELS.contacted, link: BAROMETER_LINKS.contactedTotal },
        { key: 'notContacted', label: COLUMN_LABELS.notContacted },
      ],
      value: (r, c) => cur.referralKinds[r]?.[c === 'contacted' ? 0 : 1] ?? 0,
      rowLink: BAROMETER_LINKS.kindReferrals,
      cellLink: (r, c) => (c === 'contacted' ? BAROMETER_LINKS.kindContacted(r) : null),
      totalLabel: COLUMN_LABELS.referrals,
      grandLink: 'referrals',
      innerThreshold: THRESHOLD,
      marginThreshold: THRESHOLD,
      cross: false,
      chart: { kind: 'hbars', columns: ['contacted', 'notContacted'] },
    }),
  );

  specs.push(labelled('referralOutcomes', 'interventions', REFERRAL_OUTCOME_LABELS, cur.referralOutcomes, prev.referralOutcomes, { totalLink: 'referrals', rowLink: BAROMETER_LINKS.outcome, chart: { kind: 'hbars', columns: ['current'] } }));
  specs.push(...barometerSpecs(cur, kindKeys, THRESHOLD));

  specs.push(labelled('communes', 'callers', COMMUNE_LABELS, cur.communes, prev.communes, { keys: communeKeys, totalLink: 'calls', chart: { kind: 'hbars', columns: ['current', 'previous'] } }));
  for (const [id, labels, c, p] of [
    ['callerTypes', CALLER_TYPE_LABELS, cur.callerTypes, prev.callerTypes],
    ['callerHistory', CALLER_HISTORY_LABELS, cur.callerHistory, prev.callerHistory],
    ['heardFrom', HEARD_FROM_LABELS, cur.heardFrom, prev.heardFrom],
  ] as const) {
    specs.push(labelled(id, 'callers', labels, c, p, { totalLink: 'calls', chart: { kind: id === 'heardFrom' ? 'hbars' : 'bars', columns: ['current', 'previous'] } }));
  }

  // The source report's fields (issue 16): contact with social aid before the call, the
  // non-take-up barriers (several per call: shares are of all calls), the calls to debrief.
  specs.push(labelled('socialAid', 'callers', SOCIAL_AID_LABELS, cur.socialAid, prev.socialAid, { totalLink: 'calls', chart: { kind: 'bars', columns: ['current', 'previous'] } }));
  specs.push(labelled('barriers', 'callers', BARRIER_LABELS, cur.barriers, prev.barriers, { totalLink: null, pctOfTotal: false, pctOfCalls: true, chart: { kind: 'hbars', columns: ['current', 'previous'] } }));

  const langKeys = orderKeys(Object.keys(LANGUAGE_LABELS), cur.languages);
  specs.push(
    crossTable({
      id: 'languages',
      titleId: 'languages',
      section: 'callers',
      rowKeys: langKeys,
      rowLabel: (k) => labelOf(LANGUAGE_LABELS, k),
      cols: [
        { key: 'interpreter', label: COLUMN_LABELS.withInterpreter },
        { key: 'noInterpreter', label: COLUMN_LABELS.withoutInterpreter },
      ],
      value: (r, c) => cur.languages[r]?.[c === 'interpreter' ? 0 : 1] ?? 0,
      totalLabel: COLUMN_LABELS.calls,
      grandLink: 'calls',
      innerThreshold: CROSS_THRESHOLD,
      marginThreshold: THRESHOLD,
      cross: true,
      chart: { kind: 'hbars', columns: ['interpreter', 'noInterpreter'] },
    }),
  );

  const curBands = durationCounts(cur.durations);
  const prevBands = durationCounts(prev.durations);
  specs.push(labelled('durationBands', 'duration', DURATION_BAND_LABELS, curBands, prevBands, { keys: orderKeys(DURATION_BANDS, curBands, prevBands), totalLink: 'calls', chart: { kind: 'bars', columns: ['current', 'previous'] } }));

  specs.push(labelled('resolution', 'outcomes', RESOLUTION_LABELS, cur.resolution, prev.resolution, { totalLink: 'calls', chart: { kind: 'bars', columns: ['current', 'previous'] } }));

  // Unmet needs by theme: requests not (fully) met, and their share of the theme's requests.
  const unmetKeys = themeKeys;
  const unmetRows: SpecRow[] = [...unmetKeys.map((k) => ({ key: k, label: themeLabel(k) })), { key: 'total', label: TOTAL_LABEL, total: true }];
  const unmet = unmetKeys.map((k) => cur.unmetByTheme[k] ?? 0);
  specs.push({
    id: 'unmetByTheme',
    titleId: 'unmetByTheme',
    section: 'outcomes',
    internalOnly: false,
    rows: unmetRows,
    columns: [
      { key: 'unmet', label: COLUMN_LABELS.unmet, format: 'count', values: [...unmet, sumCounts(cur.unmetByTheme)], links: [...unmetKeys.map(() => null), 'unmetRequests'] },
      { key: 'pctOfTheme', label: COLUMN_LABELS.pctOfTheme, format: 'percent', num: (r) => ref('unmetByTheme', unmetRows[r]!.key, 'unmet'), den: (r) => ref('themes', unmetRows[r]!.key, 'current') },
    ],
    blocks: [{ kind: 'oneWay', column: 'unmet', thresholds: [...unmetKeys.map(themeThreshold), THRESHOLD] }],
    rule: { threshold: THRESHOLD, sensitiveThreshold: anySensitive ? CROSS_THRESHOLD : null, cross: false },
    chart: { kind: 'hbars', columns: ['unmet'] },
  });

  specs.push(labelled('callbacks', 'outcomes', CALLBACK_STATUS_LABELS, cur.callbacks, prev.callbacks, { totalLink: 'callbacks', chart: { kind: 'bars', columns: ['current', 'previous'] } }));
  // Follow-ups of reached callbacks (issue 15): per referral, by kind of service, did help arrive.
  const helpKinds = orderKeys(SERVICE_KINDS, Object.fromEntries(Object.keys(cur.helpByKind).map((k) => [k.split(':')[0] as string, 1])));
  const helpCols = Object.keys(HELP_LABELS);
  const help = crossTable({
    id: 'helpArrived',
    titleId: 'helpArrived',
    section: 'outcomes',
    rowKeys: helpKinds,
    rowLabel: (k) => labelOf(SERVICE_KIND_LABELS, k),
    cols: helpCols.map((h) => ({ key: h, label: labelOf(HELP_LABELS, h), ...(h === 'arrived' ? { link: BAROMETER_LINKS.helpArrivedTotal } : {}) })),
    value: (r, c) => cur.helpByKind[`${r}:${c}`] ?? 0,
    // The barometer's "help arrived" per kind is the same count (barometerSpecs.ts).
    cellLink: (r, c) => (c === 'arrived' ? BAROMETER_LINKS.helpArrived(r) : null),
    totalLabel: COLUMN_LABELS.followedUp,
    grandLink: null,
    innerThreshold: THRESHOLD,
    marginThreshold: THRESHOLD,
    cross: false,
    chart: { kind: 'hbars', columns: ['arrived', 'in_progress', 'not_reached', 'refused', 'other'] },
  });
  help.columns.push({ key: 'arrivedPct', label: COLUMN_LABELS.arrivedPct, format: 'percent', num: (r) => ref('helpArrived', help.rows[r]!.key, 'arrived'), den: (r) => ref('helpArrived', help.rows[r]!.key, 'total') });
  specs.push(help);

  specs.push(labelled('debrief', 'outcomes', DEBRIEF_LABELS, cur.debrief, prev.debrief, { keys: ['yes', 'no'], totalLink: 'calls', chart: null }));
  // Calls without request: counted apart (their own total), never among the calls and requests above.
  specs.push(labelled('withoutRequest', 'callers', NO_REQUEST_LABELS, cur.withoutRequest, prev.withoutRequest, { totalLink: 'withoutRequest', chart: { kind: 'bars', columns: ['current', 'previous'] } }));
  return specs;
}
