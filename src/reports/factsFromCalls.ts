import { bump, bumpBarometer, bumpPair, emptyFacts, NONE, type PeriodFacts } from './periodFacts.ts';
import { periodInstants } from '../domain/brusselsTime.ts';

// The facts of a period computed call by call from plain records: the reference the SQL
// aggregation (collectFacts.ts) is tested against, and the naive baseline of the benchmark.

export interface ReportCall {
  startedAt: string;
  status: 'active' | 'ended' | 'closed';
  durationMs: number | null;
  callerType: string | null;
  language: string | null;
  interpreter: boolean;
  commune: string | null;
  callerHistory: string | null;
  heardFrom: string | null;
  resolution: string | null;
  unmetNeed: string | null;
  themes: readonly string[];
  interventions: readonly string[];
  /** `serviceName` where known (the hub's call facts carry ids only: the barometer then shows the id). */
  referrals: ReadonlyArray<{ serviceId: string; serviceName?: string; kind: string; contacted: boolean; outcome: string | null }>;
  /** Statuses of the call's callbacks. */
  callbacks: readonly string[];
  /** Set when the call carried no request: counted apart, in `withoutRequest` only. */
  noRequest?: string | null;
  socialAidContact?: string;
  barriers?: readonly string[];
  debrief?: boolean;
}

/** True when a call's need was not (fully) met: the answer says so, or an unmet need is described. */
export function isUnmet(resolution: string | null, unmetNeed: string | null): boolean {
  return resolution === 'partly' || resolution === 'unresolved' || (unmetNeed !== null && unmetNeed.trim() !== '');
}

export function factsFromCalls(calls: Iterable<ReportCall>, from: string, to: string): PeriodFacts {
  const f = emptyFacts(from, to);
  const { startIso, endIso } = periodInstants(from, to);
  for (const c of calls) {
    if (c.status === 'active' || c.startedAt < startIso || c.startedAt >= endIso) continue;
    if (c.noRequest) {
      bump(f.withoutRequest, c.noRequest);
      continue;
    }
    const hour = c.startedAt.slice(0, 13);
    const themes = c.themes.length ? c.themes : [NONE];
    const commune = c.commune ?? 'unknown';
    const unmet = isUnmet(c.resolution, c.unmetNeed);
    f.calls++;
    f.requests += themes.length;
    bump(f.hourlyCalls, hour);
    bump(f.hourlyRequests, hour, themes.length);
    const ct = (f.communeTheme[commune] ??= {});
    for (const t of themes) {
      bump(f.themes, t);
      bump(ct, t);
      if (unmet) bump(f.unmetByTheme, t);
    }
    if (c.interventions.length) for (const m of c.interventions) bump(f.interventions, m);
    else bump(f.interventions, NONE);
    for (const r of c.referrals) {
      bumpPair(f.referralKinds, r.kind, r.contacted);
      bump(f.referralOutcomes, r.outcome ?? NONE);
      bumpBarometer(f.barometerKinds, r.kind, r.contacted, r.outcome === 'unreachable');
      bumpBarometer(f.barometerServices, r.serviceId, r.contacted, r.outcome === 'unreachable');
      if (r.serviceName) f.serviceNames[r.serviceId] ??= r.serviceName;
    }
    bump(f.communes, commune);
    bump(f.callerTypes, c.callerType ?? NONE);
    bump(f.callerHistory, c.callerHistory ?? NONE);
    bump(f.heardFrom, c.heardFrom ?? NONE);
    bump(f.resolution, c.resolution ?? NONE);
    bumpPair(f.languages, c.language ?? NONE, c.interpreter);
    bump(f.durations, c.durationMs === null ? NONE : String(Math.round(c.durationMs / 1000)));
    bump(f.socialAid, c.socialAidContact ?? 'unknown');
    if (c.barriers?.length) for (const b of c.barriers) bump(f.barriers, b);
    else bump(f.barriers, NONE);
    bump(f.debrief, c.debrief ? 'yes' : 'no');
    for (const s of c.callbacks) bump(f.callbacks, s);
    if (c.callbacks.length) f.callsWithCallback++;
  }
  return f;
}
