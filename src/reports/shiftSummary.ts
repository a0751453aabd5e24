import { bucketOf } from '../callbacks/callbackSchedule.ts';
import type { ShiftSummary } from '../contract/reportsContract.ts';
import type { Db } from '../store/openDatabase.ts';
import { dayStart, nextDayStart } from '../domain/brusselsTime.ts';
import { handoverRepository } from './quotesRepository.ts';

// The shift summary for the debriefing (internal, never published): what the team — or one
// responder — did on a Brussels day. Calls and requests are counted apart; "to finish" lists
// ended calls whose record is not closed yet, with what is missing; callbacks are those due,
// arranged and done that day, and those overdue or due right now.

const NO_REFERRAL_HELP = ['cannot_help', 'unreachable'];

export function shiftSummary(db: Db, opts: { day: string; scope: 'team' | 'me'; profileId: string | null; now: Date }): ShiftSummary {
  const s = dayStart(opts.day).toISOString();
  const e = nextDayStart(opts.day).toISOString();
  const mine = opts.scope === 'me' && opts.profileId;
  const who = mine ? 'AND c.profile_id = @me' : '';
  const p = { s, e, me: opts.profileId ?? '' };
  const range = `c.started_at >= @s AND c.started_at < @e ${who}`;
  // Counts are over calls that ended (a call in progress has a record still being written).
  // Calls without a request (issue 16) are counted apart, never among themes and requests.
  const ended = `${range} AND c.status <> 'active' AND c.no_request IS NULL`;

  const status = db.prepare(`SELECT c.status, count(*) AS n FROM calls c WHERE ${range} GROUP BY 1`).all(p) as Array<{ status: string; n: number }>;
  const n = (k: string) => status.find((x) => x.status === k)?.n ?? 0;
  const themes = db.prepare(`SELECT t.theme_code AS key, count(*) AS count FROM call_themes t JOIN calls c ON c.id = t.call_id WHERE ${ended} GROUP BY 1 ORDER BY 2 DESC, 1`).all(p) as Array<{ key: string; count: number }>;
  const interventions = db.prepare(`SELECT i.mode AS key, count(*) AS count FROM call_interventions i JOIN calls c ON c.id = i.call_id WHERE ${ended} GROUP BY 1 ORDER BY 2 DESC, 1`).all(p) as Array<{ key: string; count: number }>;
  const services = db
    .prepare(
      `SELECT r.service_id AS serviceId, max(r.service_name) AS serviceName, count(*) AS count, sum(r.contacted) AS contacted,
              sum(CASE WHEN r.outcome IN (${NO_REFERRAL_HELP.map((o) => `'${o}'`).join(', ')}) THEN 1 ELSE 0 END) AS notHelping
       FROM call_referrals r JOIN calls c ON c.id = r.call_id WHERE ${ended} GROUP BY 1 ORDER BY 3 DESC, 2`,
    )
    .all(p) as ShiftSummary['referrals']['services'];
  const noTheme = db.prepare(`SELECT count(*) FROM calls c WHERE ${ended} AND NOT EXISTS (SELECT 1 FROM call_themes t WHERE t.call_id = c.id)`).pluck().get(p) as number;

  const toFinish = (
    db
      .prepare(
        `SELECT c.id AS callId, pr.display_name AS responderName, c.started_at AS startedAt, c.duration_ms AS durationMs,
           EXISTS (SELECT 1 FROM call_themes t WHERE t.call_id = c.id) AS hasThemes,
           EXISTS (SELECT 1 FROM call_interventions i WHERE i.call_id = c.id) AS hasInterventions
         FROM calls c JOIN profiles pr ON pr.id = c.profile_id WHERE ${range} AND c.status = 'ended' ORDER BY c.started_at`,
      )
      .all(p) as Array<{ callId: string; responderName: string; startedAt: string; durationMs: number | null; hasThemes: number; hasInterventions: number }>
  ).map((r) => ({
    callId: r.callId,
    responderName: r.responderName,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    missing: [...(r.hasThemes ? [] : (['themes'] as const)), ...(r.hasInterventions ? [] : (['interventions'] as const))],
  }));

  const unmetNeeds = (
    db
      .prepare(
        `SELECT c.unmet_need AS text, (SELECT group_concat(theme_code, ',') FROM (SELECT theme_code FROM call_themes t WHERE t.call_id = c.id ORDER BY position)) AS themes
         FROM calls c WHERE ${ended} AND c.unmet_need IS NOT NULL ORDER BY c.started_at`,
      )
      .all(p) as Array<{ text: string; themes: string | null }>
  ).map((r) => ({ text: r.text, themes: r.themes ? r.themes.split(',') : [] }));

  // Callbacks: those planned for the day (what a responder reads as "planned today": due that
  // day, whatever became of them — a callback promised today for tomorrow is not among them),
  // those arranged during the day (for any day), done that day, and the open ones as they stand now.
  const cbWho = mine ? 'AND (cb.assignee_profile_id = @me OR cb.created_by_profile_id = @me)' : '';
  const dueThatDay = db.prepare(`SELECT count(*) FROM callbacks cb WHERE cb.due_at >= @s AND cb.due_at < @e ${cbWho}`).pluck().get(p) as number;
  const scheduled = db.prepare(`SELECT count(*) FROM callbacks cb WHERE cb.created_at >= @s AND cb.created_at < @e ${cbWho}`).pluck().get(p) as number;
  const done = db.prepare(`SELECT count(*) FROM callbacks cb WHERE cb.status = 'done' AND cb.closed_at >= @s AND cb.closed_at < @e ${cbWho}`).pluck().get(p) as number;
  const open = db.prepare(`SELECT status, due_at AS dueAt, window_end AS windowEnd FROM callbacks cb WHERE cb.status = 'pending' ${cbWho}`).all(p) as Array<{ status: 'pending'; dueAt: string; windowEnd: string | null }>;
  let overdue = 0;
  let dueNow = 0;
  for (const c of open) {
    const b = bucketOf(c, opts.now);
    if (b === 'overdue') overdue++;
    else if (b === 'dueNow') dueNow++;
  }

  const withoutRequest = db.prepare(`SELECT c.no_request AS key, count(*) AS count FROM calls c WHERE ${range} AND c.status <> 'active' AND c.no_request IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`).all(p) as Array<{ key: string; count: number }>;
  const debrief = db
    .prepare(`SELECT c.id AS callId, pr.display_name AS responderName, c.started_at AS startedAt, c.debrief_reason AS reason FROM calls c JOIN profiles pr ON pr.id = c.profile_id WHERE ${range} AND c.debrief = 1 ORDER BY c.started_at`)
    .all(p) as ShiftSummary['debrief'];

  const total = n('ended') + n('closed');
  return {
    day: opts.day,
    scope: opts.scope,
    generatedAt: opts.now.toISOString(),
    calls: { total, inProgress: n('active'), toFinish: n('ended'), closed: n('closed') },
    requests: themes.reduce((a, t) => a + t.count, 0) + noTheme,
    themes,
    interventions,
    referrals: { total: services.reduce((a, x) => a + x.count, 0), contacted: services.reduce((a, x) => a + x.contacted, 0), services },
    callbacks: { dueThatDay, scheduled, done, overdue, dueNow, pending: open.length },
    toFinish,
    unmetNeeds,
    handover: handoverRepository(db).forDay(opts.day),
    withoutRequest,
    debrief,
  };
}
