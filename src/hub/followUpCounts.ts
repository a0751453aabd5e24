import { HELP_OUTCOMES, type HelpOutcome } from '../domain/helpOutcomes.ts';
import type { HubContext } from './hubContext.ts';

// The line's "help arrived" counts (issue 15 point 5), for the hub's "Bilan de la ligne"
// (relais-hub report, issue 14): follow-ups recorded in [from, to) by any centre, counted per
// kind of service and per referred service, and per centre that recorded them. Structured
// codes only — the hub holds nothing else of a follow-up. Read from the shared callbacks'
// state (hub_items, kind 'callback'), so no copy to keep in step.

export type HelpCounts = Record<HelpOutcome, number> & { total: number };

export interface FollowUpCounts {
  from: string;
  to: string;
  /** Follow-ups recorded (one per reached callback). */
  followUps: number;
  newRequests: number;
  anotherCallback: number;
  /** Per referral followed up: did help arrive. `arrivedRate` = arrived / total (null when total is 0). */
  overall: HelpCounts & { arrivedRate: number | null };
  byKind: Array<{ kind: string } & HelpCounts & { arrivedRate: number | null }>;
  byService: Array<{ serviceId: string; kind: string } & HelpCounts & { arrivedRate: number | null }>;
  byCentre: Array<{ centre: string; followUps: number }>;
}

const empty = (): HelpCounts => ({ arrived: 0, in_progress: 0, not_reached: 0, refused: 0, other: 0, total: 0 });
const withRate = <T extends HelpCounts>(c: T): T & { arrivedRate: number | null } => ({ ...c, arrivedRate: c.total ? c.arrived / c.total : null });

const FOLLOW_UPS = `FROM hub_items i WHERE i.kind = 'callback' AND jsonb_typeof(i.payload -> 'followUp') = 'object'
  AND (i.payload -> 'followUp' ->> 'recordedAt')::timestamptz >= $1::timestamptz AND (i.payload -> 'followUp' ->> 'recordedAt')::timestamptz < $2::timestamptz`;

function bucket<V>(m: Map<string, V>, key: string, make: () => V): V {
  let v = m.get(key);
  if (!v) m.set(key, (v = make()));
  return v;
}

export async function followUpCounts(ctx: HubContext, range: { from: string; to: string }): Promise<FollowUpCounts> {
  const params = [range.from, range.to];
  const [totals] = await ctx.db.query<{ n: number; new_requests: number; another: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE (i.payload -> 'followUp' ->> 'newRequest')::boolean)::int AS new_requests,
       count(*) FILTER (WHERE (i.payload -> 'followUp' ->> 'anotherCallback')::boolean)::int AS another ${FOLLOW_UPS}`,
    params,
  );
  const rows = await ctx.db.query<{ service_id: string; kind: string; help: string; n: number }>(
    `SELECT r ->> 'serviceId' AS service_id, r ->> 'kind' AS kind, r ->> 'help' AS help, count(*)::int AS n
     FROM (SELECT jsonb_array_elements(i.payload -> 'followUp' -> 'referrals') AS r ${FOLLOW_UPS}) x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    params,
  );
  const centres = await ctx.db.query<{ centre: string; n: number }>(`SELECT i.payload -> 'followUp' ->> 'centre' AS centre, count(*)::int AS n ${FOLLOW_UPS} GROUP BY 1 ORDER BY 1`, params);
  const overall = empty();
  const kinds = new Map<string, HelpCounts>();
  const services = new Map<string, HelpCounts & { serviceId: string; kind: string }>();
  for (const r of rows) {
    const help = (HELP_OUTCOMES as readonly string[]).includes(r.help) ? (r.help as HelpOutcome) : 'other';
    for (const c of [overall, bucket(kinds, r.kind, empty), bucket(services, r.service_id, () => ({ ...empty(), serviceId: r.service_id, kind: r.kind }))]) {
      c[help] += r.n;
      c.total += r.n;
    }
  }
  return {
    from: range.from,
    to: range.to,
    followUps: totals?.n ?? 0,
    newRequests: totals?.new_requests ?? 0,
    anotherCallback: totals?.another ?? 0,
    overall: withRate(overall),
    byKind: [...kinds].map(([kind, c]) => withRate({ kind, ...c })).sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind)),
    byService: [...services.values()].map(withRate).sort((a, b) => b.total - a.total || a.serviceId.localeCompare(b.serviceId)),
    byCentre: centres.map((c) => ({ centre: c.centre, followUps: c.n })),
  };
}

/**
 * Per referral followed up, for the calls started in [startIso, endIso) (the follow-up's call,
 * whatever centre recorded it), counted like a workstation's (reports/followUpFacts.ts):
 * `<kind>:<help>` → count (the line bilan's "did help arrive?" table) and, per referred
 * service id, how many said help arrived (the barometer's per-service column).
 */
export async function helpFactsForCalls(ctx: HubContext, startIso: string, endIso: string): Promise<{ helpByKind: Record<string, number>; helpArrivedByService: Record<string, number> }> {
  const rows = await ctx.db.query<{ service_id: string; kind: string; help: string; n: number }>(
    `SELECT r ->> 'serviceId' AS service_id, r ->> 'kind' AS kind, r ->> 'help' AS help, count(*)::int AS n
     FROM hub_items i JOIN hub_call_facts f ON f.call_id = i.payload -> 'followUp' ->> 'callId'
     CROSS JOIN LATERAL jsonb_array_elements(i.payload -> 'followUp' -> 'referrals') AS r
     WHERE i.kind = 'callback' AND jsonb_typeof(i.payload -> 'followUp') = 'object' AND f.started_at >= $1::timestamptz AND f.started_at < $2::timestamptz
     GROUP BY 1, 2, 3`,
    [startIso, endIso],
  );
  const helpByKind: Record<string, number> = {};
  const helpArrivedByService: Record<string, number> = {};
  for (const r of rows) {
    helpByKind[`${r.kind}:${r.help}`] = (helpByKind[`${r.kind}:${r.help}`] ?? 0) + r.n;
    if (r.help === 'arrived') helpArrivedByService[r.service_id] = (helpArrivedByService[r.service_id] ?? 0) + r.n;
  }
  return { helpByKind, helpArrivedByService };
}
