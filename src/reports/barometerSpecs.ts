import { COLUMN_LABELS, OTHER_SERVICES_LABEL, SERVICE_KIND_LABELS, TOTAL_LABEL, UNKNOWN_SERVICE_LABEL, type Label } from '../domain/reportLabels.ts';
import { type BarometerCounts, NONE, type PeriodFacts } from './periodFacts.ts';
import { SERVICE_KINDS } from './serviceKinds.ts';
import type { CellRef, CountColumn, DerivedColumn, SpecRow, TableSpec } from './reportSpecs.ts';

// The barometer (issue 17, point 6): for the period, per kind of service and per named
// service, how many referrals, how many contacted on the caller's behalf, how many ended
// "unreachable" — "CPAS de X: 14 orientations, 6 injoignables", the finding the line exists
// to surface. Directory services are organisations (never persons), so services are named by
// the name their referrals recorded.
//
// Disclosure: each count column adds up to its total row (a one-way block per column), and the
// copies of the same quantity in other tables are linked so they share one status: a kind's
// referrals = the "Referrals by kind" row total, its contacted count = that table's cell, the
// totals = `referrals`, the contacted total and the "unreachable" outcome row. The report's
// recoverability check then covers the barometer against every other published table.

/** At most this many services are named one by one (the rest add up in "Other services"). */
export const BAROMETER_NAMED_SERVICES = 30;
const OTHER = '_other';

const ref = (table: string, row: string, col: string): CellRef => ({ table, row, col });

/** Links shared with the referral tables of reportSpecs.ts. */
export const BAROMETER_LINKS = {
  kindReferrals: (kind: string) => `referralKind:${kind}`,
  kindContacted: (kind: string) => `referralKindContacted:${kind}`,
  outcome: (outcome: string) => `referralOutcome:${outcome}`,
  contactedTotal: 'referrals:contacted',
  helpArrived: (kind: string) => `helpArrived:${kind}`,
  helpArrivedTotal: 'helpArrived:total',
} as const;

function barometerTable(opts: {
  id: 'barometerKinds' | 'barometerServices';
  keys: string[];
  label: (key: string) => Label;
  counts: BarometerCounts;
  rowLinks: (key: string) => [string | null, string | null];
  /** "Help arrived" per row from the callback follow-ups (issue 15): they carry the referral's service id and kind. */
  helpArrived: (key: string) => number;
  /** The same "help arrived" count in the help-arrived table (per kind), else null. */
  helpRowLink: (key: string) => string | null;
  threshold: number;
}): TableSpec {
  const rows: SpecRow[] = [...opts.keys.map((k) => ({ key: k, label: opts.label(k) })), { key: 'total', label: TOTAL_LABEL, total: true }];
  const column = (i: 0 | 1 | 2): number[] => {
    const values = opts.keys.map((k) => opts.counts[k]?.[i] ?? 0);
    return [...values, values.reduce((a, b) => a + b, 0)];
  };
  const columns: Array<CountColumn | DerivedColumn> = [
    { key: 'referrals', label: COLUMN_LABELS.referrals, format: 'count', values: column(0), links: [...opts.keys.map((k) => opts.rowLinks(k)[0]), 'referrals'] },
    { key: 'contacted', label: COLUMN_LABELS.contacted, format: 'count', values: column(1), links: [...opts.keys.map((k) => opts.rowLinks(k)[1]), BAROMETER_LINKS.contactedTotal] },
    { key: 'unreachable', label: COLUMN_LABELS.unreachable, format: 'count', values: column(2), links: [...opts.keys.map(() => null), BAROMETER_LINKS.outcome('unreachable')] },
    { key: 'pctUnreachable', label: COLUMN_LABELS.pctUnreachable, format: 'percent', num: (r) => ref(opts.id, rows[r]!.key, 'unreachable'), den: (r) => ref(opts.id, rows[r]!.key, 'referrals') },
    {
      key: 'helpArrived',
      label: COLUMN_LABELS.helpArrivedFollowUp,
      format: 'count',
      values: [...opts.keys.map((k) => opts.helpArrived(k)), opts.keys.reduce((a, k) => a + opts.helpArrived(k), 0)],
      links: [...opts.keys.map((k) => opts.helpRowLink(k)), BAROMETER_LINKS.helpArrivedTotal],
    },
  ];
  const thresholds = rows.map(() => opts.threshold);
  return {
    id: opts.id,
    titleId: opts.id,
    section: 'interventions',
    internalOnly: false,
    rows,
    columns,
    blocks: (['referrals', 'contacted', 'unreachable', 'helpArrived'] as const).map((c) => ({ kind: 'oneWay' as const, column: c, thresholds })),
    rule: { threshold: opts.threshold, sensitiveThreshold: null, cross: false },
    chart: { kind: 'hbars', columns: ['referrals', 'unreachable'] },
  };
}

/** The two barometer tables of a period. `threshold`: the report's count threshold (named services of a public report have at least that many referrals). */
export function barometerSpecs(cur: PeriodFacts, kindKeys: readonly string[], threshold: number): TableSpec[] {
  const kindCounts = cur.barometerKinds ?? {};
  const kinds = kindKeys.filter((k) => kindCounts[k] !== undefined || (SERVICE_KINDS as readonly string[]).includes(k));
  const byKind = barometerTable({
    id: 'barometerKinds',
    keys: kinds,
    label: (k) => (SERVICE_KIND_LABELS as Readonly<Record<string, Label>>)[k] ?? { fr: k, nl: k, en: k },
    counts: kindCounts,
    rowLinks: (k) => [BAROMETER_LINKS.kindReferrals(k), BAROMETER_LINKS.kindContacted(k)],
    helpArrived: (k) => cur.helpByKind?.[`${k}:arrived`] ?? 0,
    helpRowLink: (k) => BAROMETER_LINKS.helpArrived(k),
    threshold,
  });

  const services = cur.barometerServices ?? {};
  const names = cur.serviceNames ?? {};
  // A referral always records its service's name on a workstation; the line's bilan names
  // services from the hub's directory, and one it does not hold says so with its id.
  const nameOf = (id: string): string => names[id] ?? id;
  const labelOf = (id: string): Label => (names[id] !== undefined ? { fr: names[id], nl: names[id], en: names[id] } : UNKNOWN_SERVICE_LABEL(id));
  const ids = Object.keys(services).filter((id) => id !== NONE && (services[id]?.[0] ?? 0) > 0);
  // The same rows in both flavours (the public report is checked cell by cell against the
  // internal one): services with enough referrals to be published, the busiest
  // BAROMETER_NAMED_SERVICES of them, alphabetically (an order by size would say something of
  // hidden cells); the rest add up in "Other services".
  const named = ids
    .filter((id) => services[id]![0] >= threshold)
    .sort((a, b) => services[b]![0] - services[a]![0] || (a < b ? -1 : 1))
    .slice(0, BAROMETER_NAMED_SERVICES)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'fr'));
  const shown = new Set(named);
  const counts: BarometerCounts = {};
  for (const id of named) counts[id] = services[id]!;
  const rest: [number, number, number] = [0, 0, 0];
  for (const id of ids) {
    if (shown.has(id)) continue;
    const c = services[id]!;
    rest[0] += c[0];
    rest[1] += c[1];
    rest[2] += c[2];
  }
  // "Help arrived" per service (follow-ups carry the referral's service id); the rest add up
  // in "Other services", so the column's total is every follow-up's, as in the kind table.
  const helpBy = cur.helpArrivedByService ?? {};
  const helpTotal = Object.values(helpBy).reduce((a, b) => a + b, 0);
  const helpRest = helpTotal - named.reduce((a, id) => a + (helpBy[id] ?? 0), 0);
  const keys = rest[0] > 0 || helpRest > 0 ? [...named, OTHER] : named;
  if (keys.includes(OTHER)) counts[OTHER] = rest;
  const byService = barometerTable({
    id: 'barometerServices',
    keys,
    label: (k) => (k === OTHER ? OTHER_SERVICES_LABEL : labelOf(k)),
    counts,
    rowLinks: () => [null, null],
    helpArrived: (k) => (k === OTHER ? helpRest : (helpBy[k] ?? 0)),
    helpRowLink: () => null,
    threshold,
  });
  return [byKind, byService];
}
