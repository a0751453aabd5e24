import { profilesRepository } from '../profiles/profilesRepository.ts';
import type { Db } from '../store/openDatabase.ts';
import { bump, bumpBarometer, bumpPair, emptyFacts, NONE, type PeriodFacts } from './periodFacts.ts';
import { periodInstants } from '../domain/brusselsTime.ts';
import { type ServiceKind, serviceKind } from './serviceKinds.ts';

// The facts of one or more periods straight from the store, reading each table once. The store
// is encrypted: every page read is a page decrypted, so one pass per table matters more than
// anything else (a GROUP BY per table would read `calls` a dozen times).
//
// - When the periods hold most calls, it is a merge join: the calls from the covering index
//   calls_for_reports (migration 005) and the themes, interventions, referrals and callbacks,
//   all read whole in call-id order, are walked side by side, so no call is looked up.
// - When they hold few calls (a month in a store of years), the periods' calls are read by date
//   (calls_by_start) and their child rows fetched through them, counted against a map.
//
// Reads the call console's and the callbacks' tables (migrations 003, 004); writes nothing.
// Definitions (the same as factsFromCalls.ts, the reference the tests compare with): a call
// counts when it started in the period and is no longer in progress; a call without theme
// counts one request "not recorded"; a need is unmet when the answer is "partly" or
// "unresolved" or an unmet need is described; lengths are rounded to the second.

interface Period {
  from: string;
  to: string;
}

/** From this share of all calls on, the child tables are read whole (merge join). */
const WHOLE_FROM = 0.25;

// What the report reads of a call; in the merge join exactly the covering index's columns.
// The hour comes as a number (hours since 1970, UTC) and the length in whole seconds: counted in
// typed arrays and maps of numbers, turned into the facts' string keys once at the end.
const CALL_COLUMNS = `c.id, c.profile_id, CAST(strftime('%s', substr(c.started_at, 1, 13) || ':00:00') AS INTEGER) / 3600, (c.duration_ms + 500) / 1000, c.caller_type, c.language, c.interpreter, c.commune, c.caller_history, c.heard_from, c.resolution, (c.unmet_need IS NOT NULL), c.no_request, c.social_aid_contact, c.debrief`;

type CallRow = [string, string, number, number | null, string | null, string | null, number, string | null, string | null, string | null, string | null, number, string | null, string, number];
type BarrierRow = [string, string];
type ThemeRow = [string, string];
type InterventionRow = [string, string];
type ReferralRow = [string, string, string, number, string | null];
type CallbackRow = [string, string];

/** What the child rows of a call need to know of it. */
interface CallCtx {
  f: PeriodFacts;
  /** The call's hour, as an offset in the hour arrays. */
  hour: number;
  commune: string;
  unmet: boolean;
}

export interface CollectedPeriods {
  facts: PeriodFacts[];
  /** The partner centres whose responders' calls are in each period. */
  centres: string[][];
  /** The profiles whose calls are in each period. */
  profileIds: string[][];
}

/** The facts of periods that do not overlap, and the centres of each, in one read of each table. */
export function collectPeriods(db: Db, periods: readonly Period[]): CollectedPeriods {
  const facts = periods.map((p) => emptyFacts(p.from, p.to));
  const profiles = periods.map(() => new Set<string>());
  if (!periods.length) return { facts, centres: [], profileIds: [] };
  const bounds = periods.map((p) => periodInstants(p.from, p.to));
  const lo = bounds.reduce((a, b) => (b.startIso < a ? b.startIso : a), bounds[0]!.startIso);
  const hi = bounds.reduce((a, b) => (b.endIso > a ? b.endIso : a), bounds[0]!.endIso);
  // Periods begin and end at Brussels midnight, always a whole UTC hour: a call's UTC hour key
  // tells its period exactly.
  const hourOf = (iso: string) => Date.parse(iso) / 3_600_000;
  const h0 = hourOf(lo);
  const hours = hourOf(hi) - h0;
  // The period of every hour (-1: none); the periods may not overlap (each call counts once).
  const periodAt = new Int32Array(hours).fill(-1);
  bounds.forEach((b, i) => {
    for (let h = hourOf(b.startIso) - h0; h < hourOf(b.endIso) - h0; h++) {
      if (periodAt[h] !== -1) throw new Error('collectPeriods: overlapping periods');
      periodAt[h] = i;
    }
  });
  const periodOf = (hour: number): number => (hour >= h0 && hour < h0 + hours ? periodAt[hour - h0]! : -1);
  const hourlyCalls = new Int32Array(hours);
  const hourlyRequests = new Int32Array(hours);
  const durations = periods.map(() => new Map<number, number>());
  const range = { s: lo, e: hi };
  const rangeSql = `c.started_at >= @s AND c.started_at < @e AND c.status <> 'active'`;

  const kinds = new Map<string, { name: string; kind: ServiceKind }>();
  let firstTheme = new Map<string, string | null>();
  const kindOf = (serviceId: string, serviceName: string): ServiceKind => {
    const known = kinds.get(serviceId);
    if (known && known.name === serviceName) return known.kind;
    const kind = serviceKind(serviceId, serviceName, firstTheme.get(serviceId));
    if (!known) kinds.set(serviceId, { name: serviceName, kind });
    return kind;
  };

  /** Counts a call itself; returns what its child rows need, or null when outside the periods. */
  const addCall = (r: CallRow): CallCtx | null => {
    const p = periodOf(r[2]);
    if (p < 0) return null;
    const f = facts[p]!;
    // A call without request is counted apart, never as a call with requests (issue 16).
    if (r[12] !== null) {
      bump(f.withoutRequest, r[12]);
      return null;
    }
    profiles[p]!.add(r[1]);
    const commune = r[7] ?? 'unknown';
    const resolution = r[10];
    f.calls++;
    const hour = r[2] - h0;
    hourlyCalls[hour]!++;
    bump(f.communes, commune);
    bump(f.callerTypes, r[4] ?? NONE);
    bump(f.callerHistory, r[8] ?? NONE);
    bump(f.heardFrom, r[9] ?? NONE);
    bump(f.resolution, resolution ?? NONE);
    bumpPair(f.languages, r[5] ?? NONE, r[6] === 1);
    bump(f.socialAid, r[13]);
    bump(f.debrief, r[14] === 1 ? 'yes' : 'no');
    if (r[3] === null) bump(f.durations, NONE);
    else durations[p]!.set(r[3], (durations[p]!.get(r[3]) ?? 0) + 1);
    return { f, hour, commune, unmet: resolution === 'partly' || resolution === 'unresolved' || r[11] === 1 };
  };
  const addTheme = (c: CallCtx, theme: string) => {
    const f = c.f;
    f.requests++;
    hourlyRequests[c.hour]!++;
    bump(f.themes, theme);
    bump((f.communeTheme[c.commune] ??= {}), theme);
    if (c.unmet) bump(f.unmetByTheme, theme);
  };
  const addReferral = (c: CallCtx, r: ReferralRow) => {
    const kind = kindOf(r[1], r[2]);
    bumpPair(c.f.referralKinds, kind, r[3] === 1);
    bump(c.f.referralOutcomes, r[4] ?? NONE);
    bumpBarometer(c.f.barometerKinds, kind, r[3] === 1, r[4] === 'unreachable');
    bumpBarometer(c.f.barometerServices, r[1], r[3] === 1, r[4] === 'unreachable');
    c.f.serviceNames[r[1]] ??= r[2];
  };

  const run = db.transaction(() => {
    const total = (db.prepare('SELECT max(rowid) FROM calls').pluck().get() as number | null) ?? 0;
    // calls_by_start alone answers this (calls in progress are few: an estimate is enough).
    const inRange = db.prepare('SELECT count(*) FROM calls WHERE started_at >= @s AND started_at < @e').pluck().get(range) as number;
    if (inRange >= WHOLE_FROM * total) mergeJoin();
    else throughCalls();
  });

  function mergeJoin(): void {
    const calls = db.prepare(`SELECT ${CALL_COLUMNS} FROM calls c INDEXED BY calls_for_reports WHERE ${rangeSql} ORDER BY c.id`).raw().all(range) as CallRow[];
    const themes = db.prepare('SELECT call_id, theme_code FROM call_themes ORDER BY call_id').raw().all() as ThemeRow[];
    const interventions = db.prepare('SELECT call_id, mode FROM call_interventions ORDER BY call_id').raw().all() as InterventionRow[];
    // Referrals are read in table order (no lookup per row) and sorted here: cheaper than by key.
    const referrals = (db.prepare('SELECT call_id, service_id, service_name, contacted, outcome FROM call_referrals').raw().all() as ReferralRow[]).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const callbacks = db.prepare('SELECT call_id, status FROM callbacks WHERE call_id IS NOT NULL ORDER BY call_id').raw().all() as CallbackRow[];
    const barriers = db.prepare('SELECT call_id, barrier FROM call_barriers ORDER BY call_id').raw().all() as BarrierRow[];
    firstTheme = directoryFirstThemes(db);
    let x = 0;
    let t = 0;
    let i = 0;
    let r = 0;
    let b = 0;
    // Ids are lower-case ASCII: JavaScript's string order is SQLite's BINARY order.
    for (const row of calls) {
      const id = row[0];
      const c = addCall(row);
      while (t < themes.length && themes[t]![0] < id) t++;
      while (i < interventions.length && interventions[i]![0] < id) i++;
      while (r < referrals.length && referrals[r]![0] < id) r++;
      while (b < callbacks.length && callbacks[b]![0] < id) b++;
      while (x < barriers.length && barriers[x]![0] < id) x++;
      if (!c) continue;
      const x0 = x;
      for (; x < barriers.length && barriers[x]![0] === id; x++) bump(c.f.barriers, barriers[x]![1]);
      if (x === x0) bump(c.f.barriers, NONE);
      const t0 = t;
      for (; t < themes.length && themes[t]![0] === id; t++) addTheme(c, themes[t]![1]);
      if (t === t0) addTheme(c, NONE);
      const i0 = i;
      for (; i < interventions.length && interventions[i]![0] === id; i++) bump(c.f.interventions, interventions[i]![1]);
      if (i === i0) bump(c.f.interventions, NONE);
      for (; r < referrals.length && referrals[r]![0] === id; r++) addReferral(c, referrals[r]!);
      const b0 = b;
      for (; b < callbacks.length && callbacks[b]![0] === id; b++) bump(c.f.callbacks, callbacks[b]![1]);
      if (b > b0) c.f.callsWithCallback++;
    }
  }

  function throughCalls(): void {
    const calls = new Map<string, CallCtx & { theme: boolean; intervention: boolean; callback: boolean; barrier: boolean }>();
    for (const row of db.prepare(`SELECT ${CALL_COLUMNS} FROM calls c WHERE ${rangeSql}`).raw().all(range) as CallRow[]) {
      const c = addCall(row);
      if (c) calls.set(row[0], { ...c, theme: false, intervention: false, callback: false, barrier: false });
    }
    const child = <T>(table: string, columns: string): T[] =>
      db.prepare(`SELECT x.call_id, ${columns.split(', ').map((col) => `x.${col}`).join(', ')} FROM calls c JOIN ${table} x ON x.call_id = c.id WHERE ${rangeSql}`).raw().all(range) as T[];
    for (const [id, theme] of child<ThemeRow>('call_themes', 'theme_code')) {
      const c = calls.get(id);
      if (!c) continue;
      c.theme = true;
      addTheme(c, theme);
    }
    for (const [id, mode] of child<InterventionRow>('call_interventions', 'mode')) {
      const c = calls.get(id);
      if (!c) continue;
      c.intervention = true;
      bump(c.f.interventions, mode);
    }
    const referrals = child<ReferralRow>('call_referrals', 'service_id, service_name, contacted, outcome');
    firstTheme = directoryFirstThemes(db, new Set(referrals.map((x) => x[1])));
    for (const row of referrals) {
      const c = calls.get(row[0]);
      if (c) addReferral(c, row);
    }
    for (const [id, status] of child<CallbackRow>('callbacks', 'status')) {
      const c = calls.get(id);
      if (!c) continue;
      bump(c.f.callbacks, status);
      if (!c.callback) {
        c.callback = true;
        c.f.callsWithCallback++;
      }
    }
    for (const [id, barrier] of child<BarrierRow>('call_barriers', 'barrier')) {
      const c = calls.get(id);
      if (!c) continue;
      c.barrier = true;
      bump(c.f.barriers, barrier);
    }
    for (const c of calls.values()) {
      if (!c.barrier) bump(c.f.barriers, NONE);
      if (!c.theme) addTheme(c, NONE);
      if (!c.intervention) bump(c.f.interventions, NONE);
    }
  }

  // One read transaction: a call saved meanwhile cannot be counted in one table and not another.
  run.deferred();
  for (let h = 0; h < hours; h++) {
    const calls = hourlyCalls[h]!;
    const requests = hourlyRequests[h]!;
    if (!calls && !requests) continue;
    const f = facts[periodAt[h]!]!;
    const key = new Date((h0 + h) * 3_600_000).toISOString().slice(0, 13);
    if (calls) f.hourlyCalls[key] = calls;
    if (requests) f.hourlyRequests[key] = requests;
  }
  facts.forEach((f, p) => {
    for (const [secs, n] of durations[p]!) f.durations[String(secs)] = n;
  });
  const profileIds = profiles.map((ids) => [...ids]);
  return { facts, centres: centresOf(db, profileIds), profileIds };
}

/** The centres of each list of profiles, sorted. */
export function centresOf(db: Db, profileIds: readonly (readonly string[])[]): string[][] {
  const centreOf = profilesRepository(db).centres();
  return profileIds.map((ids) => [...new Set(ids.map((id) => centreOf.get(id) ?? '?'))].sort((a, b) => a.localeCompare(b)));
}

export function collectFacts(db: Db, from: string, to: string): PeriodFacts {
  return collectPeriods(db, [{ from, to }]).facts[0]!;
}

/** The first theme of directory services (all, or the given ids): the fallback of a referral's kind. */
function directoryFirstThemes(db: Db, ids?: ReadonlySet<string>): Map<string, string | null> {
  const rows = ids
    ? (db.prepare(`SELECT id, json_extract(themes, '$[0]') FROM services WHERE id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify([...ids])) as Array<[string, string | null]>)
    : (db.prepare(`SELECT id, json_extract(themes, '$[0]') FROM services`).raw().all() as Array<[string, string | null]>);
  return new Map(rows);
}

/** The partner centres whose responders' calls are in the period. */
export function periodCentres(db: Db, from: string, to: string): string[] {
  return collectPeriods(db, [{ from, to }]).centres[0]!;
}
