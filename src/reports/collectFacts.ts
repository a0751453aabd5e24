import type { Db } from '../store/openDatabase.ts';
import { bump, bumpPair, emptyFacts, NONE, type PeriodFacts } from './periodFacts.ts';
import { periodInstants } from './periodTime.ts';
import { type ServiceKind, serviceKind } from './serviceKinds.ts';

// The facts of one or more periods straight from the store, in one pass over each table: the
// calls of the periods (one range scan of the covering index calls_for_reports, migration 005),
// then their themes, interventions, referrals and callbacks — read whole when the periods hold
// most calls, through the calls when they hold few — counted in JavaScript against a map of the
// periods' calls. The store is encrypted: every page read is a page decrypted, so reading each
// table once matters more than anything else (a GROUP BY per table would read `calls` a dozen
// times). Reads the call console's and the callbacks' tables (migrations 003, 004); writes nothing.
//
// Definitions (the same as factsFromCalls.ts, the reference the tests compare with): a call
// counts when it started in the period and is no longer in progress; a call without theme
// counts one request "not recorded"; a need is unmet when the answer is "partly" or
// "unresolved" or an unmet need is described; lengths are rounded to the second.

interface Period {
  from: string;
  to: string;
}

/** Below this share of all calls, child rows are fetched through the periods' calls, not read whole. */
const JOIN_BELOW = 0.25;

// Exactly the columns (and the expression) of the covering index calls_for_reports.
const CALL_COLUMNS = `c.id, c.profile_id, substr(c.started_at, 1, 13), c.duration_ms, c.caller_type, c.language, c.interpreter, c.commune, c.caller_history, c.heard_from, c.resolution, (c.unmet_need IS NOT NULL)`;

type CallRow = [string, string, string, number | null, string | null, string | null, number, string | null, string | null, string | null, string | null, number];

interface CallInfo {
  period: number;
  hour: string;
  commune: string;
  unmet: boolean;
  hasTheme: boolean;
  hasIntervention: boolean;
}

export interface CollectedPeriods {
  facts: PeriodFacts[];
  /** The partner centres whose responders' calls are in each period. */
  centres: string[][];
}

export function collectPeriods(db: Db, periods: readonly Period[]): CollectedPeriods {
  const facts = periods.map((p) => emptyFacts(p.from, p.to));
  const profiles = periods.map(() => new Set<string>());
  if (!periods.length) return { facts, centres: [] };
  const bounds = periods.map((p) => periodInstants(p.from, p.to));
  const lo = bounds.reduce((a, b) => (b.startIso < a ? b.startIso : a), bounds[0]!.startIso);
  const hi = bounds.reduce((a, b) => (b.endIso > a ? b.endIso : a), bounds[0]!.endIso);
  // Periods begin and end at Brussels midnight, always a whole UTC hour: a call's UTC hour key
  // tells its period exactly.
  const hourBounds = bounds.map((b) => ({ start: b.startIso.slice(0, 13), end: b.endIso.slice(0, 13) }));
  const periodOf = (hour: string): number => hourBounds.findIndex((b) => hour >= b.start && hour < b.end);
  const range = { s: lo, e: hi };
  const rangeSql = `c.started_at >= @s AND c.started_at < @e AND c.status <> 'active'`;

  const run = db.transaction(() => {
    const calls = new Map<string, CallInfo>();
    const rows = db.prepare(`SELECT ${CALL_COLUMNS} FROM calls c WHERE ${rangeSql}`).raw().all(range) as CallRow[];
    for (const [id, profileId, hour, durationMs, callerType, language, interpreter, commune, history, heard, resolution, unmetText] of rows) {
      const p = periodOf(hour);
      if (p < 0) continue;
      const f = facts[p]!;
      profiles[p]!.add(profileId);
      const c = commune ?? 'unknown';
      const unmet = resolution === 'partly' || resolution === 'unresolved' || unmetText === 1;
      calls.set(id, { period: p, hour, commune: c, unmet, hasTheme: false, hasIntervention: false });
      f.calls++;
      bump(f.hourlyCalls, hour);
      bump(f.communes, c);
      bump(f.callerTypes, callerType ?? NONE);
      bump(f.callerHistory, history ?? NONE);
      bump(f.heardFrom, heard ?? NONE);
      bump(f.resolution, resolution ?? NONE);
      bumpPair(f.languages, language ?? NONE, interpreter === 1);
      bump(f.durations, durationMs === null ? NONE : String(Math.floor((durationMs + 500) / 1000)));
    }

    // Child rows: the whole table when the periods hold most calls, else through their calls.
    const total = (db.prepare('SELECT max(rowid) FROM calls').pluck().get() as number | null) ?? 0;
    const whole = calls.size >= JOIN_BELOW * total;
    const child = (table: string, columns: string) =>
      (whole
        ? db.prepare(`SELECT call_id, ${columns} FROM ${table}`).raw().all()
        : db.prepare(`SELECT x.call_id, ${columns.split(', ').map((col) => `x.${col}`).join(', ')} FROM calls c JOIN ${table} x ON x.call_id = c.id WHERE ${rangeSql}`).raw().all(range)) as unknown[][];

    for (const [id, theme] of child('call_themes', 'theme_code') as Array<[string, string]>) {
      const c = calls.get(id);
      if (!c) continue;
      const f = facts[c.period]!;
      c.hasTheme = true;
      f.requests++;
      bump(f.hourlyRequests, c.hour);
      bump(f.themes, theme);
      bump((f.communeTheme[c.commune] ??= {}), theme);
      if (c.unmet) bump(f.unmetByTheme, theme);
    }
    for (const [id, mode] of child('call_interventions', 'mode') as Array<[string, string]>) {
      const c = calls.get(id);
      if (!c) continue;
      c.hasIntervention = true;
      bump(facts[c.period]!.interventions, mode);
    }
    const kinds = new Map<string, ServiceKind>();
    const referrals = child('call_referrals', 'service_id, service_name, contacted, outcome') as Array<[string, string, string, number, string | null]>;
    const firstTheme = directoryFirstThemes(db, new Set(referrals.filter((r) => calls.has(r[0])).map((r) => r[1])));
    for (const [id, serviceId, serviceName, contacted, outcome] of referrals) {
      const c = calls.get(id);
      if (!c) continue;
      const key = `${serviceId}\u0000${serviceName}`;
      let kind = kinds.get(key);
      if (!kind) kinds.set(key, (kind = serviceKind(serviceId, serviceName, firstTheme.get(serviceId))));
      const f = facts[c.period]!;
      bumpPair(f.referralKinds, kind, contacted === 1);
      bump(f.referralOutcomes, outcome ?? NONE);
    }
    const withCallback = new Set<string>();
    for (const [id, status] of child('callbacks', 'status') as Array<[string, string]>) {
      const c = calls.get(id);
      if (!c) continue;
      const f = facts[c.period]!;
      bump(f.callbacks, status);
      if (!withCallback.has(id)) {
        withCallback.add(id);
        f.callsWithCallback++;
      }
    }
    for (const c of calls.values()) {
      const f = facts[c.period]!;
      if (!c.hasTheme) {
        f.requests++;
        bump(f.hourlyRequests, c.hour);
        bump(f.themes, NONE);
        bump((f.communeTheme[c.commune] ??= {}), NONE);
        if (c.unmet) bump(f.unmetByTheme, NONE);
      }
      if (!c.hasIntervention) bump(f.interventions, NONE);
    }
  });
  // One read transaction: a call saved meanwhile cannot be counted in one table and not another.
  run.deferred();
  const centreOf = new Map(db.prepare('SELECT id, centre FROM profiles').raw().all() as Array<[string, string]>);
  const centres = profiles.map((ids) => [...new Set([...ids].map((id) => centreOf.get(id) ?? '?'))].sort((a, b) => a.localeCompare(b)));
  return { facts, centres };
}

export function collectFacts(db: Db, from: string, to: string): PeriodFacts {
  return collectPeriods(db, [{ from, to }]).facts[0]!;
}

function directoryFirstThemes(db: Db, ids: ReadonlySet<string>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (!ids.size) return out;
  const rows = db.prepare(`SELECT id, json_extract(themes, '$[0]') FROM services WHERE id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify([...ids])) as Array<[string, string | null]>;
  for (const [id, theme] of rows) out.set(id, theme);
  return out;
}

/** The partner centres whose responders' calls are in the period. */
export function periodCentres(db: Db, from: string, to: string): string[] {
  return collectPeriods(db, [{ from, to }]).centres[0]!;
}
