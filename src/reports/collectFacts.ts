import type { Db } from '../store/openDatabase.ts';
import { bump, bumpPair, emptyFacts, NONE, type PeriodFacts } from './periodFacts.ts';
import { periodInstants } from './periodTime.ts';
import { serviceKind } from './serviceKinds.ts';

// The facts of a period straight from the store: a dozen GROUP BY queries over the calls of
// the period (the calls_by_start index), each returning a few hundred groups at most, instead
// of reading 100,000 records into JavaScript. Reads the call console's and the callbacks'
// tables (migrations 003 and 004); writes nothing.
//
// Definitions (the same as factsFromCalls.ts, the reference the tests compare with): a call
// counts when it started in the period and is no longer in progress; a call without theme
// counts one request "not recorded"; a need is unmet when the answer is "partly" or
// "unresolved" or an unmet need is described; lengths are rounded to the second.

const RANGE = `c.started_at >= @s AND c.started_at < @e AND c.status <> 'active'`;
const UNMET = `(c.resolution IN ('partly', 'unresolved') OR c.unmet_need IS NOT NULL)`;
const NO_THEME = `NOT EXISTS (SELECT 1 FROM call_themes t WHERE t.call_id = c.id)`;

type Row = unknown[];

function all(db: Db, sql: string, p: { s: string; e: string }): Row[] {
  return db.prepare(sql).raw().all(p) as Row[];
}

export function collectFacts(db: Db, from: string, to: string): PeriodFacts {
  const f = emptyFacts(from, to);
  const { startIso, endIso } = periodInstants(from, to);
  const p = { s: startIso, e: endIso };
  const read = db.transaction(() => {
    for (const [hour, n] of all(db, `SELECT substr(c.started_at, 1, 13), count(*) FROM calls c WHERE ${RANGE} GROUP BY 1`, p)) {
      f.hourlyCalls[hour as string] = n as number;
      f.calls += n as number;
    }
    for (const [hour, n] of all(db, `SELECT substr(c.started_at, 1, 13), count(*) FROM call_themes t JOIN calls c ON c.id = t.call_id WHERE ${RANGE} GROUP BY 1`, p)) {
      bump(f.hourlyRequests, hour as string, n as number);
    }
    for (const [theme, commune, unmet, n] of all(
      db,
      `SELECT t.theme_code, coalesce(c.commune, 'unknown'), ${UNMET}, count(*) FROM call_themes t JOIN calls c ON c.id = t.call_id WHERE ${RANGE} GROUP BY 1, 2, 3`,
      p,
    )) {
      bump(f.themes, theme as string, n as number);
      bump((f.communeTheme[commune as string] ??= {}), theme as string, n as number);
      if (unmet) bump(f.unmetByTheme, theme as string, n as number);
    }
    for (const [hour, commune, unmet, n] of all(db, `SELECT substr(c.started_at, 1, 13), coalesce(c.commune, 'unknown'), ${UNMET}, count(*) FROM calls c WHERE ${RANGE} AND ${NO_THEME} GROUP BY 1, 2, 3`, p)) {
      bump(f.hourlyRequests, hour as string, n as number);
      bump(f.themes, NONE, n as number);
      bump((f.communeTheme[commune as string] ??= {}), NONE, n as number);
      if (unmet) bump(f.unmetByTheme, NONE, n as number);
    }
    f.requests = Object.values(f.themes).reduce((a, b) => a + b, 0);

    for (const [callerType, language, interpreter, commune, history, heard, resolution, n] of all(
      db,
      `SELECT coalesce(c.caller_type, '${NONE}'), coalesce(c.language, '${NONE}'), c.interpreter, coalesce(c.commune, 'unknown'),
              coalesce(c.caller_history, '${NONE}'), coalesce(c.heard_from, '${NONE}'), coalesce(c.resolution, '${NONE}'), count(*)
       FROM calls c WHERE ${RANGE} GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      p,
    )) {
      const k = n as number;
      bump(f.callerTypes, callerType as string, k);
      bumpPair(f.languages, language as string, interpreter === 1, k);
      bump(f.communes, commune as string, k);
      bump(f.callerHistory, history as string, k);
      bump(f.heardFrom, heard as string, k);
      bump(f.resolution, resolution as string, k);
    }
    for (const [secs, n] of all(db, `SELECT CASE WHEN c.duration_ms IS NULL THEN '${NONE}' ELSE CAST((c.duration_ms + 500) / 1000 AS TEXT) END, count(*) FROM calls c WHERE ${RANGE} GROUP BY 1`, p)) {
      f.durations[secs as string] = n as number;
    }

    for (const [mode, n] of all(db, `SELECT i.mode, count(*) FROM call_interventions i JOIN calls c ON c.id = i.call_id WHERE ${RANGE} GROUP BY 1`, p)) {
      f.interventions[mode as string] = n as number;
    }
    const noIntervention = db.prepare(`SELECT count(*) FROM calls c WHERE ${RANGE} AND NOT EXISTS (SELECT 1 FROM call_interventions i WHERE i.call_id = c.id)`).pluck().get(p) as number;
    if (noIntervention) f.interventions[NONE] = noIntervention;

    const referrals = all(db, `SELECT r.service_id, r.service_name, r.contacted, r.outcome, count(*) FROM call_referrals r JOIN calls c ON c.id = r.call_id WHERE ${RANGE} GROUP BY 1, 2, 3, 4`, p);
    const firstTheme = directoryFirstThemes(db, new Set(referrals.map((r) => r[0] as string)));
    for (const [id, name, contacted, outcome, n] of referrals) {
      bumpPair(f.referralKinds, serviceKind(id as string, name as string, firstTheme.get(id as string)), contacted === 1, n as number);
      bump(f.referralOutcomes, (outcome as string | null) ?? NONE, n as number);
    }

    for (const [status, n] of all(db, `SELECT cb.status, count(*) FROM callbacks cb JOIN calls c ON c.id = cb.call_id WHERE ${RANGE} GROUP BY 1`, p)) {
      f.callbacks[status as string] = n as number;
    }
    f.callsWithCallback = db.prepare(`SELECT count(DISTINCT cb.call_id) FROM callbacks cb JOIN calls c ON c.id = cb.call_id WHERE ${RANGE}`).pluck().get(p) as number;
  });
  // One read transaction: a call saved meanwhile cannot be counted in one table and not another.
  read.deferred();
  return f;
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
  const { startIso, endIso } = periodInstants(from, to);
  return db
    .prepare(`SELECT DISTINCT p.centre FROM calls c JOIN profiles p ON p.id = c.profile_id WHERE ${RANGE} ORDER BY 1`)
    .pluck()
    .all({ s: startIso, e: endIso }) as string[];
}
