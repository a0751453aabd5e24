// The facts of one period: every count a report is built from, unsuppressed, in a form that
// adds up. Two centres' facts for the same period merge by summing them key by key, which is
// why time is kept as calls per UTC hour (Brussels days, weeks, months and the weekday × hour
// grid all derive from it exactly: Brussels changes its offset on a whole UTC hour) and call
// lengths as a histogram in seconds (medians and quartiles of a union need the distribution).
//
// Category keys are the stored codes; `_none` is "not recorded" (e.g. a call without theme).

export const NONE = '_none';

export type Counts = Record<string, number>;
/** Counts split in two: [with, without] (interpreter used, service contacted on the caller's behalf). */
export type PairCounts = Record<string, [number, number]>;

export interface PeriodFacts {
  /** First and last Brussels day of the period, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Calls ended or closed that started in the period (calls in progress are not counted). */
  calls: number;
  /** Requests: one per theme of a call; a call without theme counts one request "not recorded". */
  requests: number;
  /** Calls and requests per UTC hour `YYYY-MM-DDTHH`. */
  hourlyCalls: Counts;
  hourlyRequests: Counts;
  /** Calls per theme (= requests per theme). */
  themes: Counts;
  /** Calls per theme whose need was not (fully) met. */
  unmetByTheme: Counts;
  /** Requests per commune and theme: commune → theme → count. */
  communeTheme: Record<string, Counts>;
  /** Calls per intervention mode (several per call); `_none`: calls without any. */
  interventions: Counts;
  /** Referrals per kind of service: [contacted on the caller's behalf, contact given only]. */
  referralKinds: PairCounts;
  referralOutcomes: Counts;
  communes: Counts;
  callerTypes: Counts;
  callerHistory: Counts;
  heardFrom: Counts;
  resolution: Counts;
  /** Calls per language: [with interpreter, without]. */
  languages: PairCounts;
  /** Calls per talk time in whole seconds; `_none` when the length is unknown. */
  durations: Counts;
  /** Callbacks of the period's calls by status. */
  callbacks: Counts;
  /**
   * Follow-ups of reached callbacks (issue 15), per referral of the period's calls: `<kind of
   * service>:<did help arrive>` → count. Read at report time (reports/followUpFacts.ts), not cached
   * per day: a follow-up comes days after its call.
   */
  helpByKind: Counts;
  /**
   * The same follow-ups, per referred service (directory id): how many said help arrived — the
   * barometer's "help arrived" per named service. Read at report time like `helpByKind`.
   */
  helpArrivedByService: Counts;
  callsWithCallback: number;
  /** Calls that carried no request, by kind (silent, wrong_number, out_of_scope, test): counted apart, never as calls or requests. */
  withoutRequest: Counts;
  /** Calls by contact with social aid before the call (never, past, current, unknown). */
  socialAid: Counts;
  /** Calls per non-take-up barrier (several per call); `_none`: calls without any. */
  barriers: Counts;
  /** Calls flagged to debrief: `yes` / `no`. */
  debrief: Counts;
  /**
   * The barometer (issue 17): per kind of service and per named service (directory id), the
   * referrals, those contacted on the caller's behalf, and those whose outcome was
   * "unreachable" — [referrals, contacted, unreachable].
   */
  barometerKinds: BarometerCounts;
  barometerServices: BarometerCounts;
  /** The name a referral recorded for each service id of `barometerServices` (a regional merge keeps the first). */
  serviceNames: Record<string, string>;
}

export type BarometerCounts = Record<string, [number, number, number]>;

export function bumpBarometer(counts: BarometerCounts, key: string, contacted: boolean, unreachable: boolean): void {
  const c = counts[key] ?? (counts[key] = [0, 0, 0]);
  c[0] += 1;
  if (contacted) c[1] += 1;
  if (unreachable) c[2] += 1;
}

export function emptyFacts(from: string, to: string): PeriodFacts {
  return {
    from,
    to,
    calls: 0,
    requests: 0,
    hourlyCalls: {},
    hourlyRequests: {},
    themes: {},
    unmetByTheme: {},
    communeTheme: {},
    interventions: {},
    referralKinds: {},
    referralOutcomes: {},
    communes: {},
    callerTypes: {},
    callerHistory: {},
    heardFrom: {},
    resolution: {},
    languages: {},
    durations: {},
    callbacks: {},
    helpByKind: {},
    helpArrivedByService: {},
    callsWithCallback: 0,
    withoutRequest: {},
    socialAid: {},
    barriers: {},
    debrief: {},
    barometerKinds: {},
    barometerServices: {},
    serviceNames: {},
  };
}

export function bump(counts: Counts, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

export function bumpPair(counts: PairCounts, key: string, first: boolean, by = 1): void {
  const pair = counts[key] ?? (counts[key] = [0, 0]);
  pair[first ? 0 : 1] += by;
}

function addCounts(into: Counts, from: Counts): void {
  for (const [k, v] of Object.entries(from)) bump(into, k, v);
}

function addPairs(into: PairCounts, from: PairCounts): void {
  for (const [k, [a, b]] of Object.entries(from)) {
    bumpPair(into, k, true, a);
    bumpPair(into, k, false, b);
  }
}

const COUNT_FIELDS = [
  'hourlyCalls',
  'hourlyRequests',
  'themes',
  'unmetByTheme',
  'interventions',
  'referralOutcomes',
  'communes',
  'callerTypes',
  'callerHistory',
  'heardFrom',
  'resolution',
  'durations',
  'callbacks',
  'helpByKind',
  'withoutRequest',
  'socialAid',
  'barriers',
  'debrief',
] as const satisfies ReadonlyArray<keyof PeriodFacts>;
const PAIR_FIELDS = ['referralKinds', 'languages'] as const satisfies ReadonlyArray<keyof PeriodFacts>;

/** Sum of facts over the same period (a regional merge). */
export function addFacts(into: PeriodFacts, from: PeriodFacts): PeriodFacts {
  into.calls += from.calls;
  into.requests += from.requests;
  into.callsWithCallback += from.callsWithCallback;
  for (const f of COUNT_FIELDS) addCounts(into[f], from[f]);
  for (const f of PAIR_FIELDS) addPairs(into[f], from[f]);
  for (const [commune, themes] of Object.entries(from.communeTheme)) addCounts((into.communeTheme[commune] ??= {}), themes);
  // Facts cached or exported before the barometer have none of it.
  for (const f of ['barometerKinds', 'barometerServices'] as const) {
    const target = (into[f] ??= {});
    for (const [k, [a, b, c]] of Object.entries(from[f] ?? {})) {
      const t = target[k] ?? (target[k] = [0, 0, 0]);
      t[0] += a;
      t[1] += b;
      t[2] += c;
    }
  }
  into.serviceNames ??= {};
  for (const [id, name] of Object.entries(from.serviceNames ?? {})) into.serviceNames[id] ??= name;
  // Day facts cached before it have none (it is added at report time anyway).
  addCounts((into.helpArrivedByService ??= {}), from.helpArrivedByService ?? {});
  return into;
}

/** Renames theme codes (a taxonomy mapping); codes mapped onto the same target add up. */
export function mapThemes(facts: PeriodFacts, mapping: Readonly<Record<string, string>>): PeriodFacts {
  const rename = (counts: Counts): Counts => {
    const out: Counts = {};
    for (const [k, v] of Object.entries(counts)) bump(out, mapping[k] ?? k, v);
    return out;
  };
  const communeTheme: Record<string, Counts> = {};
  for (const [c, themes] of Object.entries(facts.communeTheme)) communeTheme[c] = rename(themes);
  return { ...facts, themes: rename(facts.themes), unmetByTheme: rename(facts.unmetByTheme), communeTheme };
}

/** Keys in a canonical order, zero entries dropped: two facts compare equal with deepEqual. */
export function canonicalFacts(f: PeriodFacts): PeriodFacts {
  const clean = (c: Counts): Counts => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const cleanPairs = (c: PairCounts): PairCounts =>
    Object.fromEntries(Object.entries(c).filter(([, [a, b]]) => a !== 0 || b !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as PairCounts;
  const out = { ...f } as PeriodFacts;
  for (const k of COUNT_FIELDS) out[k] = clean(f[k]);
  for (const k of PAIR_FIELDS) out[k] = cleanPairs(f[k]);
  const cleanBarometer = (c: BarometerCounts | undefined): BarometerCounts =>
    Object.fromEntries(Object.entries(c ?? {}).filter(([, v]) => v[0] !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as BarometerCounts;
  out.barometerKinds = cleanBarometer(f.barometerKinds);
  out.barometerServices = cleanBarometer(f.barometerServices);
  out.helpArrivedByService = clean(f.helpArrivedByService ?? {});
  out.serviceNames = Object.fromEntries(Object.entries(f.serviceNames ?? {}).filter(([id]) => Object.hasOwn(out.barometerServices, id)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  out.communeTheme = Object.fromEntries(
    Object.entries(f.communeTheme)
      .map(([c, t]) => [c, clean(t)] as const)
      .filter(([, t]) => Object.keys(t).length > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return out;
}

export function sumCounts(c: Counts): number {
  let s = 0;
  for (const v of Object.values(c)) s += v;
  return s;
}
